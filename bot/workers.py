"""The worker process pool: extraction and briefing run here, never on the event loop.

Each worker process loads the spaCy model once, in the pool's initializer. Only plain values
and frozen dataclasses (`ArticleMeta`, `Brief`) cross the process boundary. The pool is
pebble's: a job over its time limit, or a crashed worker, costs one replaced process, never
the whole pool (issue 11).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from bot.briefing.model import ArticleMeta, Brief
from bot.errors import TooHeavy
from bot.fairness import FairGate

__all__ = ["WorkerPool", "brief_in_worker", "extract_in_worker"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
WARM_UP_ROUNDS = 5
DEFAULT_TIME_LIMIT = 30.0  # seconds a job may run (BRIEFBOT_JOB_SECONDS)


def _init_worker() -> None:
    """Load the model and encoder once per worker, start its recogniser; Ctrl-C is the parent's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from bot.briefing.nlp import load_model, start_recogniser
    from bot.briefing.sentvec import load_encoder

    load_encoder()
    # Forked once the model and encoder are loaded: it shares their memory, and the first
    # brief does not wait for it.
    start_recogniser(load_model())


def _pid() -> int:
    time.sleep(0.05)  # long enough for the other workers to pick up their own warm-up job
    return os.getpid()


def extract_in_worker(page: str, url: str | None, is_html: bool) -> tuple[str, ArticleMeta]:
    """Extract an article from a page's HTML (or plain text); return its text and metadata."""
    from bot.links.extract import extract_article, extract_plain_text

    extracted = extract_article(page, url) if is_html else extract_plain_text(page, url)
    return extracted.text, extracted.meta


def brief_in_worker(text: str, meta: ArticleMeta | None, max_chars: int) -> Brief:
    """Brief an article's text in a worker process."""
    from bot.pipeline import brief_text

    return brief_text(text, meta, max_chars=max_chars)


class WorkerPool:
    """A process pool for the engine, started once and shared by every update.

    Every job has a wall-clock limit: a job over it is stopped, its worker process replaced
    (pebble kills and restarts it) and `TooHeavy` raised. Jobs take turns through a
    `FairGate`: one job in flight per owner (a user), waiting owners served in turn.
    """

    def __init__(self, workers: int, time_limit: float = DEFAULT_TIME_LIMIT) -> None:
        self.workers, self.time_limit = workers, time_limit
        self._pool: ProcessPool | None = None
        self._gate = FairGate(workers)

    def start(self) -> None:
        """Start the worker processes (each loads the model; `warm_up` waits for that)."""
        if self._pool is None or not self._pool.active:
            # spawn: forking a process that runs threads and an event loop is unsafe.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPool(self.workers, initializer=_init_worker, context=context)

    async def warm_up(self, timeout: float = 120.0) -> None:  # noqa: ASYNC109
        """Start every worker and wait until each has loaded the model."""
        self.start()
        assert self._pool is not None
        seen: set[int] = set()
        async with asyncio.timeout(timeout):
            for _ in range(WARM_UP_ROUNDS):
                jobs = [self._pool.schedule(_pid) for _ in range(self.workers)]
                seen.update(await asyncio.gather(*map(asyncio.wrap_future, jobs)))
                if len(seen) >= self.workers:
                    break
        logger.info("worker pool ready: %d process(es)", len(seen))

    async def extract(
        self, page: str, url: str | None, is_html: bool, owner: Hashable | None = None
    ) -> tuple[str, ArticleMeta]:
        """Extract an article from a fetched page in a worker."""
        return await self.run(extract_in_worker, page, url, is_html, owner=owner)

    async def brief_text(
        self, text: str, meta: ArticleMeta | None, max_chars: int, owner: Hashable | None = None
    ) -> Brief:
        """Brief an article's text in a worker."""
        return await self.run(brief_in_worker, text, meta, max_chars, owner=owner)

    async def run(self, func: Callable[..., T], *args: Any, owner: Hashable | None = None) -> T:
        """Run `func(*args)` in a worker when `owner`'s turn comes, within the time limit.

        Raises:
            TooHeavy: the job ran over the time limit, or its worker died.
        """
        async with self._gate.turn(owner):
            self.start()
            assert self._pool is not None
            job = self._pool.schedule(func, args, timeout=self.time_limit)
            try:
                return await asyncio.wrap_future(job)
            except TimeoutError as exc:
                logger.warning(
                    "a worker job ran over %.0f s; its worker was replaced", self.time_limit
                )
                raise TooHeavy(detail=f"over {self.time_limit:g} s") from exc
            except ProcessExpired as exc:
                logger.error("a worker process died (%s); it was replaced", exc)
                raise TooHeavy(detail=f"worker died: {exc}") from exc

    async def close(self) -> None:
        """Stop the workers, cancelling queued jobs."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            await asyncio.to_thread(pool.join)
