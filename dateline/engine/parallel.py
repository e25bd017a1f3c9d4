"""Worker processes: this process and `jobs - 1` workers run a stage over chunks or tasks, with
results in input order.

Stage functions are pure and module-level and take and return picklable values, so they could
run unchanged as Dask bag or Ray tasks. Merging is by position, never by completion order, so
the output does not depend on the number of workers. The build process works alongside its
workers rather than waiting on them, and forks them early, while it is small (see `Workers`).
"""

from __future__ import annotations

import ctypes
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


def chunks_for(items: Sequence[Item], jobs: int) -> list[Sequence[Item]]:
    """`items` cut into a few chunks a worker, in order: fewer tasks than items, yet enough
    that a slow chunk does not leave the other workers idle."""
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_WORKER)))
    return [items[start : start + size] for start in range(0, len(items), size)]


class Workers:
    """This process and `jobs - 1` worker processes, for one build.

    `start` forks the workers while the build process is small, before it loads the site: a
    worker forked after the site is assembled ends up with its own copy of every page of it
    that either process reads. So tasks for these workers carry their own inputs, and work
    that needs what only this process holds is run here (`run`'s `first`)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def start(self, items: int) -> None:
        """Fork the workers now, if `items` pieces of work pay for them: the executor would
        fork them only at the first task, after this process has grown."""
        if self.jobs > 1 and self._pool is None and items >= MIN_ITEMS_FOR_POOL:
            self._pool = _pool(self.jobs - 1)
            self._pool.submit(os.getpid).result()

    def chunked(
        self, stage: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item]
    ) -> list[Result]:
        """`stage` over `items` in chunks, in the workers too when that pays; results in order."""
        self.start(len(items))
        if self._pool is None:
            return stage(items)
        return self.run_chunks(stage, items)

    def run_chunks(
        self, stage: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item]
    ) -> list[Result]:
        """`stage` over `items` cut by `chunks_for`, run by `run`, the chunks' results joined."""
        return [result for done in self.run(stage, chunks_for(items, self.jobs)) for result in done]

    def run(
        self,
        stage: Callable[[Item], Result],
        tasks: Sequence[Item],
        first: Sequence[Callable[[], Result]] = (),
    ) -> list[Result]:
        """The results of `first`, run here, then of `stage` over `tasks`, run here and in the
        workers if they were started; in that order."""
        if self._pool is None:
            return [job() for job in first] + [stage(task) for task in tasks]
        return _alongside(self._pool, self.jobs - 1, stage, stage, tasks, first)


class WithShared(Generic[Shared, Item, Result]):
    """Run `stage(shared, task)` over tasks, where `shared` is too big to send to each task:
    workers forked for the purpose inherit it, so only the small tasks and their results
    cross processes. For work heavy enough to pay for the copies: the PDF briefs."""

    def __init__(self, stage: Callable[[Shared, Item], Result], shared: Shared) -> None:
        self.stage = stage
        self.shared = shared

    def run(self, tasks: Sequence[Item], jobs: int) -> list[Result]:
        """Forks on this machine, so never more processes than its CPUs (`jobs` may count a
        cluster's)."""
        jobs = min(jobs, default_jobs())
        if jobs <= 1 or len(tasks) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [self.stage(self.shared, task) for task in tasks]
        workers = min(jobs, len(tasks)) - 1
        with _pool(workers, (self.stage, self.shared)) as pool:
            remote = cast(Callable[[Item], Result], _run_inherited)
            return _alongside(pool, workers, remote, partial(self.stage, self.shared), tasks)


AHEAD = 2  # tasks queued for each worker, so none waits while this process runs one


def _alongside(
    pool: ProcessPoolExecutor,
    workers: int,
    remote: Callable[[Item], Result],
    here: Callable[[Item], Result],
    tasks: Sequence[Item],
    first: Sequence[Callable[[], Result]] = (),
) -> list[Result]:
    """`first` and then tasks here, tasks in the pool meanwhile: each worker is kept `AHEAD`
    tasks ahead. The results of `first`, then of the tasks by position."""
    firsts: list[Result] = []
    results: dict[int, Result] = {}
    pending: dict[Future[Result], int] = {}
    position = 0
    while position < len(tasks) or pending or len(firsts) < len(first):
        while position < len(tasks) and len(pending) < AHEAD * workers:
            pending[pool.submit(remote, tasks[position])] = position
            position += 1
        if len(firsts) < len(first):
            firsts.append(first[len(firsts)]())
        elif position < len(tasks):
            results[position] = here(tasks[position])
            position += 1
        else:
            wait(pending, return_when=FIRST_COMPLETED)
        for future in [future for future in pending if future.done()]:
            results[pending.pop(future)] = future.result()
    return firsts + [results[index] for index in range(len(tasks))]


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
        max_workers=workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(inherit, os.getpid()),
    )


def _start_worker(
    inherit: tuple[Callable[[object, object], object], object] | None, parent: int
) -> None:
    if inherit is not None:
        _inherited.append(inherit)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the build, which stops us
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """A killed build must not leave its workers behind: on Linux, ask the kernel to end each
    worker when the build process dies (prctl PR_SET_PDEATHSIG); elsewhere, nothing to do.
    A build killed before the request took effect has already left: then leave too."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        return
    if os.getppid() != parent:
        os._exit(1)
