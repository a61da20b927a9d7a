"""The bot's scheduled work on PTB's JobQueue (APScheduler 3): feed polls and the digest timer.

SQLite is the truth and the jobs are rebuilt from it: at start, open digests are resumed,
the feed poll repeats every `poll_every`, retention prunes once a day, and one timer is set
for the earliest due topic (or a retry of an interrupted digest). Whenever topics or settings
change, `reschedule()` sets the timer again. Job callbacks follow the same rules as
handlers: never block the loop.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram.ext import JobQueue

from bot.follow.digests import DigestRunner
from bot.follow.feedpoll import FeedService
from bot.follow.retention import Retention
from bot.types import Clock
from handlers.context import BotApp, BotContext

__all__ = ["POLL_JOB", "PRUNE_JOB", "RESUME_JOB", "TIMER_JOB", "JobScheduler"]

logger = logging.getLogger(__name__)

TIMER_JOB = "digest-timer"
POLL_JOB = "feed-poll"
RESUME_JOB = "digest-resume"
PRUNE_JOB = "retention"
PRUNE_EVERY_SECONDS = 24 * 3600.0
FIRST_PRUNE_SECONDS = 60.0
FIRST_POLL_SECONDS = 1.0
STOP_GRACE_SECONDS = 10.0


class JobScheduler:
    """Feed polling and digest delivery on the application's job queue."""

    def __init__(
        self,
        app: BotApp,
        runner: DigestRunner,
        feeds: FeedService,
        clock: Clock,
        poll_every: timedelta,
        retention: Retention | None = None,
    ) -> None:
        self.app, self.runner, self.feeds, self.clock = app, runner, feeds, clock
        self.poll_every, self.retention = poll_every, retention
        self._polling = asyncio.Lock()
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def _queue(self) -> JobQueue[BotContext]:
        queue = self.app.job_queue
        if queue is None:
            raise RuntimeError("the application has no job queue")
        return queue

    def start(self) -> None:
        """Schedule the jobs from the database: resume, poll, and the digest timer."""
        self._queue.run_once(self._on_resume, 0.0, name=RESUME_JOB)
        self._queue.run_repeating(
            self._on_poll, self.poll_every.total_seconds(), first=FIRST_POLL_SECONDS, name=POLL_JOB
        )
        if self.retention is not None:
            self._queue.run_repeating(
                self._on_prune, PRUNE_EVERY_SECONDS, first=FIRST_PRUNE_SECONDS, name=PRUNE_JOB
            )
        self.reschedule()

    def reschedule(self) -> None:
        """Set the digest timer for the earliest due topic (rebuilt from the database)."""
        for job in self._queue.get_jobs_by_name(TIMER_JOB):
            job.schedule_removal()
        wake = self.runner.next_wake_up()
        if wake is None:
            return
        delay = max(0.0, (wake - self.clock()).total_seconds())
        self._queue.run_once(self._on_timer, delay, name=TIMER_JOB)
        logger.debug("next digest run in %.1f s", delay)

    async def poll_now(self) -> int:
        """Poll the due feeds, brief what is new, send instant topics; return new articles."""
        async with self._polling:
            await self.feeds.poll_due()
            return await self.ingest_and_deliver()

    async def ingest_and_deliver(self) -> int:
        """Brief queued feed entries, then send instant topics what matched."""
        added = await self.feeds.ingest()
        if added:
            await self.runner.deliver_instant()
        self.reschedule()
        return added

    def ingest_soon(self) -> None:
        """Brief a newly added feed's entries in the background."""
        task = asyncio.create_task(self._ingest_in_background())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _ingest_in_background(self) -> None:
        try:
            await self.ingest_and_deliver()
        except Exception:  # a job boundary: log it, the next poll tries again
            logger.exception("briefing a new feed's entries failed")

    async def stop(self) -> None:
        """Let background work finish (a cancelled send may reach Telegram), then cancel it."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=STOP_GRACE_SECONDS)
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _on_resume(self, context: BotContext) -> None:
        try:
            sent = await self.runner.resume()
            if sent:
                logger.info("resumed %d interrupted digest(s)", sent)
        finally:
            self.reschedule()

    async def _on_poll(self, context: BotContext) -> None:
        await self.poll_now()

    async def _on_prune(self, context: BotContext) -> None:
        if self.retention is not None:
            self.retention.prune()

    async def _on_timer(self, context: BotContext) -> None:
        try:
            await self.runner.deliver_due()
        finally:
            self.reschedule()
