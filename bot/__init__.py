"""briefbot: turn a news article into a checked brief, from a terminal or from Telegram.

What lives here: the engine (`bot.briefing`) and two subsystems around it, `bot.links` (from
a URL to article text) and `bot.follow` (followed topics to delivered digests); the local Bot
API server and console (`bot.localapi`); at the top level, the wiring (`cli`, `runner`, `app`)
and the shared pieces (`config`, `errors`, `types`, `version`, the briefing
`service`, the `workers` pool, `pipeline`, `batch`). Telegram handlers live in `handlers/`,
SQLite in `storage/`.

What may import what is drawn in docs/architecture.md and checked by import-linter
(`[tool.importlinter]` in pyproject.toml): only the wiring imports every layer; besides it,
only the digest sender in `bot.follow` imports `telegram`. Users: the `briefbot` command
(`bot.cli:main`), `handlers/`, `storage/`, the tests and the benches.
"""

__version__ = "0.1.0"
