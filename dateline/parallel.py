"""The per-item stages, and a worker pool that runs them in chunks with results in input order.

Every stage function here is pure and module-level, takes and returns picklable values, and
builds what it needs (a Markdown converter, a Jinja environment) once per chunk: the same
functions could run unchanged as Dask bag or Ray tasks. Merging is by position, never by
completion order, so the output does not depend on the number of workers.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from dateline.bodies import body_html, new_converter
from dateline.errors import ContentError
from dateline.load import load_article
from dateline.model import Article, Site, Timeline

Item = TypeVar("Item")
Result = TypeVar("Result")
CHUNKS_PER_WORKER = 4
MIN_ITEMS_FOR_POOL = 32
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """One content file after loading: the article and its body as safe HTML, or its errors."""

    article: Article | None
    errors: tuple[ContentError, ...]
    body: str | None  # `bodies.body_html` of the body: no dates needed, so cacheable with it


def default_jobs() -> int:
    return os.cpu_count() or 1


def load_files(files: Sequence[tuple[str, bytes]]) -> list[LoadedArticle]:
    """Load and convert a chunk of (path, bytes): the per-article half of the build."""
    converter = new_converter()
    loaded = []
    for path, data in files:
        article, errors = load_article(path, data)
        body = body_html(article.body, converter) if article is not None else None
        loaded.append(LoadedArticle(article, tuple(errors), body))
    return loaded


def render_pages(task: tuple[tuple[str, ...], Sequence[object]]) -> list[bytes]:
    """Render a chunk of `render.Page`s with an environment over the given template folders."""
    from dateline.render import Page, make_environment, render_page

    folders, pages = task
    env = make_environment([Path(folder) for folder in folders])
    return [render_page(env, page) for page in pages if isinstance(page, Page)]


def export_timelines(task: tuple[Site, Sequence[Timeline]]) -> list[dict[str, bytes]]:
    """The export files (JSON, CSV, feeds, calendar) of a chunk of timelines."""
    from dateline.export import export_timeline

    site, timelines = task
    return [export_timeline(site, timeline) for timeline in timelines]


def print_briefs(briefs: Sequence[tuple[str, str, int]]) -> list[dict[str, bytes]]:
    """PDFs from (path, print HTML, date stamp): the slowest step, one timeline per task."""
    from dateline.pdf import html_to_pdf

    return [{path: html_to_pdf(html, epoch)} for path, html, epoch in briefs]


def run_chunked(
    stage: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item], jobs: int
) -> list[Result]:
    """`stage` over `items` in chunks, on `jobs` processes when that pays; results in order."""
    if jobs <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        return stage(items)
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_WORKER)))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    results: list[Result] = []
    with _pool(min(jobs, len(chunks))) as pool:
        for chunk_results in pool.map(stage, chunks):
            results += chunk_results
    return results


def run_tasks(
    stage: Callable[[Item], list[Result]], tasks: Sequence[Item], jobs: int
) -> list[Result]:
    """`stage` over whole tasks (each already a chunk), in parallel when there are several."""
    results: list[Result] = []
    if jobs <= 1 or len(tasks) < 2:
        for task in tasks:
            results += stage(task)
        return results
    with _pool(min(jobs, len(tasks))) as pool:
        for task_results in pool.map(stage, tasks):
            results += task_results
    return results


def _pool(workers: int) -> ProcessPoolExecutor:
    """Forked workers where the platform allows: they start without importing anything again."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_die_with_parent
    )


def _die_with_parent() -> None:
    """A killed build must not leave its workers behind: on Linux, ask the kernel to end each
    worker when the build process dies (prctl PR_SET_PDEATHSIG); elsewhere, nothing to do."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        return
