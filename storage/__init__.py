"""Storage: small named functions over SQLite; the only layer that imports sqlite_utils."""
