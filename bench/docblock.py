"""Rewrite one generated block of a Markdown file, between its start and end markers."""

from __future__ import annotations

from pathlib import Path


def replace_block(doc: Path, start: str, end: str, block: str, heading: str) -> None:
    """Put `block` (markers included) in place of the old one; add it under `heading` if new."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# {heading}\n"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n{start}\n{end}\n"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    doc.write_text(head + block + tail, encoding="utf-8")
