"""FairGate: one job in flight per owner, waiting owners served in turn (issue 11)."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable

import pytest

from bot.fairness import FairGate


class Jobs:
    """Jobs that hold their turn until released, recording the order they started in."""

    def __init__(self, gate: FairGate) -> None:
        self.gate = gate
        self.started: list[str] = []
        self._release: dict[str, asyncio.Event] = {}
        self.tasks: dict[str, asyncio.Task[None]] = {}

    def submit(self, name: str, owner: Hashable | None) -> None:
        self._release[name] = asyncio.Event()
        self.tasks[name] = asyncio.create_task(self._job(name, owner))

    async def _job(self, name: str, owner: Hashable | None) -> None:
        async with self.gate.turn(owner):
            self.started.append(name)
            await self._release[name].wait()

    async def finish(self, name: str) -> None:
        self._release[name].set()
        await self.tasks[name]
        await asyncio.sleep(0)  # let the next turn begin


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_fair_gate_runs_one_job_per_owner_and_lets_another_owner_in() -> None:
    jobs = Jobs(FairGate(2))
    for name in ("a1", "a2", "a3"):
        jobs.submit(name, "alice")
    jobs.submit("b1", "bob")
    await _settle()
    assert jobs.started == ["a1", "b1"]
    assert jobs.gate.waiting("alice") == 2


async def test_fair_gate_serves_waiting_owners_in_turn() -> None:
    jobs = Jobs(FairGate(1))
    for name, owner in [("a1", "a"), ("a2", "a"), ("a3", "a"), ("b1", "b"), ("c1", "c")]:
        jobs.submit(name, owner)
    await _settle()
    for name in ("a1", "a2", "b1", "c1"):
        await jobs.finish(name)
    await _settle()
    assert jobs.started == ["a1", "a2", "b1", "c1", "a3"]


async def test_fair_gate_jobs_without_owner_share_every_slot() -> None:
    jobs = Jobs(FairGate(2))
    for name in ("f1", "f2", "f3"):
        jobs.submit(name, None)
    await _settle()
    assert jobs.started == ["f1", "f2"]
    await jobs.finish("f1")
    await _settle()
    assert jobs.started == ["f1", "f2", "f3"]


async def test_fair_gate_cancelled_waiter_gives_up_its_place() -> None:
    jobs = Jobs(FairGate(1))
    jobs.submit("a1", "a")
    jobs.submit("b1", "b")
    jobs.submit("c1", "c")
    await _settle()
    jobs.tasks["b1"].cancel()
    with pytest.raises(asyncio.CancelledError):
        await jobs.tasks["b1"]
    await jobs.finish("a1")
    await _settle()
    assert jobs.started == ["a1", "c1"]
    assert jobs.gate.running == 1


async def test_fair_gate_frees_the_slot_when_a_job_fails() -> None:
    gate = FairGate(1)
    with pytest.raises(RuntimeError):
        async with gate.turn("a"):
            raise RuntimeError("boom")
    async with gate.turn("a"):
        assert gate.running == 1
    assert gate.running == 0
