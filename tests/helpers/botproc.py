"""Run the real bot in a process of its own (the crash test): python -m tests.helpers.botproc SPEC.

SPEC is a JSON file: the local Bot API server's URL, the database, the default feeds file,
the loopback port the feeds are on, and the digest sender's rate. Loopback is reachable
only here, in tests (FetchSettings.allow_networks); `briefbot run` never allows it.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import sys
from pathlib import Path

from bot.app import ALLOWED_UPDATES, build_app
from bot.config import Config, DeliveryLimits, FetchSettings
from bot.localapi import DEFAULT_TOKEN


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    fetch = FetchSettings(
        allow_networks=(ipaddress.ip_network("127.0.0.0/8"),), allowed_ports=(spec["port"],)
    )
    config = Config(
        telegram_token=DEFAULT_TOKEN,
        telegram_api_url=spec["api"],
        db_path=Path(spec["db"]),
        feeds_file=Path(spec["feeds"]),
        workers=1,
        fetch=fetch,
        delivery=DeliveryLimits(overall=(int(spec["per_second"]), 1.0)),
    )
    build_app(config).run_polling(allowed_updates=list(ALLOWED_UPDATES), poll_interval=0.0)


if __name__ == "__main__":
    main()
