"""Dask's distributed scheduler as the engine: the same stages as `parallel.Workers`, run as
tasks on a cluster (a `LocalCluster` sized to this machine, or any scheduler's address).

The stages are module-level, pure functions of picklable values, so nothing about them changes:
`DaskWorkers` has `Workers`' map interface for the build, `map_partitions` streams a corpus
through `dask.bag` for `annotate`. Results are merged by position, so the output is the same
whatever the cluster, and a task lost with its worker is run again by Dask on another.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from dateline.engine.parallel import Workers

if TYPE_CHECKING:
    from distributed import Client

Item = TypeVar("Item")
Result = TypeVar("Result")
WINDOWS_IN_FLIGHT = 2  # one window computing while the client writes the one before
PARTITIONS_PER_THREAD = 8  # per window: fewer, larger graphs; no worker waits for the last
MAX_PARTITIONS_PER_WINDOW = 1_024  # what the client holds stays bounded on a large cluster
CONNECT_SECONDS = 30


class DaskUnavailable(Exception):
    """`--engine dask` asked for where Dask is not installed, or its scheduler not reached."""


def require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise DaskUnavailable(
            "--engine dask needs Dask's distributed scheduler, which is not installed here: "
            "pip install 'dateline[dask]' (or pip install 'dask[distributed]'), "
            "or use --engine local"
        ) from None


@contextmanager
def dask_client(scheduler: str | None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a `LocalCluster` of one single-threaded
    worker process per CPU (the stages are pure Python: threads would share one interpreter
    lock), listening on loopback only and without a dashboard."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as problem:
            raise DaskUnavailable(
                f"cannot reach the Dask scheduler at {scheduler}: {problem}"
            ) from None
        with client:
            yield client
        return
    workers = os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def cluster_threads(client: Client) -> int:
    """How many tasks the cluster runs at once; at least one."""
    threads: dict[str, int] = client.nthreads()
    return max(1, sum(threads.values()))


class DaskWorkers(Workers):
    """`Workers` whose tasks run on a Dask cluster; this process runs only the work `run`
    is given as `first` (the units that read the whole site, which only it holds), while the
    cluster runs the tasks."""

    def __init__(self, client: Client) -> None:
        super().__init__(cluster_threads(client))
        self.client = client

    def start(self, items: int) -> None:
        """Nothing to fork: the cluster's workers are already running."""

    def chunked(
        self, stage: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item]
    ) -> list[Result]:
        if not items:
            return []
        return self.run_chunks(stage, items)

    def run(
        self,
        stage: Callable[[Item], Result],
        tasks: Sequence[Item],
        first: Sequence[Callable[[], Result]] = (),
    ) -> list[Result]:
        """The results of `first`, run here, then of `stage` over `tasks`, run on the cluster
        meanwhile; in that order. A task that raised re-raises its exception here."""
        futures = self.client.map(stage, list(tasks), pure=False) if tasks else []
        here = [job() for job in first]
        with lost_workers_reported():
            gathered: list[Result] = self.client.gather(futures) if futures else []
        return here + gathered


def map_partitions(
    client: Client,
    stage: Callable[[Sequence[Item]], Result],
    partitions: Iterable[list[Item]],
) -> Iterator[Result]:
    """`stage` over each partition on the cluster, results in input order. The partitions are
    read lazily, a window at a time: each window becomes a `dask.bag` of its partitions, and at
    most `WINDOWS_IN_FLIGHT` windows are held, whatever the corpus's size."""
    import dask.bag

    per_window = min(cluster_threads(client) * PARTITIONS_PER_THREAD, MAX_PARTITIONS_PER_WINDOW)
    pending: deque[list[Any]] = deque()
    for window in _windows(partitions, per_window):
        bag = dask.bag.from_delayed([_as_delayed(partition) for partition in window])
        pending.append(client.compute(bag.map_partitions(stage).to_delayed()))
        if len(pending) >= WINDOWS_IN_FLIGHT:
            yield from _results(pending.popleft())
    while pending:
        yield from _results(pending.popleft())


def _as_delayed(partition: list[Item]) -> Any:
    from dask.delayed import delayed

    return delayed(partition, traverse=False)


def _results(futures: list[Any]) -> Iterator[Result]:
    for future in futures:
        with lost_workers_reported():
            result = future.result()
        yield result


@contextmanager
def lost_workers_reported() -> Iterator[None]:
    """A task whose workers kept dying (Dask gives up after `allowed-failures` of them) is
    reported as the engine failing, not as a traceback."""
    from distributed import KilledWorker

    try:
        yield
    except KilledWorker as problem:
        raise DaskUnavailable(
            f"the Dask workers running task {problem.task} kept dying (out of memory?), "
            f"last {problem.last_worker.address if problem.last_worker else 'unknown'}"
        ) from None


def _windows(partitions: Iterable[list[Item]], size: int) -> Iterator[list[list[Item]]]:
    window: list[list[Item]] = []
    for partition in partitions:
        window.append(partition)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window
