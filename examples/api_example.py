"""Read the bundled example case and print who was seen, entry by entry."""

from __future__ import annotations

import chronogen
from chronogen.examples import example_case


def main() -> None:
    case = chronogen.read_case(example_case())
    names = {p.id: p.first_name or p.id for p in case.family.people}
    for entry in case.entries:
        seen = ", ".join(names[c] for c in entry.seen_children()) or "-"
        print(f"{entry.date.display():<12} {entry.agency:<24} {entry.kind.value:<20} seen: {seen}")
    print(f"{len(case.rejected)} rows rejected; {len(case.joint_events)} joint events")


if __name__ == "__main__":
    main()
