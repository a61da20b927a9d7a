"""Fixtures for the CLI tests: `cli` runs `bot.cli.main` in-process with its own stdin.

The model loads once per process (`bot.briefing.nlp.load_model` is cached), so the
in-process runs share it with the engine tests.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from bot.cli import main


@dataclass(frozen=True, slots=True)
class CliResult:
    """What one run of the command line returned and printed."""

    code: int
    out: str
    err: str


RunCli = Callable[..., CliResult]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run `briefbot ARGV...` in-process, feeding `stdin` bytes to standard input."""

    def run(*argv: str, stdin: bytes = b"") -> CliResult:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
