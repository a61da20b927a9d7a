"""Bounded decompression and charset choice, as pure functions."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from bot.errors import TooLarge, UnsupportedContent
from bot.links.decode import BoundedDecoder, decode_text, sniff_binary
from tests.helpers.payloads import MIB, brotli_bomb, gzip_bomb

KOI8_PAGE = (
    '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>'
).encode("koi8_r")
PAGE = "<html><body><p>Ein Bär aß Käse – and a café.</p></body></html>".encode()


def feed_all(decoder: BoundedDecoder, data: bytes, chunk: int = 4096) -> bytes:
    return b"".join(decoder.feed(data[i : i + chunk]) for i in range(0, len(data), chunk))


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("", PAGE),
        ("identity", PAGE),
        ("gzip", gzip.compress(PAGE)),
        ("x-gzip", gzip.compress(PAGE)),
        ("deflate", zlib.compress(PAGE)),
        ("deflate", zlib.compress(PAGE)[2:-4]),  # raw deflate, as some servers send it
        ("br", brotli.compress(PAGE)),
        ("gzip, br", brotli.compress(gzip.compress(PAGE))),
        ("gzip", gzip.compress(PAGE[:20]) + gzip.compress(PAGE[20:])),  # two gzip members
    ],
    ids=["none", "identity", "gzip", "x-gzip", "zlib", "raw-deflate", "br", "gzip-br", "members"],
)
def test_bounded_decoder_decodes(encoding: str, data: bytes) -> None:
    assert feed_all(BoundedDecoder(encoding, MIB), data, chunk=7) == PAGE


def feed_bomb(decoder: BoundedDecoder, bomb: bytes) -> int:
    """Feed a bomb in network-sized chunks; return the biggest chunk the decoder produced."""
    biggest = 0
    try:
        for i in range(0, len(bomb), 65536):
            biggest = max(biggest, len(decoder.feed(bomb[i : i + 65536])))
    except TooLarge:
        return biggest
    raise AssertionError("the bomb went off without TooLarge")


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_bounded_decoder_stops_a_bomb_at_the_limit(encoding: str) -> None:
    bomb = gzip_bomb() if encoding == "gzip" else brotli_bomb()
    decoder = BoundedDecoder(encoding, MIB)
    assert feed_bomb(decoder, bomb) <= MIB + 1
    assert decoder.produced <= MIB + 1


def test_bounded_decoder_refuses_an_unknown_encoding() -> None:
    with pytest.raises(UnsupportedContent):
        BoundedDecoder("zstd", MIB)


def test_bounded_decoder_refuses_corrupt_data() -> None:
    with pytest.raises(UnsupportedContent):
        BoundedDecoder("gzip", MIB).feed(b"\x1f\x8bnot really gzip at all")


def test_bounded_decoder_counts_plain_bodies_too() -> None:
    decoder = BoundedDecoder("", 10)
    decoder.feed(b"0123456789")
    with pytest.raises(TooLarge):
        decoder.feed(b"!")


@pytest.mark.parametrize(
    ("body", "header", "text", "charset"),
    [
        ("café".encode("cp1252"), "iso-8859-1", "café", "cp1252"),
        ("café".encode(), "UTF-8", "café", "utf-8"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "cp1252", "café", "utf-8"),
        ('<meta charset="windows-1251"><p>Привет</p>'.encode("cp1251"), None, "Привет", "cp1251"),
        (KOI8_PAGE, None, "Привет", "koi8-r"),
    ],
)
def test_decode_text_picks_the_charset(
    body: bytes, header: str | None, text: str, charset: str
) -> None:
    decoded, used = decode_text(body, header, html=True)
    assert (text in decoded, used) == (True, charset)


def test_decode_text_ignores_an_unknown_header_charset() -> None:
    assert decode_text("café".encode(), "no-such-charset", html=False) == ("café", "utf-8")


def test_decode_text_detects_an_undeclared_charset() -> None:
    body = ("Le cœur a ses raisons que la raison ne connaît point. " * 20).encode("cp1252")
    text, _charset = decode_text(body, None, html=True)
    assert "connaît" in text


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        (b"%PDF-1.7\n...", "application/pdf"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff\xe0", "image/jpeg"),
        (b"GIF89a", "image/gif"),
        (b"abc\0def", "application/octet-stream"),
    ],
)
def test_sniff_binary_names_binary_formats(body: bytes, media_type: str) -> None:
    assert sniff_binary(body) is not None
    assert sniff_binary(body)[0] == media_type  # type: ignore[index]


def test_sniff_binary_passes_text() -> None:
    assert sniff_binary(PAGE) is None
