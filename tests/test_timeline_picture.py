"""The timeline picture: one lane per agency, every dated contact a mark, byte-identical."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from PIL import Image

from chronogen import Case
from chronogen.draw.timeline import (
    NO_CHILD,
    NOT_RECORDED,
    NOT_SEEN,
    SEEN,
    key_events,
    lanes_of,
    marks_of,
    timeline_figure,
)
from chronogen.write.registry import OutputOptions
from chronogen.write.timeline_files import write_case_output


def test_one_lane_per_agency_and_a_band_per_child(harbour_case: Case) -> None:
    figure = timeline_figure(harbour_case)
    (axes,) = figure.axes
    labels = [t.get_text() for t in axes.get_yticklabels()]
    agencies = [a.name for a in harbour_case.agencies]
    assert labels[-len(agencies):] == agencies
    assert labels[:3] == ["Mia: seen / unseen", "Leo: seen / unseen", "Ava: seen / unseen"]
    assert lanes_of(harbour_case) == agencies


def test_every_dated_contact_is_a_mark_saying_whether_a_child_was_seen(
        harbour_case: Case) -> None:
    marks = marks_of(harbour_case)
    assert len(marks) == len(harbour_case.entries)
    by_id = dict(zip([e.id for e in harbour_case.entries], marks, strict=True))
    assert by_id["CSC-9"].state == NOT_SEEN      # "children not seen"
    assert by_id["HV-2"].state == SEEN
    assert by_id["POL-2"].state == NOT_RECORDED  # the police say nothing of the children
    assert {m.state for m in marks} <= {SEEN, NOT_SEEN, NOT_RECORDED, NO_CHILD}
    assert by_id["POL-4"].flagged  # the referral that was never received


def test_births_moves_and_milestones_are_labelled(harbour_case: Case) -> None:
    first = min(e.date.sort_key[0] for e in harbour_case.entries)
    last = max(e.date.sort_key[0] for e in harbour_case.entries)
    labels = [label for _, label in key_events(harbour_case, first, last)]
    assert "Dean moves in" in labels and "strategy" in labels and "conference" in labels


def test_only_days_known_to_the_day_are_labelled(harbour_case: Case) -> None:
    """A birth or a move known to the year only (as the anonymised set gives a child born
    into a household) is not labelled on 1 January."""
    from chronogen import PartialDate

    family = harbour_case.family
    yearly = [p.model_copy(update={"birth": PartialDate.parse("2019")}) if p.id == "P2" else p
              for p in family.people]
    stays = [s.model_copy(update={"start": PartialDate.parse("2020")}) if s.person == "P7"
             else s for s in family.households]
    case = harbour_case.model_copy(update={"family": family.model_copy(
        update={"people": yearly, "households": stays})})
    labels = [label for _, label in key_events(case, date(2018, 1, 1), date(2021, 12, 31))]
    assert "Leo born" not in labels and "Dean moves in" not in labels
    assert "Ryan moves out" in labels  # known to the day
    exact = [label for _, label in key_events(harbour_case, date(2018, 1, 1),
                                              date(2021, 12, 31))]
    assert "Leo born" in exact and "Dean moves in" in exact


def test_svg_and_png_are_written_byte_identical(harbour_case: Case, tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    one.mkdir()
    two.mkdir()
    written = write_case_output(harbour_case, one, OutputOptions())
    write_case_output(harbour_case, two, OutputOptions())
    assert [p.name for p in written.files] == ["timeline.svg", "timeline.png"]
    for name in ("timeline.svg", "timeline.png"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    ET.parse(one / "timeline.svg")  # well-formed
    with Image.open(one / "timeline.png") as image:
        assert round(image.info["dpi"][0]) == 200 and image.width >= 3000


def test_a_case_with_no_dated_entry_gets_a_note_not_a_picture(tmp_path: Path) -> None:
    written = write_case_output(Case(title="empty"), tmp_path, OutputOptions())
    assert written.files == [] and "no dated entry" in written.notes[0]
