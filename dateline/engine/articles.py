"""The per-article stage: a content file to its checked article, safe body HTML and the dates it
needs nobody else to read, in worker processes, cached by the file's fingerprint.

Results come back from the workers as values (pickled by `multiprocessing`, between our own
processes) and are kept in the cache as plain JSON records, checked field by field when read.
Loading, Markdown and the resolver are imported by the stage itself: a build that finds
nothing changed needs none of them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.engine import records
from dateline.engine.cache import ShardedTable, fingerprint
from dateline.engine.parallel import Workers
from dateline.engine.records import Malformed
from dateline.errors import ContentError
from dateline.model import Article, Presolved


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




def loaded_record(loaded: LoadedArticle) -> list[object]:
    """The cache's record of a loaded article: [article, errors, body, dates, front]."""
    article = None if loaded.article is None else records.article_record(loaded.article)
    errors = [records.content_error_record(error) for error in loaded.errors]
    return [article, errors, loaded.body, records.presolved_record(loaded.dates), loaded.front]


def read_loaded(record: object) -> LoadedArticle:
    article, errors, body, dates, front = records.fields(record, 5)
    return LoadedArticle(
        records.optional(records.read_article, article),
        records.items(records.read_content_error, errors),
        records.optional(records.text, body),
        records.read_presolved(dates),
        records.text(front),
    )


def front_fingerprint(article: Article) -> str:
    """A fingerprint of everything in the article but its body."""
    bare = replace(article, body="", body_line=0)
    return fingerprint(json.dumps(records.article_record(bare), separators=(",", ":")))


def prepare_loading() -> None:
    """Import the loading stage here, before workers fork: each then starts with its regular
    expressions compiled instead of compiling them all again."""
    import dateline.assemble
    import dateline.load.article  # noqa: F401


def load_files(files: Sequence[tuple[str, bytes]]) -> list[LoadedArticle]:
    """Load, convert and presolve a chunk of (path, bytes)."""
    from dateline.assemble import presolve
    from dateline.load.article import load_article
    from dateline.render.bodies import body_html, new_converter

    converter = new_converter()
    loaded = []
    for path, data in files:
        article, errors = load_article(path, data)
        if article is None:
            loaded.append(LoadedArticle(None, tuple(errors), None, (), ""))
        else:
            body = body_html(article.body, converter)
            front = front_fingerprint(article)
            loaded.append(LoadedArticle(article, tuple(errors), body, presolve(article), front))
    return loaded


def cached(record: object) -> LoadedArticle | None:
    """A cache entry read back, or None when it is not one this version writes."""
    if record is None:
        return None
    try:
        return read_loaded(record)
    except Malformed:
        return None


class ArticleStore:
    """Loaded articles by file, kept as records and read only when asked for: a build that
    changed a few articles reads those, not the thousands the cache holds.

    Entries are keyed by a file's path and bytes, so an edit, a rename or a new dateline
    reloads exactly the files concerned; the rest are neither parsed nor converted again.
    """

    def __init__(self, cache_dir: Path | None, salt: str) -> None:
        self.table = ShardedTable(cache_dir, "articles", salt)

    def load(self, files: Sequence[ContentFile], workers: Workers) -> dict[str, LoadedArticle]:
        """The files loaded, by path: from the cache where it holds them, else in workers."""
        found: dict[str, LoadedArticle] = {}
        missing: list[ContentFile] = []
        for file in files:
            entry = cached(self.table.get(file.key))
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
        for (file, _), entry in zip(readable, fresh, strict=True):
            found[file.path] = entry
            self.table.put(file.key, loaded_record(entry))
        return {file.path: found[file.path] for file in files}

    def save(self, files: Sequence[ContentFile] | None) -> None:
        """Keep the new entries; given every file of a full build, drop all other entries."""
        if files is not None:
            self.table.keep_only(file.key for file in files)
        self.table.save()


def content_errors(loaded: Mapping[str, LoadedArticle]) -> list[ContentError]:
    return [error for entry in loaded.values() for error in entry.errors]
