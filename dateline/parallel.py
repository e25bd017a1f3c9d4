"""Worker processes: a pool that runs a stage over chunks or tasks, with results in input order.

Stage functions are pure and module-level and take and return picklable values, so they could
run unchanged as Dask bag or Ray tasks. Merging is by position, never by completion order, so
the output does not depend on the number of workers. Workers are forked where the platform
allows: they start without importing anything again, and a pool started after the site is
assembled reads it from the memory it inherited instead of receiving it pickled.

`jobs` counts the build process itself: it runs tasks alongside `jobs - 1` workers instead of
waiting for them. Each forked worker ends up copying most of the pages it inherited (reading an
object writes its reference count), so one worker fewer is one copy of the site fewer.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from functools import partial
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
    workers = min(jobs, len(chunks)) - 1
    with _pool(workers) as pool:
        done = _alongside(pool, workers, stage, stage, chunks)
    return [result for chunk_results in done for result in chunk_results]


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
            workers = min(jobs, len(tasks)) - 1
            with _pool(workers, (self.stage, self.shared)) as pool:
                remote = cast(Callable[[Item], Result], _run_inherited)
                return _alongside(pool, workers, remote, partial(self.stage, self.shared), tasks)
        finally:
            gc.unfreeze()


AHEAD = 2  # tasks queued for each worker, so none waits while this process runs one


def _alongside(
    pool: ProcessPoolExecutor,
    workers: int,
    remote: Callable[[Item], Result],
    here: Callable[[Item], Result],
    tasks: Sequence[Item],
) -> list[Result]:
    """Every task, in the pool or in this process: keep each worker `AHEAD` tasks ahead and
    run the next task here meanwhile; results by position."""
    results: dict[int, Result] = {}
    pending: dict[Future[Result], int] = {}
    position = 0
    while position < len(tasks) or pending:
        while position < len(tasks) and len(pending) < AHEAD * workers:
            pending[pool.submit(remote, tasks[position])] = position
            position += 1
        if position < len(tasks):
            results[position] = here(tasks[position])
            position += 1
        else:
            wait(pending, return_when=FIRST_COMPLETED)
        for future in [future for future in pending if future.done()]:
            results[pending.pop(future)] = future.result()
    return [results[index] for index in range(len(tasks))]


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
