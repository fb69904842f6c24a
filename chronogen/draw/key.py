"""The genogram's key: one row for each symbol the drawing uses."""

from __future__ import annotations

from datetime import date

#: key entries: (what uses it, symbol in the key, text)
_KEY: tuple[tuple[str, str, str], ...] = (
    ("male", "□", "male"),
    ("female", "○", "female"),
    ("unknown", "◇", "sex not known"),
    ("index", "◎", "index child (double outline)"),
    ("subject", '<FONT COLOR="#6b8fd6">●</FONT>', "subject child"),
    ("deceased", "☒", "deceased (years below)"),
    ("placeholder", "?", "parent not known (dashed)"),
    ("pregnancy:pregnancy", "△", "pregnancy"),
    ("pregnancy:miscarriage", "✕", "miscarriage (small cross)"),
    ("pregnancy:termination", "✕", "termination (small cross)"),
    ("pregnancy:stillbirth", "☒", "stillbirth (small, crossed)"),
    ("partner:married", "——", "married / civil partners"),
    ("partner:cohabiting", "- - -", "cohabiting / partners"),
    ("partner:unknown", "·····", "parents, relationship not recorded"),
    ("partner:separated", "—/—", "separated"),
    ("partner:divorced", "—//—", "divorced"),
    ("child:adoptive", "- - -", "adopted (child line)"),
    ("child:foster", "·····", "fostered (child line)"),
    ("child:step", "·····", "step-child (child line)"),
    ("child:kinship", "·····", "kinship care (child line)"),
    ("twins", "⋀", "twins (from one point)"),
    ("relation:violence", '<FONT COLOR="red"><B>——▶</B></FONT>', "violence (arrow to victim)"),
    ("relation:abuse", '<FONT COLOR="red"><B>——▶</B></FONT>', "abuse (arrow to victim)"),
    ("relation:conflict", '<FONT COLOR="red">- - -</FONT>', "conflict"),
    ("relation:close", '<FONT COLOR="darkgreen">══</FONT>', "close"),
    ("relation:cut-off", "—||—", "cut-off"),
    ("relation:distant", '<FONT COLOR="gray40">·····</FONT>', "distant"),
    ("household", "⬚", "household (dotted box)"),
)


def key_node(used: set[str], as_at: date | None) -> str | None:
    rows = [(symbol, text) for name, symbol, text in _KEY if name in used]
    if not rows:
        return None
    cells = "".join(f'<TR><TD ALIGN="CENTER">{symbol}</TD><TD ALIGN="LEFT">{text}</TD></TR>'
                    for symbol, text in rows)
    age = (f'<TR><TD COLSPAN="2" ALIGN="LEFT"><I>ages as at {as_at.strftime("%d/%m/%Y")}'
           f"</I></TD></TR>") if as_at else ""
    table = (f'<TABLE BORDER="1" COLOR="gray60" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
             f'<TR><TD COLSPAN="2"><B>Key</B></TD></TR>{cells}{age}</TABLE>')
    return (f"key [shape=plaintext, fixedsize=false, style=\"\", fontsize=9, width=0, height=0,"
            f" label=<{table}>];")
