"""Fair turns at a limited number of slots: one job in flight per owner, owners served in turn.

The worker pool has a few processes; a user who sends three heavy links at once must not hold
all of them while another user waits (issue 11). `FairGate` hands out its slots so that each
owner (a user) has at most one job running, and waiting owners are served round-robin, not in
the order their jobs arrived. A job without an owner (a feed entry) is its own owner.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager

__all__ = ["FairGate"]


class FairGate:
    """Hand out `slots` turns: at most one per owner, waiting owners round-robin."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self._busy: set[Hashable] = set()
        self._waiting: OrderedDict[Hashable, deque[asyncio.Future[None]]] = OrderedDict()

    @property
    def running(self) -> int:
        """Return how many turns are taken now."""
        return len(self._busy)

    def waiting(self, owner: Hashable) -> int:
        """Return how many of an owner's jobs wait for a turn."""
        return len(self._waiting.get(owner, ()))

    @asynccontextmanager
    async def turn(self, owner: Hashable | None = None) -> AsyncIterator[None]:
        """Wait for this owner's turn and hold a slot for the block's duration."""
        key: Hashable = object() if owner is None else owner
        await self._wait(key)
        try:
            yield
        finally:
            self._busy.discard(key)
            self._dispatch()

    async def _wait(self, key: Hashable) -> None:
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(key, deque()).append(ticket)
        self._dispatch()  # with a slot free for this owner, the ticket is granted at once
        try:
            await ticket
        except asyncio.CancelledError:
            if ticket.done() and not ticket.cancelled():  # granted, then cancelled: pass it on
                self._busy.discard(key)
                self._dispatch()
            else:
                self._forget(key, ticket)
            raise

    def _forget(self, key: Hashable, ticket: asyncio.Future[None]) -> None:
        queue = self._waiting.get(key)
        if queue is not None and ticket in queue:
            queue.remove(ticket)
            if not queue:
                del self._waiting[key]

    def _dispatch(self) -> None:
        """Give free slots to the owners that wait longest and have nothing running."""
        while len(self._busy) < self.slots:
            key = next((k for k in self._waiting if k not in self._busy), None)
            if key is None:
                return
            queue = self._waiting.pop(key)
            ticket = queue.popleft()
            if queue:  # the owner's next job goes to the back of the line
                self._waiting[key] = queue
            if ticket.done():  # cancelled while it waited; its owner gave up this turn
                continue
            self._busy.add(key)
            ticket.set_result(None)
