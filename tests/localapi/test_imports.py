"""The local server is a fake Telegram written against the wire protocol, not against PTB."""

from __future__ import annotations

import subprocess
import sys


def test_localapi_never_imports_telegram() -> None:
    code = (
        "import sys, bot.localapi, bot.localapi.console, bot.localapi.html_check; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'telegram'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
