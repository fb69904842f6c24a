"""The timeline picture: one lane per agency across the whole period (matplotlib).

Each contact is a mark that says whether a child was seen (filled green), recorded as not
seen (red cross), or the record does not say (hollow amber ring); contacts that concern no
child are small grey dots. Above the lanes, each subject child has a band: their recorded
sightings as ticks and every unseen period chronogen flagged shaded red. Flagged contacts
carry a small red triangle. Births, household moves and child-protection milestones
(strategy discussions, conferences) are labelled along the top (past 40, the milestones are
short ticks along the top edge, without a label).

matplotlib is used through its object API with the Agg canvas (no pyplot, no global state,
no screen); outputs are made byte-identical (fixed SVG ids, no dates in the metadata).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from chronogen.dates import span_rank
from chronogen.draw.dot_syntax import clean_label
from chronogen.model.case import Case
from chronogen.model.chronology import ContactKind, Entry, span_of
from chronogen.model.flag import FlagCode
from chronogen.model.recorded import Recorded

SEEN, NOT_SEEN, NOT_RECORDED, NO_CHILD = "seen", "not seen", "not recorded", "no child"
#: the kinds of contact labelled along the top as child-protection milestones
MILESTONES = {ContactKind.STRATEGY_DISCUSSION: "strategy", ContactKind.CONFERENCE: "conference"}
_STYLE = {
    SEEN: {"marker": "o", "color": "#2E7D32", "s": 46, "label": "a child seen"},
    NOT_SEEN: {"marker": "X", "color": "#C62828", "s": 60, "label": "recorded as not seen"},
    NOT_RECORDED: {"marker": "o", "facecolors": "none", "edgecolors": "#E6A100", "s": 46,
                   "linewidths": 1.6, "label": "not recorded whether seen"},
    NO_CHILD: {"marker": ".", "color": "#9E9E9E", "s": 30, "label": "no child concerned"},
}


#: no dates or versions in the files: the same case gives the same bytes
_METADATA: dict[str, dict[str, Any]] = {
    "svg": {"Date": None, "Creator": "chronogen"},
    "png": {"Software": "chronogen"},
    "pdf": {"CreationDate": None, "Creator": "chronogen", "Producer": "chronogen"},
}
#: flags whose evidence is a contact worth marking (an unseen period's evidence is the
#: sightings around it, and a joint event is no concern in itself)
_NOT_MARKED = frozenset({FlagCode.UNSEEN_PERIOD, FlagCode.JOINT_EVENT})


class Mark(NamedTuple):
    """One contact on the picture (a tuple: a long case makes a hundred thousand)."""

    lane: int
    first: date
    last: date
    state: str
    flagged: bool


def seen_state(entry: Entry) -> str:
    """Whether a child was seen in *entry*: seen, not seen, not recorded, or no child."""
    said = {r.seen for r in entry.children.values()}
    if Recorded.YES in said:
        return SEEN
    if Recorded.NO in said:
        return NOT_SEEN
    if Recorded.NOT_RECORDED in said:
        return NOT_RECORDED
    return NO_CHILD


def lanes_of(case: Case) -> list[str]:
    """The agencies, one lane each, in case.toml order (then any other agency)."""
    return list(dict.fromkeys([a.name for a in case.agencies] + [e.agency for e in case.entries]))


def marks_of(case: Case) -> list[Mark]:
    """Every dated contact as a mark in its agency's lane."""
    lanes = {name: n for n, name in enumerate(lanes_of(case))}
    flagged = {e for f in case.flags if f.code not in _NOT_MARKED for e in f.evidence}
    marks = []
    for entry in case.entries:
        first, last = entry.date.sort_key
        if entry.date.earliest is None and entry.date.latest is None:
            continue
        marks.append(Mark(lanes[entry.agency], first, last, seen_state(entry),
                          entry.id in flagged))
    return marks


def key_events(case: Case, first: date, last: date) -> list[tuple[date, str]]:
    """Births and deaths of subject children, moves in or out of a household, and
    child-protection milestones, within the period, each with a short label. Only days
    known to the day are labelled: a birth known to the year, labelled on its first day,
    would say the child was born on 1 January (and the anonymised set gives births as
    years)."""
    family = case.family
    events: list[tuple[date, str]] = []
    for child in family.subject_children:
        for when, verb in ((child.birth, "born"), (child.death, "died")):
            if when is not None and when.is_exact_day and when.earliest and \
                    first <= when.earliest <= last:
                events.append((when.earliest, f"{child.first_name or child.name} {verb}"))
    names = {p.id: (p.first_name or p.name) for p in family.people}
    for stay in family.households:
        for bound, verb in ((stay.start, "moves in"), (stay.end, "moves out")):
            if bound is not None and bound.is_exact_day and bound.earliest and \
                    first < bound.earliest <= last:
                events.append((bound.earliest, f"{names.get(stay.person, stay.person)} {verb}"))
    seen_days: set[tuple[date, str]] = set()
    for entry in case.entries:
        label = MILESTONES.get(entry.kind)
        day = entry.date.earliest
        if label and day and entry.date.is_exact_day and (day, label) not in seen_days:
            seen_days.add((day, label))
            events.append((day, label))
    return sorted(events)


#: from this many contacts the marks are drawn as a picture inside the SVG
DENSE_FROM = 5_000
#: at most this many events are labelled along the top; past it, the milestones are drawn
#: as lines without labels (a long case can hold hundreds of strategy discussions)
MAX_LABELS = 40


def labelled_events(case: Case, first: date, last: date
                    ) -> tuple[list[tuple[date, str]], list[date]]:
    """The key events to label, and the days of milestones drawn without a label."""
    events = key_events(case, first, last)
    if len(events) <= MAX_LABELS:
        return events, []
    milestones = set(MILESTONES.values())
    family = [(day, label) for day, label in events if label not in milestones]
    return family[:MAX_LABELS], [day for day, label in events if label in milestones] + [
        day for day, _ in family[MAX_LABELS:]]


def unseen_periods(case: Case) -> dict[str, list[tuple[date, date, bool]]]:
    """Per subject child, the unseen periods the flags found: (from, to, the child's
    longest?). A flag may name several children unseen together; the longest is each
    child's own, chosen as the rule chooses it (:func:`~chronogen.dates.span_rank`)."""
    found: dict[str, list[tuple[date, date]]] = {}
    for flag in case.flags:
        if flag.code is FlagCode.UNSEEN_PERIOD and flag.period:
            for child in flag.people:
                found.setdefault(child, []).append(flag.period.sort_key)
    marked: dict[str, list[tuple[date, date, bool]]] = {}
    for child, periods in found.items():
        longest = max(periods, key=lambda p: span_rank(*p))
        marked[child] = [(first, last, (first, last) == longest) for first, last in periods]
    return marked


def timeline_figure(case: Case) -> Any:
    """The timeline as a matplotlib Figure (not yet saved)."""
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    lanes = lanes_of(case)
    children = case.family.subject_children
    covered = span_of(case.entries) or (date.today(), date.today())
    first, last = covered
    pad = timedelta(days=max(7, (last - first).days // 40))
    rows = len(children) + len(lanes)
    events, unlabelled = labelled_events(case, first, last)
    figure = Figure(figsize=(16, 2.2 + 0.42 * rows + 0.02 * len(events)), dpi=100)
    # matplotlib takes dates where its type hints say float: hold the axes untyped
    axes: Any = figure.add_subplot(1, 1, 1)
    dates: Any = mdates
    # y: children's bands on top (highest y), then agency lanes downwards
    child_y = {c.id: rows - 1 - n for n, c in enumerate(children)}
    lane_y = [len(lanes) - 1 - n for n in range(len(lanes))]
    gaps = unseen_periods(case)
    # thousands of contacts: the marks drawn as a picture inside the SVG, not one shape each
    # (the same look, a fraction of the size and time)
    dense = len(case.entries) > DENSE_FROM
    seen_days: dict[str, list[date]] = {}
    for entry in case.entries:  # one pass for every child's sightings
        for child_id, record in entry.children.items():
            if record.seen is Recorded.YES:
                seen_days.setdefault(child_id, []).append(entry.date.sort_key[0])
    for child in children:
        y = child_y[child.id]
        for start, end, longest in gaps.get(child.id, []):
            axes.axvspan(start, end, ymin=(y + 0.15) / (rows + 0.1),
                         ymax=(y + 0.85) / (rows + 0.1), color="#E53935",
                         alpha=0.45 if longest else 0.16, linewidth=0)
        sightings = seen_days.get(child.id, [])
        if dense:
            _segments(axes, [(d, y - 0.3, d, y + 0.3) for d in _numbers(sightings)],
                      color="#2E7D32", linewidth=1.4)
        else:
            axes.vlines(sightings, y - 0.3, y + 0.3, color="#2E7D32", linewidth=1.4)
        axes.axhline(y - 0.5, color="#BDBDBD", linewidth=0.6)
    for y in lane_y:
        axes.axhline(y, color="#EEEEEE", linewidth=0.8, zorder=0)
    marks = marks_of(case)
    for state, style in _STYLE.items():
        chosen = [m for m in marks if m.state == state]
        if chosen:
            axes.scatter(_middles(chosen, dense), _heights([lane_y[m.lane] for m in chosen]),
                         zorder=3, rasterized=dense, **style)
    vague = [m for m in marks if m.last > m.first]
    if vague and dense:  # a month or a range: a bar shows how vague the date is
        _segments(axes, [(a, lane_y[m.lane], b, lane_y[m.lane]) for m, a, b in zip(
            vague, _numbers([m.first for m in vague]), _numbers([m.last for m in vague]),
            strict=True)], color="#9E9E9E", linewidth=3, alpha=0.5, zorder=2)
    elif vague:
        axes.hlines([lane_y[m.lane] for m in vague], [m.first for m in vague],
                    [m.last for m in vague], color="#9E9E9E", linewidth=3, alpha=0.5,
                    zorder=2, capstyle="butt")
    flagged = [m for m in marks if m.flagged]
    axes.scatter(_middles(flagged, dense), _heights([lane_y[m.lane] + 0.3 for m in flagged]),
                 marker="v", color="#B71C1C", s=18, zorder=4, rasterized=dense)
    if events:
        axes.vlines([day for day, _ in events], -0.5, rows - 0.5, color="#5C6BC0",
                    linewidth=0.8, linestyle=":", zorder=1)
    if unlabelled:  # too many for lines across the lanes: short ticks along the top
        axes.vlines(unlabelled, rows - 0.5, rows - 0.4, color="#5C6BC0", linewidth=0.8,
                    zorder=1)
    for n, (day, label) in enumerate(events):
        axes.annotate(clean_label(label, 60), xy=(day, rows - 0.5), xytext=(0, 4 + 10 * (n % 3)),
                      textcoords="offset points", fontsize=7.5, color="#283593",
                      rotation=0, ha="left", va="bottom", annotation_clip=False)
    ticks = [child_y[c.id] for c in children] + lane_y
    labels = [clean_label(f"{c.first_name or c.name}: seen / unseen", 60) for c in children]
    labels += [clean_label(lane, 60) for lane in lanes]
    axes.set_yticks(ticks, labels, fontsize=9)
    axes.set_ylim(-0.5, rows - 0.4)
    axes.set_xlim(first - pad, last + pad)
    locator = dates.AutoDateLocator(minticks=6, maxticks=14)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    axes.tick_params(axis="x", labelsize=8)
    axes.grid(axis="x", color="#F0F0F0", linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    handles = [Line2D([], [], linestyle="none", markersize=7,
                      marker=str(s["marker"]), label=str(s["label"]),
                      markerfacecolor=str(s.get("color", "none")),
                      markeredgecolor=str(s.get("edgecolors", s.get("color"))))
               for s in _STYLE.values()]
    handles.append(Line2D([], [], linestyle="none", marker="v", color="#B71C1C",
                          markersize=6, label="contact flagged (see the flags)"))
    handles.append(Line2D([], [], color="#E53935", alpha=0.2, linewidth=8,
                          label=f"unseen over {case.settings.unseen_days} days"))
    handles.append(Line2D([], [], color="#E53935", alpha=0.5, linewidth=8,
                          label="longest unseen period"))
    handles.append(Line2D([], [], color="#2E7D32", linewidth=1.5, label="child seen"))
    if unlabelled:
        handles.append(Line2D([], [], color="#5C6BC0", linewidth=0.8,
                              label=f"{len(unlabelled)} milestones (ticks at the top: too "
                                    "many to label)"))
    axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=4,
                fontsize=8, frameon=False)
    figure.suptitle(f"{clean_label(case.title, 120)}: contacts by agency, "
                    f"{first.strftime('%d/%m/%Y')} to {last.strftime('%d/%m/%Y')}",
                    fontsize=11, x=0.01, ha="left")
    figure.tight_layout()
    return figure


def _numbers(days: list[date]) -> Any:
    """Days as matplotlib's date numbers, all at once (given as dates, matplotlib converts
    each on its own: seconds for a hundred thousand)."""
    import numpy as np
    from matplotlib import dates as mdates

    return mdates.date2num(np.array(days, dtype="datetime64[D]"))  # type: ignore[no-untyped-call]


def _heights(values: list[float]) -> Any:
    """Heights as an array: matplotlib reads a list of numbers one by one as masked values."""
    import numpy as np

    return np.array(values, dtype=float)


def _middles(marks: list[Mark], dense: bool) -> Any:
    """Where each mark is drawn: the middle of its date's bounds."""
    middles = [m.first + (m.last - m.first) / 2 for m in marks]
    return _numbers(middles) if dense and middles else middles


def _segments(axes: Any, lines: list[tuple[float, float, float, float]], **style: Any) -> None:
    """Straight lines (x0, y0, x1, y1) in data coordinates as one path, drawn as a picture
    inside an SVG: one shape for thousands of ticks and bars, not one each."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    if not lines:
        return
    vertices = [point for x0, y0, x1, y1 in lines for point in ((x0, y0), (x1, y1))]
    codes = [MplPath.MOVETO, MplPath.LINETO] * len(lines)
    # add_artist, not add_patch: the axes' limits are set, and add_patch walks every
    # segment in Python to widen them
    axes.add_artist(PathPatch(MplPath(vertices, codes), fill=False, capstyle="butt",
                              edgecolor=style.pop("color"), rasterized=True, **style))


def draw_timeline(case: Case, outputs: list[Path], *, dpi: int = 200) -> list[Path]:
    """Save the timeline to each of *outputs* (.svg, .png or .pdf), byte-identical for the
    same case."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = timeline_figure(case)
    FigureCanvasAgg(figure)
    try:
        for output in outputs:
            kind = output.suffix.lstrip(".").lower()
            metadata: dict[str, Any] = dict(_METADATA.get(kind, {}))
            with matplotlib.rc_context({"svg.hashsalt": "chronogen", "svg.fonttype": "none"}):
                figure.savefig(output, format=kind, dpi=dpi, metadata=metadata)
    finally:
        # a figure's artists refer to each other: only the cycle collector would free them,
        # and it is paused while a large case is written
        figure.clear()
    return outputs
