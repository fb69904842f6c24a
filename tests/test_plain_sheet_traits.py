"""The second pass over a sheet whose cells have no prefix (as the package's check finds
nearly every sheet): its quicker searches find what the searches for any way of writing
find, on windows of cells written every way a plain sheet may write them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen.read.cell_styles import style_named, styled_cell
from chronogen.read.workbook_traits import _UNCACHED, _uncached_in_plain
from tests.property_examples import examples

#: a cell's attributes: its reference (or none, or lower case), its style, its type, quoted
#: and spaced as a writer may
_attributes = st.tuples(
    st.sampled_from(['r="A1"', 'r="XFD1048576"', "r='B22'", 'r = "c3"', "", 'r="A"']),
    st.sampled_from(['', ' s="3"', " s='7'", ' s = "12"', ' s="30"']),
    st.sampled_from(['', ' t="str"', ' t="n"']))
#: what a cell holds: a formula (with or without its value), a value, nothing
_contents = st.sampled_from([
    "<f>SUM(A1:A3)</f>", "<f>A1*2</f><v>4</v>", "<f t=\"shared\" si=\"0\"/>",
    "<f t=\"shared\" si=\"0\"/><v>2</v>", " <f>1+1</f> <v></v> ", "<f>x</f><x:v></x:v>",
    "<v>7</v>", "", "<is><t>text</t></is><f>late</f>", "<f>A1&lt;2</f>"])
_cells = st.lists(st.tuples(_attributes, _contents, st.sampled_from(["", " ", "\n"])),
                  max_size=12)


def _window(cells: list[tuple[tuple[str, str, str], str, str]]) -> bytes:
    written = []
    for (reference, style, kind), content, space in cells:
        opening = f"<c {reference}{style}{kind}".replace("<c ", "<c ", 1).rstrip() + ">"
        opening = opening if reference or style or kind else "<c>"
        written.append(f"{opening}{space}{content}</c>")
    return ('<row r="1">' + "".join(written) + "</row><cols><col min=\"1\"/></cols>").encode()


@settings(max_examples=examples(300), deadline=None)
@given(_cells)
def test_formulas_without_values_are_found_from_each_formula_as_from_each_tag(
        cells: list) -> None:
    window = _window(cells)
    assert _uncached_in_plain(window) == _UNCACHED.findall(window)


@settings(max_examples=examples(300), deadline=None)
@given(_cells, st.sets(st.sampled_from([3, 7, 12, 30]), min_size=1))
def test_styled_cells_are_found_from_each_opening_as_from_each_tag(
        cells: list, styles: set[int]) -> None:
    window = _window(cells)
    prefixed = styled_cell(frozenset(styles))
    plain = styled_cell(frozenset(styles), prefixed=False)
    assert prefixed is not None and plain is not None
    assert plain[0].findall(window) == prefixed[0].findall(window)


@settings(max_examples=examples(300), deadline=None)
@given(_cells, st.sets(st.sampled_from([3, 7, 12, 30]), min_size=1))
def test_a_window_holding_a_styled_cell_names_its_style(cells: list, styles: set[int]) -> None:
    """The quick look before a window's cells are searched one by one: wherever a cell of
    one of the styles is, the look finds the style named (it may find more: a text saying
    s="3")."""
    window = _window(cells)
    prefixed = styled_cell(frozenset(styles))
    assert prefixed is not None
    if prefixed[0].findall(window):
        assert style_named(frozenset(styles)).search(window) is not None
