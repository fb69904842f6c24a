"""The chronology as a table: one row per entry, the columns every tabular output shares."""

from __future__ import annotations

from dataclasses import dataclass

from chronogen.model.case import Case
from chronogen.model.chronology import Entry
from chronogen.write.also_recorded import (
    PRINTED_BY_TABLES,
    SourceColumns,
    also_recorded,
    also_text,
    columns_by_source,
)
from chronogen.write.appendix import RECORDED_TEXT


@dataclass(frozen=True)
class TableColumn:
    """A column of the chronology table."""

    heading: str
    width: int  # characters, for spreadsheet outputs


def chronology_table(case: Case) -> tuple[list[TableColumn], list[list[str | int | None]]]:
    """Headings and rows of the merged chronology, per-child seen / views columns included."""
    children = case.family.subject_children
    columns = [
        TableColumn("ID", 10), TableColumn("Date", 12), TableColumn("Time", 7),
        TableColumn("Agency", 18), TableColumn("Contact type (as recorded)", 20),
        TableColumn("Contact kind", 16), TableColumn("Summary", 60),
        TableColumn("Outcome / action", 30), TableColumn("People named", 16),
    ]
    for child in children:
        columns.append(TableColumn(f"{child.name}: seen", 12))
        columns.append(TableColumn(f"{child.name}: views", 12))
    columns += [
        TableColumn("Practitioner", 16), TableColumn("Referral to", 14),
        TableColumn("Joint event", 10), TableColumn("Also recorded", 30),
        TableColumn("Source file", 22),
        TableColumn("Sheet", 14), TableColumn("Row", 6),
    ]
    sources = columns_by_source(case)
    rows = [_row(case, entry, [c.id for c in children], sources) for entry in case.entries]
    return columns, rows


def _person_names(case: Case, ids: list[str]) -> str:
    names = []
    for pid in ids:
        person = case.family.get(pid)
        names.append(person.name if person else pid)
    return ", ".join(names)


def _row(case: Case, entry: Entry, child_ids: list[str], sources: SourceColumns
         ) -> list[str | int | None]:
    row: list[str | int | None] = [
        entry.id,
        entry.date.display(),
        entry.time.strftime("%H:%M") if entry.time else None,
        entry.agency,
        entry.kind_text,
        entry.kind.value,
        entry.summary,
        entry.outcome,
        _person_names(case, entry.people) or None,
    ]
    for child_id in child_ids:
        record = entry.children.get(child_id)
        if record is None:
            row += [None, None]
        else:
            row += [RECORDED_TEXT[record.seen], RECORDED_TEXT[record.views]]
    row += [
        entry.practitioner,
        entry.referral_to,
        entry.joint_event,
        also_text(also_recorded(entry, sources), leaving_out=PRINTED_BY_TABLES),
        entry.source.file,
        entry.source.sheet,
        entry.source.row,
    ]
    return row
