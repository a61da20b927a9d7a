"""Following topics: from a topic and a schedule to a delivered digest.

What lives here: topic queries (`topics`), schedules and their times (`schedule`), the
subscriptions service (`subscriptions`), feed parsing (`feeds`) and polling and briefing
(`feedpoll`), feed lists in and out as OPML (`opml`), channels' owners and rights
(`channels`), near-duplicate fingerprints (`minhash`, pure) and each article's story
(`stories`), the pure digest (`digest`), its delivery log and resumption (`digests`), the
paced sender (`delivery`) with its aiohttp transport to the Bot API (`transport`), and the
quote bank's look-ups, what a person has said across the articles (`quotebank`).

It may import the engine (`bot.briefing`), `bot.links` (feeds and their articles are
fetched through the safe fetcher), the shared pieces (`bot.config`, `bot.errors`,
`bot.types`, `bot.service`) and `storage`; never `handlers` (`[tool.importlinter]` in
pyproject.toml checks this). Only the sender (`delivery`, `transport`) imports `telegram`;
the digest is rendered by `handlers.digest_view`, which `bot.app` passes in. Users:
`bot.app` (the wiring) and `handlers` (`context`, `jobs`, and the settings and digest views).

Import the modules themselves: this file re-exports nothing, so that a pure module such as
`schedule` does not load the sender and `telegram` with it.
"""
