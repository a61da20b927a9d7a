"""The worker pool: a wall-clock limit per job, and one user's jobs never hold every worker.

These start real worker processes (each loads the model once), as the bot does (issue 11).
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.errors import TooHeavy
from bot.workers import WorkerPool


def nap(seconds: float, tag: str) -> str:
    """Work that takes a while (a heavy article), then answers its tag."""
    time.sleep(seconds)
    return tag


@pytest.fixture
async def one_worker() -> AsyncIterator[WorkerPool]:
    pool = WorkerPool(1, time_limit=2.0)
    await pool.warm_up()
    yield pool
    await pool.close()


@pytest.fixture
async def two_workers() -> AsyncIterator[WorkerPool]:
    pool = WorkerPool(2, time_limit=30.0)
    await pool.warm_up()
    yield pool
    await pool.close()


async def test_worker_pool_stops_a_job_over_the_time_limit(one_worker: WorkerPool) -> None:
    with pytest.raises(TooHeavy) as caught:
        await one_worker.run(nap, 600.0, "endless", owner="alice")
    assert "too much" in caught.value.user_message


async def test_worker_pool_replaces_the_stopped_worker(one_worker: WorkerPool) -> None:
    before = await one_worker.run(os.getpid)
    with pytest.raises(TooHeavy):
        await one_worker.run(nap, 600.0, "endless")
    after = await one_worker.run(os.getpid)
    assert after != before
    assert await one_worker.run(nap, 0.0, "next") == "next"


async def test_worker_pool_three_heavy_jobs_of_one_user_do_not_delay_another(
    two_workers: WorkerPool,
) -> None:
    done: list[str] = []

    async def job(tag: str, owner: str) -> None:
        done.append(await two_workers.run(nap, 1.0, tag, owner=owner))

    heavy = [asyncio.create_task(job(f"alice-{n}", "alice")) for n in (1, 2, 3)]
    await asyncio.sleep(0.1)  # alice's three jobs are in before bob's
    await job("bob", "bob")
    assert done[-1] == "bob"
    assert "alice-2" not in done  # bob did not wait behind alice's second job
    await asyncio.gather(*heavy)
    assert set(done[:2]) == {"alice-1", "bob"}
    assert done[2:] == ["alice-2", "alice-3"]


def recogniser_of_this_worker() -> tuple[int, int | None]:
    """This worker's process id and its entity recogniser's process id."""
    from bot.briefing.nlp import load_model, recogniser_pid

    return os.getpid(), recogniser_pid(load_model())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
async def test_each_worker_starts_its_recogniser_process(one_worker: WorkerPool) -> None:
    worker, recogniser = await one_worker.run(recogniser_of_this_worker)
    assert recogniser is not None
    assert recogniser != worker
    with pytest.raises(TooHeavy):
        await one_worker.run(nap, 600.0, "endless")  # the worker is stopped and replaced
    worker_after, recogniser_after = await one_worker.run(recogniser_of_this_worker)
    assert worker_after != worker
    assert recogniser_after not in (None, recogniser)
    await asyncio.sleep(0.5)  # the stopped worker's recogniser saw its pipe close and left
    assert _gone(recogniser)


def _gone(pid: int) -> bool:
    """Whether a process has exited (a zombie waiting for its parent counts)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] == "Z"
