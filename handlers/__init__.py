"""Telegram update handlers: read the update, call a service, reply. Wording lives in messages.

Each handler module exposes `register(app)`; `bot.app.build_app` calls them all. Handlers do
no engine, fetching or storage work themselves: they call `context.service` (bot.service)
and render with `bot.briefing.render`. Never block the event loop here.
"""
