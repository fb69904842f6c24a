"""The merged timeline: deterministic, stable, total; joint events linked, not merged."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import ContactKind, Entry, PartialDate, SourceRef, merge
from chronogen.analyse.timeline import JOINT_KINDS, sort_key

AGENCIES = ["Children's Social Care", "Police", "Health Visiting", "GP"]


def _entry_of(n: int, drawn: tuple[date, str, str, time | None, ContactKind]) -> Entry:
    day, precision, agency, at, kind = drawn
    value = {"day": PartialDate.day(day), "month": PartialDate.month(day.year, day.month),
             "year": PartialDate.year(day.year)}[precision]
    return Entry(id=f"E{n}", agency=agency, date=value, time=at, kind=kind,
                 source=SourceRef(file=f"{agency}.xlsx", sheet="S", row=n + 2))


#: three months, often their first three days (contacts and meetings on the same day)
_DAYS = st.dates(min_value=date(2019, 1, 1), max_value=date(2019, 1, 3)) | st.dates(
    min_value=date(2019, 1, 1), max_value=date(2019, 3, 31))
_TIMES = st.none() | st.times()
#: one contact: any day, precision, agency, time and kind
_ONE = st.tuples(_DAYS, st.sampled_from(["day", "month", "year"]), st.sampled_from(AGENCIES),
                 _TIMES, st.sampled_from(list(ContactKind))).map(lambda one: [one])
#: one meeting several agencies may each record (a joint event when two or more do)
_MEETING = st.tuples(_DAYS, st.sampled_from(sorted(JOINT_KINDS)),
                     st.lists(st.tuples(st.sampled_from(AGENCIES), _TIMES), min_size=1,
                              max_size=4)).map(
    lambda met: [(met[0], "day", agency, at, met[1]) for agency, at in met[2]])


def entries() -> st.SearchStrategy[list[Entry]]:
    """Up to about 25 entries from four agencies over three months: single contacts of every
    kind, each dated to a day, a month or a year, and meetings recorded by one agency or
    several (the same agency twice, too). One strategy of plain values: quicker to draw
    than a draw per field."""
    return st.lists(_ONE | _MEETING, max_size=12).map(
        lambda groups: [_entry_of(n, values) for n, values in
                        enumerate(one for group in groups for one in group)])


@given(entries(), st.randoms())
def test_order_does_not_depend_on_input_order(items: list[Entry], rnd: object) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first = merge(items, AGENCIES)
    second = merge(shuffled, AGENCIES)
    assert [e.id for e in first.entries] == [e.id for e in second.entries]
    assert first.joint_events == second.joint_events


@given(entries())
def test_order_is_total_and_sorted(items: list[Entry]) -> None:
    order = {name: n for n, name in enumerate(AGENCIES)}
    merged = merge(items, AGENCIES).entries
    keys = [sort_key(e, order) for e in merged]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)  # no two entries tie: the order is total
    assert sorted(e.id for e in merged) == sorted(e.id for e in items)  # nothing lost


@given(entries())
def test_merge_is_idempotent(items: list[Entry]) -> None:
    once = merge(items, AGENCIES)
    twice = merge(once.entries, AGENCIES)
    assert [e.model_dump() for e in once.entries] == [e.model_dump() for e in twice.entries]


@given(entries())
def test_joint_events_only_link_same_day_joint_kinds_across_agencies(items: list[Entry]) -> None:
    merged = merge(items, AGENCIES)
    by_id = {e.id: e for e in merged.entries}
    for event in merged.joint_events:
        members = [by_id[i] for i in event.entries]
        assert len({m.agency for m in members}) >= 2
        assert len({(m.date.earliest, m.kind) for m in members}) == 1
        assert all(m.date.precision.value == "day" for m in members)
    linked = {i for event in merged.joint_events for i in event.entries}
    assert {e.id for e in merged.entries if e.joint_event} == linked


def test_the_generated_cases_hold_joint_events() -> None:
    """The properties above are tried on cases with joint events and cases without (about
    three in five have one: a chance of well under one in a billion that sixty have none)."""
    found: list[int] = []

    @settings(max_examples=60, database=None)
    @given(entries())
    def count(items: list[Entry]) -> None:
        found.append(len(merge(items, AGENCIES).joint_events))

    count()
    assert any(found) and not all(found)


def _entry(eid: str, agency: str, day: date, *, kind: ContactKind = ContactKind.HOME_VISIT,
           at: time | None = None, row: int = 2) -> Entry:
    return Entry(id=eid, agency=agency, date=PartialDate.day(day), time=at, kind=kind,
                 source=SourceRef(file=f"{agency}.xlsx", sheet="S", row=row))


def test_untimed_entries_come_at_the_end_of_their_day_then_agency_order() -> None:
    day = date(2020, 3, 14)
    items = [
        _entry("a", "Police", day),
        _entry("b", "Children's Social Care", day),
        _entry("c", "GP", day, at=time(9, 30)),
        _entry("d", "Police", date(2020, 3, 13), at=time(23, 15)),
    ]
    assert [e.id for e in merge(items, AGENCIES).entries] == ["d", "c", "b", "a"]


def test_a_strategy_meeting_in_three_agencies_is_one_joint_event_of_three_entries() -> None:
    day = date(2020, 3, 14)
    items = [_entry(f"x{n}", agency, day, kind=ContactKind.STRATEGY_DISCUSSION)
             for n, agency in enumerate(AGENCIES[:3])]
    items.append(_entry("y", "GP", day, kind=ContactKind.APPOINTMENT))
    merged = merge(items, AGENCIES)
    assert len(merged.entries) == 4
    assert len(merged.joint_events) == 1
    assert merged.joint_events[0].entries == ["x0", "x1", "x2"]


def test_one_agency_alone_is_not_a_joint_event() -> None:
    day = date(2020, 3, 14)
    items = [_entry("a", "Police", day, kind=ContactKind.MEETING, row=2),
             _entry("b", "Police", day, kind=ContactKind.MEETING, row=3)]
    assert merge(items, AGENCIES).joint_events == []


@given(entries())
def test_merge_changes_no_input_entry_and_copies_only_those_it_links(items: list[Entry]) -> None:
    before = [e.model_dump() for e in items]
    merged = merge(items, AGENCIES)
    assert [e.model_dump() for e in items] == before
    originals = {id(e) for e in items}
    for entry in merged.entries:
        # a large case is not held twice: an unlinked entry is the input's own object
        assert (id(entry) in originals) == (entry.joint_event is None)


@given(entries())
def test_merging_in_place_gives_the_same_timeline(items: list[Entry]) -> None:
    copied = merge(items, AGENCIES)
    own = [e.model_copy() for e in items]
    in_place = merge(own, AGENCIES, in_place=True)
    assert [e.model_dump() for e in in_place.entries] == [e.model_dump() for e in copied.entries]
    assert in_place.joint_events == copied.joint_events
    assert {id(e) for e in in_place.entries} == {id(e) for e in own}
