"""Agency returns: one agency's chronology file -> entries, rejected rows, problems.

``table`` rows -> ``layout`` (which sheet, header row and column is which field, from
``columns``) -> ``reader`` (which sheets) -> ``rows`` (each row to an entry, with ``cell_values``,
``answers`` and ``kinds``) -> ``result``.
"""
