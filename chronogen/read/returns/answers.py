"""Yes / no / not recorded / not applicable from the words agencies write.

``"Y"``, ``"Yes - Mia and Leo"``, ``"Child seen"``, ``"Child not seen"``, ``"NK"``, ``"N/A"``:
:func:`read_answer` returns the tri-state value and, where the cell names people after the
answer (``"Yes - Mia and Leo"``), the text of those names for the caller to match against
the family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from chronogen.model.recorded import Recorded

_YES = {
    "y", "yes", "yes.", "true", "seen", "child seen", "children seen", "yes seen",
    "seen alone", "child seen alone", "yes alone", "yes seen alone", "obtained", "recorded",
    "yes obtained", "yes recorded", "sought", "yes sought", "spoken to", "yes spoken to",
    "child spoken to", "1", "✓", "✔", "x", "both", "both seen", "all", "all seen",
    "all children", "all children seen", "both children seen",
    # the police's and some social care systems' word, and an observation
    "sighted", "child sighted", "children sighted", "yes sighted", "both sighted",
    "all sighted", "observed", "child observed", "children observed", "yes observed",
    # seen, but not alone (in a seen-alone column: not alone)
    "not alone", "seen not alone", "seen but not alone", "yes not alone", "yes but not alone",
    "yes - not alone", "yes, but not alone", "yes, not alone", "seen, but not alone",
}
_NO = {
    "n", "no", "no.", "false", "not seen", "child not seen", "children not seen", "no not seen",
    "not obtained", "not spoken to", "child not spoken to", "declined", "refused", "0", "✗",
    "not sought", "no views", "not seen alone", "no access", "neither", "neither seen",
    "not sighted", "child not sighted", "children not sighted", "no not sighted",
    "not observed", "child not observed",
}
_NOT_RECORDED = {
    "", "nk", "n k", "n/k", "not known", "unknown", "not recorded", "unclear", "?", "tbc",
    "blank",
    "none recorded", "no record", "not stated", "-", "--",
}
_NOT_APPLICABLE = {"n/a", "na", "n a", "not applicable", "not relevant", "inapplicable"}
#: the words saying nothing is known or nothing applies (a time column's "N/K" too)
NOTHING_KNOWN = frozenset(_NOT_RECORDED | _NOT_APPLICABLE)

#: an answer word and what follows it ("Yes - Mia", "Seen (with Leo)"). The separator is
#: spaces, a mark, or spaces and then a mark, each run of spaces taken whole; the end is
#: tried for trailing spaces only from the start of a run of them. Spaces that the pattern
#: could split several ways, tried from each character of a run, took time growing with the
#: run's square or cube ("seen", 8,000 spaces, then two lines: minutes)
_PREFIXED = re.compile(
    r"^(?P<word>yes|y|no|n|seen|not seen|child seen|children seen|child not seen|"
    r"seen alone|spoken to|sighted|not sighted|child sighted|children sighted|"
    r"child not sighted|children not sighted|observed)"
    r"\b(?:\s++(?:[-–—:;,(]\s*+)?|[-–—:;,(]\s*+)(?P<rest>.+?)\)?"
    r"(?:(?<!\s)\s*)?$",
    re.IGNORECASE,
)
_ALONE = re.compile(r"\balone\b", re.IGNORECASE)
_NOT_ALONE = re.compile(r"\bnot (?:seen )?alone\b", re.IGNORECASE)
#: what may follow an answer word and say only whether the child was alone
_ALONE_ONLY = {"alone", "seen alone", "not alone", "but not alone", "not seen alone"}


#: a cell saying only that the child was seen ("Seen", "Seen only", "Child sighted"): in a
#: views column, no views (seeing a child is not hearing them)
_SEEN_ONLY = re.compile(r"(?:yes\W+)?(?:(?:the\s+)?child(?:ren)?\s+)?(?:seen|sighted|observed)"
                        r"(?:\W+(?:only|alone|not alone|but not alone|briefly))?")


def says_only_seen(value: object) -> bool:
    """Whether *value* says only that the child was seen (see :data:`_SEEN_ONLY`)."""
    return isinstance(value, str) and _SEEN_ONLY.fullmatch(_key(value)) is not None


@dataclass(frozen=True)
class Answer:
    """A normalised answer: its value, the names that followed it, and whether it was known."""

    value: Recorded
    #: text naming the people the answer is about ("Mia and Leo"), if any
    names: str | None = None
    #: False when the text was not a recognised yes/no word (the value is then NOT_RECORDED)
    recognised: bool = True
    #: whether the text says the child was seen alone: yes ("seen alone"), no ("seen but
    #: not alone", "not seen alone"), or not recorded (it does not say)
    alone: Recorded = Recorded.NOT_RECORDED


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).strip(" .!")


def read_answer(value: object) -> Answer:
    """Normalise one cell. Never raises: unknown text gives ``recognised=False``."""
    if isinstance(value, str):
        return _read_text_answer(value)
    return _read_answer(value)


@lru_cache(maxsize=8192)
def _read_text_answer(value: str) -> Answer:
    return _read_answer(value)


def _read_answer(value: object) -> Answer:
    if value is None:
        return Answer(Recorded.NOT_RECORDED)
    if isinstance(value, bool):
        return Answer(Recorded.YES if value else Recorded.NO)
    if isinstance(value, int | float):
        if value == 1:
            return Answer(Recorded.YES)
        if value == 0:
            return Answer(Recorded.NO)
        return Answer(Recorded.NOT_RECORDED, recognised=False)
    text = str(value)
    if (ticked := _ticked(text)) is not None:
        text = ticked
    key = _key(text)
    plain = _whole_word(key)
    if plain is not None:
        return Answer(plain, alone=_alone(key, plain))
    prefixed = _PREFIXED.match(text.strip())
    if prefixed is not None:
        word = _whole_word(_key(prefixed.group("word")))
        rest = prefixed.group("rest").strip(" ()-–—:;,.")
        if word is not None and rest:
            alone = _alone(text, word)
            if _key(rest) in _ALONE_ONLY:
                return Answer(word, alone=alone)
            return Answer(word, names=rest, alone=alone)
    return Answer(Recorded.NOT_RECORDED, recognised=False)


#: a form's check boxes as Word's and Excel's forms write them: ticked, and not
_TICKED, _BOX = "☒☑", "☐☒☑"
_BOXES = re.compile("([☐☒☑])")


def _ticked(text: str) -> str | None:
    """The labels of the boxes a form's cell ticks ("☒ Yes ☐ No": "Yes"; "Yes ☐ No ☒":
    "No"; none ticked: ""), each box's label on the side its first or last box stands;
    None for a cell holding no box."""
    if not any(box in text for box in _BOX):
        return None
    parts = _BOXES.split(text.strip())  # text, box, text, box, ..., text
    after = parts[0].strip() == "" or parts[-1].strip() != ""  # "☒ Yes ☐ No"
    labels = [parts[at + 1] if after else parts[at - 1]
              for at in range(1, len(parts), 2) if parts[at] in _TICKED]
    return " ".join(label.strip(" ,;/|") for label in labels if label.strip(" ,;/|"))


def _alone(text: str, value: Recorded) -> Recorded:
    """Whether *text*, an answer of *value*, says the child was seen alone."""
    if _NOT_ALONE.search(text) is not None:
        return Recorded.NO
    if _ALONE.search(text) is not None and value is Recorded.YES:
        return Recorded.YES
    return Recorded.NOT_RECORDED


def _whole_word(key: str) -> Recorded | None:
    if key in _NOT_APPLICABLE:
        return Recorded.NOT_APPLICABLE
    if key in _NOT_RECORDED:
        return Recorded.NOT_RECORDED
    if key in _YES:
        return Recorded.YES
    if key in _NO:
        return Recorded.NO
    return None
