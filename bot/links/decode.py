"""Decoding a fetched body: Content-Encoding with an output cap, then the character set.

Pure and synchronous: the fetcher feeds raw network bytes through `BoundedDecoder`, which
decompresses gzip, deflate and brotli in bounded steps, so a small compressed bomb can never
become a large buffer (httpx decompresses a whole network chunk at once; see issue 4). Then
`decode_text` picks the charset: byte-order mark, the Content-Type header, a `<meta>` declaration,
strict UTF-8, and finally charset-normalizer's detection.
"""

from __future__ import annotations

import codecs
import re
import zlib
from typing import Protocol

import brotli
import charset_normalizer

from bot.errors import TooLarge, UnsupportedContent

__all__ = ["ACCEPT_ENCODING", "BoundedDecoder", "decode_text", "sniff_binary"]

# brotli >= 1.2 can stop after a bounded amount of output; older versions cannot, so "br" is
# then neither asked for nor accepted.
BROTLI_BOUNDED = hasattr(brotli.Decompressor(), "can_accept_more_data")
ACCEPT_ENCODING = "gzip, deflate, br" if BROTLI_BOUNDED else "gzip, deflate"
# How far into an HTML page a <meta charset> may appear (the HTML standard prescans 1024 bytes;
# pages in the wild put it later).
META_PRESCAN_BYTES = 4096
# charset-normalizer reads at most this much of a body.
DETECT_BYTES = 64 * 1024
# Labels that browsers decode as windows-1252 (WHATWG Encoding Standard).
WINDOWS_1252_LABELS = frozenset(
    {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"}
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE
)
GZIP_MAGIC = b"\x1f\x8b"
# Magic numbers of formats people send links to instead of pages.
_MAGIC = (
    (b"%PDF-", "application/pdf", "a PDF"),
    (b"\x89PNG", "image/png", "an image"),
    (b"\xff\xd8\xff", "image/jpeg", "an image"),
    (b"GIF8", "image/gif", "an image"),
    (b"PK\x03\x04", "application/zip", "an archive"),
)


class _Step(Protocol):
    """One decompression layer that yields at most a given number of bytes per call."""

    def step(self, data: bytes, max_length: int) -> bytes:
        """Decompress input; call again with b"" while `pending` is true."""

    @property
    def pending(self) -> bool:
        """Tell whether output is waiting without more input."""


class _ZlibStep:
    """gzip or deflate, via zlib's `max_length`, including gzip files of several members."""

    def __init__(self, encoding: str) -> None:
        self._wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._raw_fallback = self._wbits == zlib.MAX_WBITS  # servers send raw deflate, too
        self._inflater = zlib.decompressobj(self._wbits)
        self._tail = b""

    @property
    def pending(self) -> bool:
        return bool(self._tail)

    def step(self, data: bytes, max_length: int) -> bytes:
        data = self._tail + data
        try:
            out = self._inflater.decompress(data, max_length)
        except zlib.error:
            if not self._raw_fallback:
                raise
            self._raw_fallback = False
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflater.decompress(data, max_length)
        self._raw_fallback = False
        self._tail = self._inflater.unconsumed_tail
        rest = self._inflater.unused_data
        if self._inflater.eof and self._wbits > zlib.MAX_WBITS and rest.startswith(GZIP_MAGIC):
            self._tail = rest + self._tail  # the next member of a multi-member gzip body
            self._inflater = zlib.decompressobj(self._wbits)
        return out


class _BrotliStep:
    """brotli, via the decompressor's `output_buffer_limit`."""

    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    @property
    def pending(self) -> bool:
        return not self._decompressor.can_accept_more_data()

    def step(self, data: bytes, max_length: int) -> bytes:
        out: bytes = self._decompressor.process(data, output_buffer_limit=max(max_length, 1))
        return out


class BoundedDecoder:
    """Undo a Content-Encoding chunk by chunk, refusing to produce more than `limit` bytes."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        self.limit = limit
        self.produced = 0
        encodings = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
        self._steps = [_make_step(e) for e in reversed(encodings) if e != "identity"]

    def feed(self, data: bytes) -> bytes:
        """Decode one chunk of raw body bytes.

        Raises:
            TooLarge: the decoded body would exceed the limit.
            UnsupportedContent: the body is not validly encoded.
        """
        for step in self._steps:
            data = self._drain(step, data)
        self.produced += len(data)
        if self.produced > self.limit:
            raise TooLarge(detail=f"decoded body over {self.limit} bytes")
        return data

    def _drain(self, step: _Step, data: bytes) -> bytes:
        """Run one layer until it has no output left for this input, within the budget."""
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                out = step.step(data, self.limit - self.produced - size + 1)
                data = b""
                if not out and not step.pending:
                    return b"".join(parts)
                parts.append(out)
                size += len(out)
                if self.produced + size > self.limit:
                    raise TooLarge(detail=f"decoded body over {self.limit} bytes")
        except (zlib.error, brotli.error) as exc:
            raise UnsupportedContent(
                "That page could not be decoded. Try the link again later.",
                detail=f"bad compressed data: {exc}",
            ) from exc


def _make_step(encoding: str) -> _Step:
    """Build the decompressor for one Content-Encoding token, or refuse the encoding."""
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _ZlibStep(encoding)
    if encoding == "br" and BROTLI_BOUNDED:
        return _BrotliStep()
    raise UnsupportedContent(
        "That page uses a compression I cannot read. Send a link to a regular web page.",
        detail=f"unsupported Content-Encoding {encoding!r}",
    )


def decode_text(body: bytes, header_charset: str | None, *, html: bool) -> tuple[str, str]:
    """Decode a body to text; return the text and the charset used."""
    for bom, bom_charset in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(bom_charset, errors="replace"), bom_charset
    charset = _known_charset(header_charset)
    if charset is None and html:
        match = _META_CHARSET.search(body[:META_PRESCAN_BYTES])
        charset = _known_charset(match.group(1).decode("ascii") if match else None)
        if charset is not None and charset.startswith("utf-16"):
            charset = "utf-8"  # a page that can declare it in ASCII is not UTF-16
    if charset is not None:
        return body.decode(charset, errors="replace"), charset
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:DETECT_BYTES]).best()
    detected = _known_charset(best.encoding if best is not None else None) or "cp1252"
    return body.decode(detected, errors="replace"), detected


def sniff_binary(body: bytes) -> tuple[str, str] | None:
    """Recognise a binary format by its first bytes; return its media type and a plain name."""
    for magic, media_type, name in _MAGIC:
        if body.startswith(magic):
            return media_type, name
    if b"\0" in body[:1024]:
        return "application/octet-stream", "a binary file"
    return None


def _known_charset(label: str | None) -> str | None:
    """Map a charset label to a Python codec name, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
