"""Telegram update handlers: read the update, call a service, reply. Wording lives in messages."""
