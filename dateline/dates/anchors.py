"""The order in which anchored events can be resolved, and the cycles that stop it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

Key = TypeVar("Key", bound=tuple[str, str])


def dependency_order(
    anchors: Mapping[Key, Sequence[Key]],
) -> tuple[list[Key], list[list[Key]]]:
    """Every event after the events it counts from, and each cycle found (its members in order).

    `anchors` maps each event to the events it is anchored on; all must be keys of the mapping.
    Iterative (Kahn's algorithm), so a chain of thousands of anchors costs linear time and no
    recursion. Events that only depend on a cycle are left out of both lists: the cycle's error
    is the one worth reading.
    """
    waiting = {key: len(set(deps)) for key, deps in anchors.items()}
    dependants: dict[Key, list[Key]] = {key: [] for key in anchors}
    for key, deps in anchors.items():
        for dep in set(deps):
            dependants[dep].append(key)
    ready = sorted(key for key, count in waiting.items() if count == 0)
    order: list[Key] = []
    while ready:
        key = ready.pop()
        order.append(key)
        for dependant in dependants[key]:
            waiting[dependant] -= 1
            if waiting[dependant] == 0:
                ready.append(dependant)
    stuck = {key for key, count in waiting.items() if count > 0}
    return order, _cycles(anchors, stuck)


def _cycles(anchors: Mapping[Key, Sequence[Key]], stuck: set[Key]) -> list[list[Key]]:
    """Walk anchors from each stuck event until a walk meets itself: that loop is a cycle."""
    cycles: list[list[Key]] = []
    done: set[Key] = set()
    for start in sorted(stuck):
        path: list[Key] = []
        where: dict[Key, int] = {}
        key = start
        while key not in done and key not in where:
            where[key] = len(path)
            path.append(key)
            key = min(dep for dep in anchors[key] if dep in stuck)
        if key in where:
            loop = path[where[key] :]
            turn = loop.index(min(loop))
            cycles.append(loop[turn:] + loop[:turn])
        done.update(path)
    return cycles
