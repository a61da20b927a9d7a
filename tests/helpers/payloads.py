"""Bodies for size tests, built in bounded memory: compression bombs and big pages."""

from __future__ import annotations

import functools
import zlib

import brotli

MIB = 1024 * 1024


@functools.cache
def gzip_bomb(mib: int = 64) -> bytes:
    """Return gzip data that inflates to `mib` MiB of zeros (about 1/1000 of that on the wire)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * MIB
    return b"".join(compressor.compress(block) for _ in range(mib)) + compressor.flush()


@functools.cache
def brotli_bomb(mib: int = 64) -> bytes:
    """Return brotli data that decompresses to `mib` MiB of zeros."""
    compressor = brotli.Compressor(quality=5)
    block = b"\0" * MIB
    return b"".join(compressor.process(block) for _ in range(mib)) + compressor.finish()
