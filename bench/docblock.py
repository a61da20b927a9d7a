"""Rewrite one generated block of a Markdown file, between its start and end markers."""

from __future__ import annotations

import re
from pathlib import Path


def replace_block(doc: Path, start: str, end: str, block: str, heading: str) -> None:
    """Put `block` (markers included) in place of the old one; add it under `heading` if new."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else f"# {heading}\n"
    if start not in text:
        text = text.rstrip("\n") + f"\n\n{start}\n{end}\n"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    doc.write_text(head + block + tail, encoding="utf-8")


def replace_section(doc: Path, heading: str, text: str) -> None:
    """Put a `## heading` section (`text` starts with that line) in place of the old one."""
    old = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    pattern = re.compile(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
