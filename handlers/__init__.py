"""Telegram handlers: thin functions that read an update, call the engine or storage, reply."""
