"""The domain's own vocabulary over the model: pure functions and tables, no files.

Agency names and abbreviations, matching written names to people, kinship (who is whose
mother, sibling, partner on a date) and the family as a networkx graph. Every stage above
(read, analyse, genogram, write) may use it; it uses only :mod:`chronogen.model`.
"""
