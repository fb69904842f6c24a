"""Family files: workbook, JSON or GEDCOM -> :class:`~chronogen.model.Family` + problems.

``reader`` picks the reader by suffix; ``words`` holds the headings and relationship words of
family workbooks, ``checks`` the checks every family gets, ``gedcom`` the GEDCOM adapter.
"""
