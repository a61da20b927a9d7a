"""Links: everything from a URL to an article's text, through the safe fetcher.

What lives here: the address policy (`netpolicy`), connections pinned to checked addresses
(`pinning`), the SSRF-hardened fetcher for pages and feeds (`fetch`), bounded decoding
(`decode`), article extraction and its rules (`extract`, `extract_rules`), what the CLI reads
from a file or standard input (`sources`), and `web`: a URL's cache key and its page, the
shape the briefing service sees (`LinkSource`, `WebLinks`).

It may import the shared pieces (`bot.config`, `bot.errors`, `bot.types`) and the engine's
model (`bot.briefing.model`); never `telegram`, `storage`, `handlers` or `bot.follow`
(`[tool.importlinter]` in pyproject.toml checks this). Users: `bot.service` and `bot.app`
(the bot), `bot.pipeline` and `bot.workers` (the CLI and the worker processes), and
`bot.follow.feedpoll` (feeds are fetched here too).

Import the modules themselves: this file re-exports nothing, so that reading a file for the
CLI or extracting in a worker does not load the HTTP client.
"""
