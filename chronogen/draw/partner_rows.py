"""The left-to-right order of partners on a row of the genogram."""

from __future__ import annotations

from collections.abc import Collection


def partner_chains(pairs: list[tuple[str, str]],
                   together: Collection[frozenset[str]] = ()) -> list[list[str]]:
    """Left-to-right rows of partners, in partnership order.

    A person's next partner goes beside them on the free side (the end of the row they are
    at), so that someone with two partners stands between them; a later partner who cannot
    stand beside them goes at the nearer end of the row, unless the two live *together* (a
    pair in that collection): then beside them all the same, on the side of the nearer end,
    the partner there moved out by one (a household drawn in one outline, not split by an
    earlier partner standing between them).
    """
    chains: list[list[str]] = []
    for a, b in pairs:
        holder_a = next((c for c in chains if a in c), None)
        holder_b = next((c for c in chains if b in c), None)
        if holder_a is None and holder_b is None:
            chains.append([a, b])
        elif holder_a is not None and holder_b is None:
            _place_beside(holder_a, a, b, frozenset((a, b)) in together)
        elif holder_b is not None and holder_a is None:
            _place_beside(holder_b, b, a, frozenset((a, b)) in together)
        elif holder_a is not holder_b and holder_a is not None and holder_b is not None:
            chains.remove(holder_a)
            chains.remove(holder_b)
            chains.append(_join(holder_a, a, holder_b, b))
    return chains


def _join(first: list[str], a: str, second: list[str], b: str) -> list[str]:
    """Join two rows so that *a* (in the first) and *b* (in the second) end up adjacent
    where their places at the ends of the rows allow."""
    left = first if first[-1] == a else first[::-1] if first[0] == a else first
    right = second if second[0] == b else second[::-1] if second[-1] == b else second
    return left + right


def _place_beside(chain: list[str], anchor: str, newcomer: str, close: bool) -> None:
    position = chain.index(anchor)
    if position == len(chain) - 1:
        chain.append(newcomer)
    elif position == 0:
        chain.insert(0, newcomer)
    elif position >= len(chain) / 2:
        chain.insert(position + 1 if close else len(chain), newcomer)
    else:
        chain.insert(position if close else 0, newcomer)
