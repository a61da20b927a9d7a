"""Read what a user hands the CLI: a file, standard input, or raw bytes, as text."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.errors import BinaryInput, EmptyInput, SourceNotFound, TooLong

__all__ = ["MAX_SOURCE_BYTES", "decode_text", "looks_like_html", "read_source"]

MAX_SOURCE_BYTES = 5 * 1024 * 1024
HTML_STARTS = ("<!doctype html", "<html", "<head", "<body")


def looks_like_html(text: str) -> bool:
    """Guess whether a file's text is a saved web page (it starts like one)."""
    start = text[:1024].lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<?xml"):  # XHTML
        return "<html" in start
    return start.startswith(HTML_STARTS)


def decode_text(data: bytes) -> str:
    """Decode bytes as text (UTF-8, else the detected charset); refuse binary data."""
    if not data.strip():
        raise EmptyInput
    if b"\x00" in data[:65536]:
        raise BinaryInput
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise BinaryInput
    return data.decode(best.encoding, errors="replace")


def read_source(source: str, max_bytes: int = MAX_SOURCE_BYTES) -> str:
    """Read a file path, or standard input for '-', as text."""
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except (FileNotFoundError, IsADirectoryError, PermissionError, OSError) as exc:
            raise SourceNotFound(f"I could not read {source!r}: {exc.strerror or exc}.") from exc
    if len(data) > max_bytes:
        raise TooLong(
            f"That input is over {max_bytes // (1024 * 1024)} MB; send one article at a time."
        )
    return decode_text(data)
