"""The entity recogniser's process: the same entities as in a thread, and a safe fallback."""

from __future__ import annotations

import os
import signal
import socket
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import bot.briefing.nlp as nlp_module
import bot.briefing.recogniser as recogniser_module
from bot.briefing.nlp import parse
from bot.briefing.recogniser import RecogniserProcess

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

TEXT = (
    "Harbour Deal in Doubt\n\n"
    "Mayor Ana Ruiz met the Dockworkers Union in Leeds on Monday.\n\n"
    '"We will not sign a bad deal," Ruiz said, and Acme Shipping agreed on Friday.'
)


def _entities(nlp: Language) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in parse(nlp, TEXT).ents]


def _in_a_thread(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    with monkeypatch.context() as patch:
        patch.setattr(nlp_module, "_recogniser_process", lambda model: None)
        return _entities(nlp)


@pytest.fixture
def process(nlp: Language) -> Iterator[RecogniserProcess]:
    """A recogniser process of its own for one test."""
    started = RecogniserProcess(nlp)
    yield started
    started.close()


def test_the_process_finds_the_entities_of_the_thread(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _entities(nlp)
    assert ("Leeds", "GPE") in found
    assert ("Monday", "DATE") in found
    assert found == _in_a_thread(nlp, monkeypatch)
    process = nlp_module._PROCESSES[id(nlp)]
    assert process.owner == os.getpid()
    assert process.model is nlp


def test_a_killed_process_is_replaced_and_no_entity_lost(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _in_a_thread(nlp, monkeypatch)
    _entities(nlp)
    first = nlp_module._PROCESSES[id(nlp)]
    os.kill(first.pid, signal.SIGKILL)
    os.waitpid(first.pid, 0)
    assert _entities(nlp) == expected  # recognised in this process meanwhile
    assert _entities(nlp) == expected
    assert nlp_module._PROCESSES[id(nlp)].pid != first.pid


def test_a_forked_copy_starts_its_own_process(nlp: Language) -> None:
    _entities(nlp)
    inherited = nlp_module._PROCESSES[id(nlp)]
    inherited.owner = -1  # as if this process were a fork of the one that started it
    try:
        assert nlp_module._recogniser_process(nlp) is not inherited
    finally:
        inherited.close()


def test_an_error_in_the_process_is_reported_not_raised_there(
    process: RecogniserProcess,
) -> None:
    process.send(None)  # type: ignore[arg-type]
    with pytest.raises(OSError, match="failed: TypeError"):
        process.receive()
    process.send(["Ana Ruiz spoke.\n"])  # the process still answers after an error
    assert len(process.receive()) == 1


def test_a_silent_process_times_out(
    process: RecogniserProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recogniser_module, "ANSWER_SECONDS", 0.2)
    os.kill(process.pid, signal.SIGSTOP)
    try:
        process.send(["Ana Ruiz spoke.\n"])
        with pytest.raises(OSError, match="did not answer"):
            process.receive()
    finally:
        os.kill(process.pid, signal.SIGCONT)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_process_keeps_none_of_the_parents_files(nlp: Language) -> None:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        child = RecogniserProcess(nlp)
        try:
            child.send(["Ana Ruiz spoke.\n"])
            child.receive()  # past the start, where it closes what it inherited
            open_files = list(Path(f"/proc/{child.pid}/fd").iterdir())
        finally:
            child.close()
    assert len(open_files) == 4  # standard input, output, error, and its pipe


class _ParserFailsOnce:
    """The real model, but its first parse fails after the recogniser got the text."""

    def __init__(self, nlp: Language) -> None:
        self.nlp, self.failed = nlp, False

    def pipe(self, docs: object, disable: list[str]) -> object:
        if not self.failed:
            self.failed = True
            raise RuntimeError("parser failed")
        return self.nlp.pipe(docs, disable=disable)

    def __getattr__(self, name: str) -> object:
        return getattr(self.nlp, name)


def test_a_failed_parse_leaves_no_answer_for_the_next_text(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    model: Any = _ParserFailsOnce(nlp)
    with pytest.raises(RuntimeError, match="parser failed"):
        parse(model, "Leeds and Paris signed on Monday.\n")
    try:
        assert [(e.text, e.label_) for e in parse(model, TEXT).ents] == _in_a_thread(
            nlp, monkeypatch
        )
    finally:
        nlp_module._stop_recogniser_process(model)


def test_a_process_can_be_started_before_the_first_parse(nlp: Language) -> None:
    nlp_module._stop_recogniser_process(nlp)
    assert nlp_module.recogniser_pid(nlp) is None
    assert nlp_module.start_recogniser(nlp)
    pid = nlp_module.recogniser_pid(nlp)
    assert pid is not None
    parse(nlp, TEXT)
    assert nlp_module.recogniser_pid(nlp) == pid  # the parse used it


def test_parses_in_two_threads_each_get_their_own_entities(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = "Oslo and Paris agreed on Tuesday.\n\nBerlin did not.\n"
    expected = {TEXT: _in_a_thread(nlp, monkeypatch)}
    with monkeypatch.context() as patch:
        patch.setattr(nlp_module, "_recogniser_process", lambda model: None)
        expected[other] = [(e.text, e.label_) for e in parse(nlp, other).ents]
    texts = [TEXT, other] * 6
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = list(pool.map(lambda t: [(e.text, e.label_) for e in parse(nlp, t).ents], texts))
    assert found == [expected[t] for t in texts]
