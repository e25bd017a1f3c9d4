"""Worker processes: a pool that runs a stage over chunks or tasks, with results in input order.

Stage functions are pure and module-level and take and return picklable values, so they could
run unchanged as Dask bag or Ray tasks. Merging is by position, never by completion order, so
the output does not depend on the number of workers. Workers are forked where the platform
allows: they start without importing anything again, and a pool started after the site is
assembled reads it from the memory it inherited instead of receiving it pickled.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Generic, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")
Shared = TypeVar("Shared")
CHUNKS_PER_WORKER = 4
MIN_ITEMS_FOR_POOL = 32
PR_SET_PDEATHSIG = 1


def default_jobs() -> int:
    return os.cpu_count() or 1


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


class WithShared(Generic[Shared, Item, Result]):
    """Run `stage(shared, task)` over tasks, where `shared` is too big to send to each task:
    forked workers inherit it, so only the small tasks and their results cross processes."""

    def __init__(self, stage: Callable[[Shared, Item], Result], shared: Shared) -> None:
        self.stage = stage
        self.shared = shared

    def run(self, tasks: Sequence[Item], jobs: int) -> list[Result]:
        if jobs <= 1 or len(tasks) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [self.stage(self.shared, task) for task in tasks]
        gc.freeze()  # the inherited objects stay shared pages: no collection touches them
        try:
            with _pool(min(jobs, len(tasks)), (self.stage, self.shared)) as pool:
                return [cast(Result, done) for done in pool.map(_run_inherited, tasks)]
        finally:
            gc.unfreeze()


# Set only inside a forked worker, by the pool's initializer, before any task runs.
_inherited: list[tuple[Callable[[object, object], object], object]] = []


def _run_inherited(task: object) -> object:
    stage, shared = _inherited[0]
    return stage(shared, task)


def _pool(
    workers: int, inherit: tuple[Callable[..., object], object] | None = None
) -> ProcessPoolExecutor:
    """Forked workers where the platform allows. With fork, the initializer's arguments are
    inherited with the process, never pickled."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(inherit,)
    )


def _start_worker(inherit: tuple[Callable[[object, object], object], object] | None) -> None:
    if inherit is not None:
        _inherited.append(inherit)
    _die_with_parent()


def _die_with_parent() -> None:
    """A killed build must not leave its workers behind: on Linux, ask the kernel to end each
    worker when the build process dies (prctl PR_SET_PDEATHSIG); elsewhere, nothing to do."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        return
