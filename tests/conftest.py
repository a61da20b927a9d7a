"""Settings for the whole test session."""

from __future__ import annotations

import os

# PTB 22 warns whenever it builds a RetryAfter unless this opts in to the timedelta API
# (https://docs.python-telegram-bot.org/en/stable/telegram.error.html#telegram.error.RetryAfter);
# filterwarnings=error would turn every 429 into a failure. `briefbot run` sets it too.
os.environ.setdefault("PTB_TIMEDELTA", "1")
