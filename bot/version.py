"""Which engine made a brief: a fingerprint of the engine's code and word lists.

Stored with every brief, so a cached brief made by an older engine is not shown after an
upgrade: the article is briefed again instead.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from bot import __version__

__all__ = ["engine_version"]

_PACKAGE = Path(__file__).resolve().parent


@cache
def engine_version() -> str:
    """Return the package version plus a short hash of the engine's source and data files."""
    digest = hashlib.sha256()
    files = sorted([*(_PACKAGE / "briefing").glob("*.py"), *(_PACKAGE / "data").glob("*")])
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
