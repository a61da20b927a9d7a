"""Telegram update handlers: read the update, call a service, reply. Wording lives in messages.

Each handler module exposes `register(app)`; `bot.app.build_app` calls them all. Handlers do
no engine, fetching or storage work themselves: they call `context.service` (bot.service)
and render with `bot.briefing.render`. Never block the event loop here. `context` is the
typed callback context, `jobs` the scheduled work (feed polls, the digest timer) and
`digest_view` the rendering of a digest.

The top layer: handlers may import `telegram` and every layer below (`bot.follow`,
`bot.service`, `storage`, the engine); no module imports them but the wiring, `bot.app`.
"""
