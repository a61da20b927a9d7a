"""Command-line entry point (placeholder until the engine lands)."""

from __future__ import annotations


def main() -> int:
    """Run the briefbot command line."""
    return 0
