"""Anchored events resolve after what they count from; circles are named in full."""

from dateline.dates.anchors import dependency_order


def key(name: str) -> tuple[str, str]:
    return ("t", name)


def test_events_come_after_their_anchors() -> None:
    anchors = {key("c"): [key("b")], key("b"): [key("a")], key("a"): [], key("d"): [key("a")]}
    order, cycles = dependency_order(anchors)
    assert cycles == []
    assert sorted(order) == sorted(anchors)
    position = {name: i for i, name in enumerate(order)}
    assert position[key("a")] < position[key("b")] < position[key("c")]
    assert position[key("a")] < position[key("d")]


def test_a_cycle_names_every_event_in_it_once() -> None:
    anchors = {
        key("x"): [key("y")],
        key("y"): [key("z")],
        key("z"): [key("x")],
        key("free"): [],
        key("after-cycle"): [key("x")],
    }
    order, cycles = dependency_order(anchors)
    assert order == [key("free")]
    assert cycles == [[key("x"), key("y"), key("z")]]


def test_self_anchor_is_a_cycle() -> None:
    order, cycles = dependency_order({key("a"): [key("a")]})
    assert order == []
    assert cycles == [[key("a")]]


def test_a_chain_of_thousands_needs_no_recursion() -> None:
    length = 5000
    anchors = {key(f"e{i}"): ([key(f"e{i - 1}")] if i else []) for i in range(length)}
    order, cycles = dependency_order(anchors)
    assert cycles == []
    assert order == [key(f"e{i}") for i in range(length)]
