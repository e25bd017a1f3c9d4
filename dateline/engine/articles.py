"""The per-article stage: a content file to its checked article, safe body HTML and the dates it
needs nobody else to read, in worker processes, cached by the file's fingerprint.

Results cross processes and live in the cache as `transport` bytes, which read many times
faster than pickled dataclasses. Loading, Markdown and the resolver are imported by the stage
itself: a build that finds nothing changed needs none of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.engine.cache import BlobTable, fingerprint
from dateline.engine.parallel import Workers
from dateline.engine.transport import REGISTERED, Codec
from dateline.errors import ContentError
from dateline.model import Article, DateProblem, Presolved


@dataclass(frozen=True, slots=True)
class ContentFile:
    """A source file: the path errors should name, its fingerprint for the cache, its stamp,
    and its bytes, or None where the stamp shows the bytes the last build fingerprinted."""

    path: str
    key: str
    source: str  # where to read it
    stamp: tuple[int, int, int]  # (inode, size, mtime_ns)
    data: bytes | None

    @classmethod
    def of(cls, path: str, source: str, stamp: tuple[int, int, int], data: bytes) -> ContentFile:
        return cls(path, fingerprint(path, data), source, stamp, data)

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        with open(self.source, "rb") as handle:
            return handle.read()


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """One content file after loading: its article, body HTML and presolved dates, or errors.

    `front` fingerprints everything but the body: two versions with the same front have the
    same events, dates, quotes, title and tags, so only the article's own page can differ.
    """

    article: Article | None
    errors: tuple[ContentError, ...]
    body: str | None
    dates: Presolved
    front: str


def unreadable(path: str, problem: OSError) -> ContentError:
    """A content file the system would not let us read, with its reason."""
    reason = problem.strerror or str(problem)
    return ContentError(path, 0, 0, f"cannot read this file: {reason}",
                        "check that it exists and that you may read it")


CODEC = Codec((*REGISTERED, DateProblem, LoadedArticle))


def prepare_loading() -> None:
    """Import the loading stage here, before workers fork: each then starts with its regular
    expressions compiled instead of compiling them all again."""
    import dateline.assemble
    import dateline.load.article  # noqa: F401


def load_files(files: Sequence[tuple[str, bytes]]) -> list[bytes]:
    """Load, convert and presolve a chunk of (path, bytes); each result packed for the cache."""
    from dateline.assemble import presolve
    from dateline.load.article import load_article
    from dateline.render.bodies import body_html, new_converter

    converter = new_converter()
    packed = []
    for path, data in files:
        article, errors = load_article(path, data)
        if article is None:
            loaded = LoadedArticle(None, tuple(errors), None, (), "")
        else:
            front = fingerprint(CODEC.pack(replace(article, body="", body_line=0)))
            body = body_html(article.body, converter)
            loaded = LoadedArticle(article, tuple(errors), body, presolve(article), front)
        packed.append(CODEC.pack(loaded))
    return packed


def unpack(data: object) -> LoadedArticle | None:
    """A cached entry, or None when it is not one (another format, a tampered file)."""
    if not isinstance(data, bytes):
        return None
    try:
        value = CODEC.unpack(data)
    except ValueError:
        return None
    return value if isinstance(value, LoadedArticle) else None


class ArticleStore:
    """Loaded articles by file, kept packed and unpacked only when asked for: a build that
    changed a few articles unpacks those, not the thousands the cache holds.

    Entries are keyed by a file's path and bytes, so an edit, a rename or a new dateline
    reloads exactly the files concerned; the rest are neither parsed nor converted again.
    """

    def __init__(self, cache_dir: Path | None, salt: str) -> None:
        self.table = BlobTable(cache_dir, "articles", salt)

    def load(self, files: Sequence[ContentFile], workers: Workers) -> dict[str, LoadedArticle]:
        """The files loaded, by path: from the cache where it holds them, else in workers."""
        found: dict[str, LoadedArticle] = {}
        missing: list[ContentFile] = []
        for file in files:
            entry = unpack(self.table.get(file.key))
            if entry is None:
                missing.append(file)
            else:
                found[file.path] = entry
        if missing:
            prepare_loading()
        readable: list[tuple[ContentFile, bytes]] = []
        for file in missing:
            try:
                readable.append((file, file.read()))
            except OSError as problem:  # not cached: the next build reads it again
                error = unreadable(file.path, problem)
                found[file.path] = LoadedArticle(None, (error,), None, (), "")
        fresh = workers.chunked(load_files, [(file.path, data) for file, data in readable])
        for (file, _), packed in zip(readable, fresh, strict=True):
            entry = unpack(packed)
            assert entry is not None, "a value packed here unpacks"
            found[file.path] = entry
            self.table.put(file.key, packed)
        return {file.path: found[file.path] for file in files}

    def packed(self, files: Sequence[ContentFile]) -> dict[str, bytes]:
        """The loaded files as packed, by path, for workers that never saw the objects; ask
        after `load` and before `save`, which forgets them."""
        found = {file.path: self.table.get(file.key) for file in files}
        return {path: value for path, value in found.items() if value is not None}

    def save(self, files: Sequence[ContentFile] | None) -> None:
        """Keep the new entries; given every file of a full build, drop all other entries."""
        if files is not None:
            self.table.keep_only(file.key for file in files)
        self.table.save()


def without_bodies(loaded: Mapping[str, LoadedArticle]) -> dict[str, LoadedArticle]:
    """The articles without their Markdown and HTML, which the build process does not read again
    once loading is done (article pages are made from the packed entries): some 4 KB an
    article it need not hold while it makes the other pages."""
    return {
        path: replace(entry, article=replace(entry.article, body=""), body=None)
        if entry.article is not None
        else entry
        for path, entry in loaded.items()
    }


def content_errors(loaded: Mapping[str, LoadedArticle]) -> list[ContentError]:
    return [error for entry in loaded.values() for error in entry.errors]
