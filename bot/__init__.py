"""briefbot: turn a news article into a checked brief, from a terminal or from Telegram.

The package holds the core: configuration, the fetcher, the briefing engine in
`bot.briefing`, the worker pool, scheduling and the CLI wiring. Telegram code lives in
`handlers/` (and the wiring in `bot.app`); SQLite lives in `storage/`.
"""

__version__ = "0.1.0"
