"""Who a row names, and what it records of each subject child: seen, views, seen alone,
from the child column, the seen / views / seen-alone columns and each child's own columns
("Mia seen?"), worked out once per distinct combination of those cells. A part of
:class:`~chronogen.read.returns.rows.RowReader`.
"""

from __future__ import annotations

import re
from functools import cache

from chronogen.domain.names import REMARK, NameIndex
from chronogen.model.chronology import ChildRecord
from chronogen.model.family import Family
from chronogen.model.problems import ProblemCode, Severity
from chronogen.model.recorded import Recorded
from chronogen.read.returns.answers import Answer, read_answer, says_only_seen
from chronogen.read.returns.cell_words import AT_A_DISTANCE, EVERY_CHILD, ROLE_WORDS, key_words
from chronogen.read.returns.columns import Field
from chronogen.read.returns.layout import Column, Layout
from chronogen.read.returns.per_child import read_per_child
from chronogen.read.returns.sheet_reading import Memoised, SheetReading, Values
from chronogen.read.returns.views_text import views_in_words
from chronogen.read.sheet import Cell
from chronogen.read.table import normalise_heading

_F_CHILD = Field.CHILD
_F_SEEN = Field.SEEN
_F_SEEN_ALONE = Field.SEEN_ALONE
_F_VIEWS = Field.VIEWS
#: a column named by a subject child: "Mia seen?", "Leo's views", "Seen - Ava"
_CHILD_COLUMN = re.compile(r"^(?P<name>[a-z][\w-]*?)(?: s)? (?:was )?(?P<what>seen alone|seen|"
                           r"views|voice|wishes and feelings)(?: y n| yes no)?$")
_CHILD_COLUMN_AFTER = re.compile(r"^(?P<what>seen alone|seen|views|voice) (?P<name>[a-z][\w-]*)$")


class ChildrenReading(SheetReading):
    """The children's records of each row (see the module)."""

    layout: Layout
    fields: dict[Field, Column]

    def _read_children_as(self, family: Family) -> None:
        """Set up for *family*: who can be named, and each child's own columns."""
        self.family = family
        self.names = NameIndex(family)
        self.subject_ids = [p.id for p in family.subject_children]
        self.subjects = set(self.subject_ids)
        self.subject_set = frozenset(self.subjects)
        self.child_columns = self._child_columns()
        #: each role the family file gives (lower case) -> who holds it
        self._role_holders: dict[str, list[str]] = {}
        for person in family.people:
            if person.role:
                self._role_holders.setdefault(key_words(person.role), []).append(person.id)
        self._people_seen: Memoised = {}
        self._children_seen: Memoised = {}

    def _people(self, number: int, value: Cell) -> list[str]:
        if value is None or not self.family.people:
            return []  # with no family there is no one to match names against
        key = (type(value), value)
        hit = self._people_seen.get(key)
        if hit is not None and not hit[1]:
            return hit[0]  # type: ignore[return-value]  # worked out before, no problems
        return self._memo(self._people_seen, key, number,
                          lambda: self._match_people(number, value))

    def _match_people(self, number: int, value: Cell) -> list[str]:
        column = self.fields.get(_F_CHILD)
        # a child column's remarks are no names: "Mia (8)", "Mia Harbour (DOB 14/02/2016)"
        text = str(value)
        match = self.names.match_list(REMARK.sub(" ", text) if "(" in text else text)
        everyone = [name for name in match.unknown if key_words(name) in EVERY_CHILD]
        if everyone:  # "All children", "Both", "Mia and siblings": every subject child
            match.unknown = [name for name in match.unknown if name not in everyone]
            match.ids += [pid for pid in self.subject_ids if pid not in match.ids]
        for name in list(match.unknown):  # "Mum", "Mother": the family's one mother
            holders = self._holders(ROLE_WORDS.get(key_words(name)))
            if holders:
                match.unknown.remove(name)
                if len(holders) == 1:
                    match.ids += [pid for pid in holders if pid not in match.ids]
                else:
                    match.ambiguous.append(name)
        for name in match.unknown:
            self.problem(ProblemCode.UNKNOWN_PERSON, Severity.WARNING,
                         f"{name!r} matches no one in the family", row=number, column=column,
                         value=value)
        for name in match.ambiguous:
            self.problem(ProblemCode.AMBIGUOUS_PERSON, Severity.WARNING,
                         f"{name!r} could be more than one person in the family; give the full "
                         "name", row=number, column=column, value=value)
        return match.ids

    def _holders(self, role: str | None) -> list[str]:
        """Who holds *role* in the family file ("mother")."""
        return self._role_holders.get(role, []) if role is not None else []

    def _child_columns(self) -> list[tuple[Column, Field, str]]:
        """Columns named by a subject child ("Mia seen?", "Leo's views", "Seen - Ava"):
        (column, seen / views / seen alone, the child's id)."""
        found = []
        for column in self.layout.columns:
            if column.field is not None:
                continue
            heading = normalise_heading(column.heading)
            match = _CHILD_COLUMN.match(heading) or _CHILD_COLUMN_AFTER.match(heading)
            if match is None:
                continue
            ids = [i for i in self.names.lookup(match.group("name")) if i in self.subjects]
            if len(ids) == 1:
                what = {"seen": _F_SEEN, "seen alone": _F_SEEN_ALONE}.get(
                    match.group("what"), _F_VIEWS)
                found.append((column, what, ids[0]))
        return found

    def _children(self, number: int, cells: tuple[Cell, ...], values: Values,
                  people: list[str]) -> dict[str, ChildRecord]:
        """Seen, views and seen alone for each subject child the row concerns; worked out
        once per distinct combination of the cells they come from."""
        own = tuple(cells[column.index] if column.index < len(cells) else None
                    for column, _, _ in self.child_columns) if self.child_columns else ()
        cells_used = (values.get(_F_CHILD), values.get(_F_SEEN), values.get(_F_VIEWS),
                      values.get(_F_SEEN_ALONE), *own)
        # with their types: 1, 1.0 and True are equal as dict keys
        key = (cells_used, tuple(map(type, cells_used)))
        hit = self._children_seen.get(key)
        if hit is not None and not hit[1]:
            return hit[0]  # type: ignore[return-value]  # worked out before, no problems
        return self._memo(self._children_seen, key, number,
                          lambda: self._work_out_children(number, values, own, people))

    def _work_out_children(self, number: int, values: Values, own: tuple[Cell, ...],
                           people: list[str]) -> dict[str, ChildRecord]:
        subjects = self.subjects
        if people:
            concerned = [p for p in people if p in subjects]
        elif values.get(_F_CHILD) is not None and self.family.people:
            concerned = []  # the row names someone the family does not know: do not guess
        else:
            concerned = list(self.subject_ids)
        seen = self._per_child(number, values, _F_SEEN, concerned, free_text=False)
        views = self._per_child(number, values, _F_VIEWS, concerned, free_text=True)
        alone = self._per_child(number, values, _F_SEEN_ALONE, concerned, free_text=False)
        seen_value = values.get(_F_SEEN)
        if seen_value is not None:
            # "seen alone" or "seen but not alone" in the seen column; the seen-alone
            # column's own answers stand over it
            alone = self._alone_in_seen(seen_value, seen) | {
                cid: v for cid, v in alone.items() if v is not Recorded.NOT_RECORDED}
        named_columns = {_F_SEEN: seen, _F_VIEWS: views, _F_SEEN_ALONE: alone}
        alone_in_own: dict[str, Recorded] = {}  # "Mia seen?": "Yes, alone in her room"
        for (own_column, what, child), value in zip(self.child_columns, own, strict=True):
            if value is not None and str(value).strip():
                answer = _for_field(what, read_answer(value))
                if what is _F_VIEWS and says_only_seen(value):
                    self._seen_not_heard(number, own_column, value)
                    named_columns[what][child] = Recorded.NO
                elif what is _F_VIEWS and not answer.recognised:
                    # the child's own column in the agency's words: "She said ..." is views
                    # recorded, "Asleep" none
                    in_words, others = views_in_words(str(value).strip(), self._subjects_in)
                    named_columns[what][child] = in_words.get(child, others or Recorded.YES)
                elif self._at_a_distance(number, own_column, value, answer):
                    named_columns[what][child] = Recorded.NO  # "Mia seen?": "on video"
                else:
                    named_columns[what][child] = answer.value
                    if what is _F_SEEN and answer.alone is not Recorded.NOT_RECORDED:
                        alone_in_own[child] = answer.alone
                if child not in concerned:
                    concerned.append(child)
        for child, said in alone_in_own.items():  # a seen-alone answer stands over it
            if alone.get(child, Recorded.NOT_RECORDED) is Recorded.NOT_RECORDED:
                alone[child] = said
        ids = [c for c in self.subject_ids if c in set(concerned) | set(seen) | set(views)]
        return {
            cid: _child_record(seen.get(cid, Recorded.NOT_RECORDED),
                               views.get(cid, Recorded.NOT_RECORDED),
                               alone.get(cid, Recorded.NOT_RECORDED))
            for cid in ids
        }

    def _per_child(self, number: int, values: Values, fld: Field, concerned: list[str],
                   *, free_text: bool) -> dict[str, Recorded]:
        column, value = self.fields.get(fld), values.get(fld)
        if value is None:
            return dict.fromkeys(concerned, Recorded.NOT_RECORDED)
        if fld is _F_VIEWS and says_only_seen(value):
            self._seen_not_heard(number, column, value)
            return dict.fromkeys(concerned, Recorded.NO)
        said = read_per_child(value, self.names, self.subject_set) if type(value) is str \
            else None
        if said is not None:  # "Mia seen, Leo not seen", "Yes - not Leo", "Mia only"
            def as_field(value: Recorded, alone: Recorded | None) -> Recorded:
                return _for_field(fld, Answer(value, alone=alone or Recorded.NOT_RECORDED)).value

            return _spread(concerned, None if said.others is None else as_field(
                said.others, said.others_alone), {child: as_field(v, said.alone.get(child))
                                                  for child, v in said.named.items()})
        answer = _for_field(fld, read_answer(value))
        if fld is not _F_VIEWS and self._at_a_distance(number, column, value, answer):
            named = self._subjects_in(answer.names) if answer.names else []
            return _spread(concerned, None if named else Recorded.NO,
                           dict.fromkeys(named, Recorded.NO))
        if not answer.recognised and free_text:
            # a views cell in the agency's words: "Mia said ...", "Asleep", "Leo - no views"
            in_words, others = views_in_words(str(value).strip(), self._subjects_in)
            return _spread(concerned, others, in_words)
        if not answer.recognised:
            answer = self._unrecognised(number, column, value, answer)
        if answer.names is None:
            return dict.fromkeys(concerned, answer.value)
        match = self.names.match_list(answer.names)
        named = [p for p in match.ids if p in self.subjects]
        if not free_text:
            for part in match.unknown:
                if all(word[:1].isupper() for word in part.split()):  # looks like a name
                    self.problem(ProblemCode.UNKNOWN_PERSON, Severity.WARNING,
                                 f"{part!r} matches no one in the family", row=number,
                                 column=column, value=value)
        if match.unknown or match.ambiguous or not named:
            # "Yes - at school" or "Yes - with mother": not a list of children
            in_text = self.names.find_in_text(answer.names, among=self.subjects)
            if in_text:
                named = self._named_among_words(number, column, value, answer, in_text)
            elif not match.ids:
                return dict.fromkeys(concerned, answer.value)
        return _spread(concerned, None, dict.fromkeys(named, answer.value))

    def _named_among_words(self, number: int, column: Column | None, value: Cell,
                           answer: Answer, in_text: list[str]) -> list[str]:
        """The children an answer is for when its names stand among other words ("Yes -
        Mia (Leo at school)"): those listed before a bracket, where they are a list of
        names; else every child named. Said either way: the words may say otherwise."""
        assert answer.names is not None
        leading = answer.names.split("(", 1)[0]
        listed = self.names.match_list(leading) if leading != answer.names else None
        named = in_text
        if listed is not None and listed.ids and not listed.unknown and not listed.ambiguous \
                and set(listed.ids) <= self.subjects:
            named = listed.ids
        self._cell_read_so(number, column, value, Severity.WARNING,
                           f"read as {answer.value.value!r} for "
                           f"{', '.join(self._name(n) for n in named)} only; the words beside "
                           "the names were not understood: check the cell")
        return named

    def _alone_in_seen(self, value: Cell, seen: dict[str, Recorded]) -> dict[str, Recorded]:
        """Seen alone (yes or no) for each child, where the seen column's cell says it."""
        said = read_per_child(value, self.names, self.subject_set) if type(value) is str \
            else None
        if said is not None:
            found = {cid: said.others_alone for cid, v in seen.items()
                     if said.others_alone is not None and cid not in said.named}
            return found | said.alone
        alone = read_answer(value).alone
        if alone is Recorded.NOT_RECORDED:
            return {}
        return {cid: alone for cid, v in seen.items() if v is Recorded.YES or
                alone is Recorded.NO}

    def _at_a_distance(self, number: int, column: Column | None, value: Cell,
                       answer: Answer) -> bool:
        """Whether a "seen" answer says it was by video ("Seen virtually", "Yes - via video
        call", "on Teams"): seen is face to face, so it is read as not seen, and said."""
        if answer.value is not Recorded.YES or type(value) is not str or \
                not AT_A_DISTANCE.search(value):
            return False
        self._cell_read_so(number, column, value, Severity.INFO,
                           "seen on a screen (by video), not face to face; read as not seen "
                           "(the words are kept)")
        return True

    def _seen_at_a_distance(self, number: int, children: dict[str, ChildRecord],
                            value: Cell) -> dict[str, ChildRecord]:
        """A telephone or video contact's children: one recorded as seen was not seen face
        to face, as seen means (DESIGN.md); not seen, and noted."""
        if not any(record.seen is Recorded.YES for record in children.values()):
            return children
        self.problem(ProblemCode.UNRECOGNISED_VALUE, Severity.INFO,
                     "the contact was by telephone or video, not face to face: a child "
                     "recorded as seen at it is read as not seen", row=number,
                     column=self.fields.get(_F_SEEN), value=value)
        no = Recorded.NO
        return {child: _child_record(no, record.views, no if record.seen_alone is
                                     Recorded.YES else record.seen_alone)
                if record.seen is Recorded.YES else record
                for child, record in children.items()}

    def _seen_not_heard(self, number: int, column: Column | None, value: Cell) -> None:
        self._cell_read_so(number, column, value, Severity.INFO,
                           "a views cell saying only that the child was seen records no "
                           "views; read as no")

    def _subjects_in(self, text: str) -> list[str]:
        return self.names.find_in_text(text, among=self.subjects)

    def _unrecognised(self, number: int, column: Column | None, value: Cell,
                      answer: Answer) -> Answer:
        text = str(value).strip()
        match = self.names.match_list(text)
        if match.ids and not match.unknown:
            return Answer(Recorded.YES, names=text)
        self.problem(ProblemCode.UNRECOGNISED_VALUE, Severity.WARNING,
                     f"{text[:80]!r} is not a recognised yes / no answer; read as not recorded",
                     row=number, column=column, value=text)
        return answer

    def _name(self, person_id: str) -> str:
        person = self.family.get(person_id)
        return person.name if person else person_id


def _spread(concerned: list[str], others: Recorded | None, named: dict[str, Recorded]
            ) -> dict[str, Recorded]:
    """Each child's answer: the *named* children's own; the other children the row concerns
    *others* (not recorded where None)."""
    result = dict.fromkeys(concerned, Recorded.NOT_RECORDED if others is None else others)
    result.update(named)
    return result


def _for_field(fld: Field, answer: Answer) -> Answer:
    """*answer* as a seen-alone column means it: there "seen but not alone" is no and
    "seen alone" yes, whatever else the words say."""
    if fld is _F_SEEN_ALONE and answer.alone is not Recorded.NOT_RECORDED:
        return Answer(answer.alone, names=answer.names, recognised=answer.recognised,
                      alone=answer.alone)
    return answer


@cache
def _child_record(seen: Recorded, views: Recorded, alone: Recorded) -> ChildRecord:
    """One shared (frozen) record per combination: a large sheet holds few distinct ones."""
    return ChildRecord(seen=seen, views=views, seen_alone=alone)
