"""The family as a networkx graph.

Nodes are people (``kind="person"``) and unions (``kind="union"``, one per couple who were
partners or had a child together). Edges carry a ``layer``:

- ``partner``: person -> union (``key`` is the layer name)
- ``child``:   union -> child, with the parent-link ``kind`` of the child's links
- ``parent``:  parent -> child, one per :class:`~chronogen.model.ParentLink`, with its kind
- ``relation``: a -> b, emotional or abusive relationships, with their ``kind``
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from chronogen.model.family import Family, ParentKind, Partnership


def union_id(a: str, b: str) -> str:
    """The node id of the union of two people (order does not matter)."""
    first, second = sorted((a, b))
    return f"U:{first}+{second}"


def union_of(graph: Any, a: str, b: str) -> str | None:
    """The union node of two people in *graph* (:func:`genogram`), or None. Usually
    ``union_id(a, b)``; another name when that is already a person's id, or another couple's
    union (ids holding "+")."""
    found: str | None = graph.graph.get("unions", {}).get(tuple(sorted((a, b))))
    return found


def genogram(family: Family) -> Any:
    """Build the genogram graph (a ``networkx.MultiDiGraph``) of *family*."""
    graph: Any = nx.MultiDiGraph()
    for order, person in enumerate(family.people):
        graph.add_node(person.id, kind="person", person=person, order=order)

    #: each couple's union node (see :func:`union_of`)
    unions: dict[tuple[str, str], str] = graph.graph.setdefault("unions", {})

    def ensure_union(a: str, b: str, partnership: Partnership | None) -> str:
        first, second = sorted((a, b))
        node = unions.get((first, second))
        if node is None:
            node = union_id(a, b)
            while node in graph:  # a person's id, or another couple's union, written so
                node += "'"
            unions[first, second] = node
            graph.add_node(node, kind="union", partners=(first, second),
                           partnership=partnership)
            for partner in (first, second):
                graph.add_edge(partner, node, key="partner", layer="partner")
        elif partnership is not None and graph.nodes[node]["partnership"] is None:
            graph.nodes[node]["partnership"] = partnership
        return node

    for partnership in family.partnerships:
        a, b = partnership.partners
        if a in graph and b in graph:
            ensure_union(a, b, partnership)

    parents_of: dict[str, list[tuple[str, ParentKind]]] = {}
    for link in family.parent_links:
        if link.parent not in graph or link.child not in graph:
            continue
        graph.add_edge(link.parent, link.child, key=f"parent:{link.kind.value}",
                       layer="parent", parent_kind=link.kind, link=link)
        parents_of.setdefault(link.child, []).append((link.parent, link.kind))

    for child, links in parents_of.items():
        parents = sorted({p for p, _ in links})
        kinds = {k for _, k in links}
        kind = ParentKind.BIOLOGICAL if kinds == {ParentKind.BIOLOGICAL} else sorted(
            kinds - {ParentKind.BIOLOGICAL}, key=lambda k: k.value)[0]
        if len(parents) == 2:
            node = ensure_union(parents[0], parents[1], None)
            graph.add_edge(node, child, key="child", layer="child", parent_kind=kind)
        elif len(parents) == 1:
            graph.nodes[child]["single_parent"] = (parents[0], kind)
        else:
            # more than two parents (birth and adoptive, say): hang from the birth parents' union
            birth = sorted({p for p, k in links if k is ParentKind.BIOLOGICAL})
            if len(birth) == 2:
                node = ensure_union(birth[0], birth[1], None)
                graph.add_edge(node, child, key="child", layer="child",
                               parent_kind=ParentKind.BIOLOGICAL)
            graph.nodes[child]["other_parents"] = [
                (p, k) for p, k in links if p not in birth or len(birth) != 2]

    for relation in family.relations:
        if relation.a in graph and relation.b in graph:
            graph.add_edge(relation.a, relation.b, key=f"relation:{relation.kind.value}",
                           layer="relation", relation=relation)
    return graph
