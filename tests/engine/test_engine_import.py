"""The engine never imports telegram or sqlite_utils: it is a pure function from text to Brief."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("telegram", "sqlite_utils")


def test_engine_import_leaves_out_telegram_and_sqlite_utils() -> None:
    code = (
        "import sys, bot.briefing, bot.briefing.render, bot.briefing.serialize, bot.pipeline; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_engine_brief_leaves_out_telegram_and_sqlite_utils() -> None:
    code = (
        "import sys\n"
        "from bot.briefing import build_brief\n"
        "build_brief('The harbour council met on Monday and voted to repair the old pier.')\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
