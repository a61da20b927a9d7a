"""The worker process pool: extraction and briefing run here, never on the event loop.

Each worker process loads the spaCy model once, in the pool's initializer. Only plain values
and frozen dataclasses (`ArticleMeta`, `Brief`) cross the process boundary. A crashed worker
breaks a `ProcessPoolExecutor` for good, so the pool replaces its executor when that happens.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from bot.briefing.model import ArticleMeta, Brief

__all__ = ["WorkerPool", "brief_in_worker", "extract_in_worker"]

logger = logging.getLogger(__name__)

T = TypeVar("T")
WARM_UP_ROUNDS = 5


def _init_worker() -> None:
    """Load the model once per worker; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from bot.briefing.nlp import load_model

    load_model()


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
    """A process pool for the engine, started once and shared by every update."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Start the executor (processes spawn on first use; `warm_up` forces that)."""
        if self._executor is None:
            # spawn: forking a process that runs threads and an event loop is unsafe.
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_init_worker
            )

    async def warm_up(self, timeout: float = 120.0) -> None:  # noqa: ASYNC109
        """Start every worker and wait until each has loaded the model."""
        seen: set[int] = set()
        async with asyncio.timeout(timeout):
            for _ in range(WARM_UP_ROUNDS):
                pids = await asyncio.gather(*(self._run(_pid) for _ in range(self.workers)))
                seen.update(pids)
                if len(seen) >= self.workers:
                    break
        logger.info("worker pool ready: %d process(es)", len(seen))

    async def extract(self, page: str, url: str | None, is_html: bool) -> tuple[str, ArticleMeta]:
        """Extract an article from a fetched page in a worker."""
        return await self._run(extract_in_worker, page, url, is_html)

    async def brief_text(self, text: str, meta: ArticleMeta | None, max_chars: int) -> Brief:
        """Brief an article's text in a worker."""
        return await self._run(brief_in_worker, text, meta, max_chars)

    async def _run(self, func: Callable[..., T], *args: Any) -> T:
        self.start()
        assert self._executor is not None
        executor = self._executor
        try:
            return await asyncio.get_running_loop().run_in_executor(executor, func, *args)
        except BrokenProcessPool:
            logger.error("a worker process died; starting a new pool")
            if self._executor is executor:
                self._executor = None
                executor.shutdown(wait=False, cancel_futures=True)
            raise

    async def close(self) -> None:
        """Stop the workers, cancelling queued jobs."""
        executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
