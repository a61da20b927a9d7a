"""Storage: small verb functions over SQLite (sqlite-utils) returning our dataclasses."""
