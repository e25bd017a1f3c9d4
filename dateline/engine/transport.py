"""Model values as bytes, several times faster than pickle, for worker results and the cache.

Pickle spends its time in the dataclass-made `__getstate__`/`__setstate__` and one REDUCE per
`date`. Here a value becomes a tree of tuples tagged by small ints, which `marshal` (version 4)
writes and reads in C: a registered dataclass is `(tag, *fields)`, a date `(DATE, ordinal)`, a
plain tuple `(TUPLE, *items)`. Only registered classes come back, every field checked against its
annotation, so tampered or stale bytes raise `ValueError` and never build anything else.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import marshal
import operator
import types
import typing
from collections.abc import Callable, Container, Iterator
from datetime import date

from dateline import model
from dateline.errors import ContentError

REGISTERED: tuple[type, ...] = (
    model.Span,
    model.Timing,
    model.ResolvedDate,
    model.Position,
    model.EventSpec,
    model.Article,
    model.SourceRef,
    model.Event,
    model.TimelineConfig,
    model.Timeline,
    model.SiteConfig,
    model.Site,
    ContentError,
)
TUPLE, DATE = 0, 1  # tags of plain tuples and dates; registered classes follow, in order, from 2
MAGIC = b"DLT1"
_ATOMS = frozenset({str, int, bool, float, bytes, type(None)})
_CONTAINERS = frozenset({tuple, list, dict})
_contains = operator.contains


class _Anything:
    """The allowed types of a field whose annotation we do not check (`object`, a Protocol)."""

    def __contains__(self, kind: object) -> bool:
        return True


class _Spec(typing.NamedTuple):
    """What a codec knows about one registered class, worked out once."""

    cls: type
    tag: int
    fields: Callable[[object], tuple[object, ...]]  # all field values at once
    allowed: tuple[Container[type], ...]  # per field, the types its annotation allows
    nested: tuple[tuple[int, Container[type] | None], ...]  # fields that may hold a tree,
    # with the allowed item types of a `tuple[X, ...]`


class Codec:
    """`pack` and `unpack` for a fixed tuple of frozen dataclasses and NamedTuples, e.g.
    `REGISTERED + (Mine,)`.

    Packed bytes start with a fingerprint of the classes' names and fields, so bytes written
    before a model change fail to unpack (`ValueError`) instead of being misread.
    """

    def __init__(self, classes: tuple[type, ...] = REGISTERED) -> None:
        for cls in classes:
            params = getattr(cls, "__dataclass_params__", None)
            if params is not None:
                immutable = params.frozen
            else:
                immutable = _named_tuple_fields(cls) is not None
            if not immutable or classes.count(cls) > 1:
                raise TypeError(f"{cls.__qualname__}: register frozen dataclasses or NamedTuples,"
                                " once each")
        specs = [_spec(cls, tag, classes) for tag, cls in enumerate(classes, start=DATE + 1)]
        self._by_class = {spec.cls: spec for spec in specs}
        self._by_tag = {spec.tag: spec for spec in specs}
        self._leaves = {spec.cls: spec for spec in specs if not spec.nested}
        self._leaves_by_tag = {spec.tag: spec for spec in specs if not spec.nested}
        schema = [(c.__module__, c.__qualname__, _names(c)) for c in classes]
        self.header = MAGIC + hashlib.sha256(repr(schema).encode()).digest()[:8]

    def pack(self, value: object) -> bytes:
        """Bytes for `value`; `TypeError` for anything this codec could not bring back."""
        try:
            with _collector_paused():
                return self.header + marshal.dumps(self._encode(value), 4)  # type: ignore[arg-type]
        except ValueError as problem:  # marshal's "unmarshallable object", or too deep a tree
            raise TypeError(f"cannot pack: {problem}") from problem

    def unpack(self, data: bytes) -> object:
        """The value `pack` was given; `ValueError` for any bytes that `pack` did not write."""
        if not isinstance(data, bytes) or not data.startswith(self.header):
            raise ValueError("not packed by this codec (missing or different header)")
        try:
            with _collector_paused():
                return self._decode(marshal.loads(memoryview(data)[len(self.header) :]))
        except (EOFError, TypeError, IndexError, RecursionError, OverflowError) as problem:
            raise ValueError(f"malformed packed data: {problem!r}") from problem

    def _encode(self, value: object) -> object:
        kind = type(value)
        if kind in _ATOMS:
            return value
        spec = self._by_class.get(kind)
        if spec is not None:
            values = spec.fields(value)
            if not all(map(_contains, spec.allowed, map(type, values))):
                raise TypeError(f"a field of {value!r} does not match its annotation")
            if not spec.nested:
                return (spec.tag, *values)
            encoded = list(values)
            for index, _ in spec.nested:
                item = encoded[index]
                leaf = self._leaves.get(type(item))
                if leaf is not None:  # inline: a call per Position costs more than its work
                    encoded[index] = (leaf.tag, *leaf.fields(item))
                    if not all(map(_contains, leaf.allowed, map(type, encoded[index][1:]))):  # type: ignore[index]
                        raise TypeError(f"a field of {item!r} does not match its annotation")
                elif type(item) not in _ATOMS:
                    encoded[index] = self._encode(item)
            return (spec.tag, *encoded)
        if isinstance(value, date) and kind is date:
            return (DATE, value.toordinal())
        if isinstance(value, tuple | list) and (kind is tuple or kind is list):
            items = value if _ATOMS.issuperset(map(type, value)) else map(self._encode, value)
            return (TUPLE, *items) if kind is tuple else list(items)
        if isinstance(value, dict) and kind is dict:
            if not all(type(key) is str for key in value):
                raise TypeError("only dicts with str keys can be packed")
            return {key: self._encode(item) for key, item in value.items()}
        raise TypeError(f"cannot pack a {kind.__qualname__}; register it in a transport.Codec")

    def _decode(self, node: object) -> object:
        """The value of a node; marshal makes exact types, so `isinstance` means `type() is`."""
        if isinstance(node, tuple):
            spec = self._by_tag.get(node[0])
            if spec is None:
                return self._decode_other(node)
            if len(node) != len(spec.allowed) + 1:
                raise ValueError(f"{spec.cls.__qualname__} needs {len(spec.allowed)} fields")
            values = list(node[1:])
            for index, item_types in spec.nested:
                item = values[index]
                if type(item) not in _CONTAINERS:
                    continue
                leaf = self._leaves_by_tag.get(item[0]) if isinstance(item, tuple) else None
                if leaf is None:
                    item = values[index] = self._decode(item)
                    if item_types is not None and isinstance(item, tuple):
                        if not all(map(item_types.__contains__, map(type, item))):
                            raise ValueError(f"{spec.cls.__qualname__}: an item of wrong type")
                elif (
                    isinstance(item, tuple)
                    and len(item) == len(leaf.allowed) + 1
                    and all(map(_contains, leaf.allowed, map(type, item[1:])))
                ):  # inline, as in _encode
                    values[index] = leaf.cls(*item[1:])
                else:
                    raise ValueError(f"a malformed {leaf.cls.__qualname__}")
            if not all(map(_contains, spec.allowed, map(type, values))):
                raise ValueError(f"{spec.cls.__qualname__} has a field of a wrong type")
            return spec.cls(*values)
        if type(node) in _ATOMS:
            return node
        if isinstance(node, list):
            return [self._decode(item) for item in node]
        if isinstance(node, dict):
            if not all(type(key) is str for key in node):
                raise ValueError("a packed dict has a key that is not a str")
            return {key: self._decode(item) for key, item in node.items()}
        raise ValueError(f"a packed {type(node).__qualname__} is not allowed")

    def _decode_other(self, node: tuple[object, ...]) -> object:
        """A date or a plain tuple: the tagged nodes that are not registered classes."""
        tag = node[0]
        if tag == DATE and type(tag) is int and len(node) == 2 and isinstance(node[1], int):
            return date.fromordinal(node[1])
        if tag != TUPLE or type(tag) is not int:
            raise ValueError(f"unknown or malformed node {node[:2]!r}")
        if _ATOMS.issuperset(map(type, node)):
            return node[1:]
        return tuple([self._decode(item) for item in node[1:]])


def _named_tuple_fields(cls: type) -> tuple[str, ...] | None:
    """A NamedTuple's field names; None for any other class."""
    fields = getattr(cls, "_fields", None)
    return fields if issubclass(cls, tuple) and isinstance(fields, tuple) else None


def _names(cls: type) -> list[str]:
    fields = _named_tuple_fields(cls)
    if fields is not None:
        return list(fields)
    return [field.name for field in dataclasses.fields(cls)]


def _spec(cls: type, tag: int, classes: tuple[type, ...]) -> _Spec:
    names = _names(cls)
    hints = typing.get_type_hints(cls)
    allowed = tuple(_allowed_types(hints[name], classes) for name in names)
    nested = tuple(
        (index, _item_types(hints[name], classes))
        for index, name in enumerate(names)
        if not (isinstance(kinds := allowed[index], frozenset) and _ATOMS.issuperset(kinds))
    )
    getter = operator.attrgetter(*names) if len(names) > 1 else None
    return _Spec(
        cls, tag, getter or (lambda value: tuple(getattr(value, n) for n in names)), allowed, nested
    )


def _item_types(hint: object, classes: tuple[type, ...]) -> Container[type] | None:
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _allowed_types(args[0], classes)
    return None


def _allowed_types(hint: object, classes: tuple[type, ...]) -> Container[type]:
    """The exact types an annotation allows; anything, where it names what we do not check."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        parts = [_allowed_types(arg, classes) for arg in typing.get_args(hint)]
        if all(isinstance(part, frozenset) for part in parts):
            return frozenset().union(*typing.cast("list[frozenset[type]]", parts))
        return _Anything()
    if origin is typing.Literal:
        return frozenset(type(arg) for arg in typing.get_args(hint))
    if origin in _CONTAINERS:
        return frozenset({typing.cast(type, origin)})
    if hint is None or hint is type(None):
        return frozenset({type(None)})
    if hint in _ATOMS or hint in _CONTAINERS or hint is date or hint in classes:
        return frozenset({typing.cast(type, hint)})
    return _Anything()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a tree is built or taken apart: each allocation would
    count towards a collection that walks every live object, and trees of frozen values make
    no cycles. Most of the gain over pickle on a large heap comes from this (see the bench)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_DEFAULT = Codec()
pack: Callable[[object], bytes] = _DEFAULT.pack
unpack: Callable[[bytes], object] = _DEFAULT.unpack
