"""Fingerprints of article texts for near-duplicate detection: MinHash over word shingles.

Pure: text in, plain values out. A text's words (case and accents folded) give overlapping
shingles of `SHINGLE_WORDS` words; `NUM_PERM` hash functions keep the smallest hash of any
shingle each, and two texts agree at one position with probability equal to the Jaccard
similarity of their shingle sets. The signature is cut into `BANDS` bands of `ROWS` values,
each hashed to one 64-bit key, so a store finds the candidates that agree on a whole band
(locality-sensitive hashing) by an index lookup instead of comparing with every article.

A copy is decided on the estimated *containment* of the shorter text in the longer one, so
a trimmed wire copy (the first paragraphs of the story) is still a copy, with a floor on
the Jaccard similarity itself so that a short note quoting one paragraph of a story is not.
Both thresholds were chosen from measurements on syndicated variants and on distinct stories
about the same people (`make bench`, docs/stories.md).

The hash functions are fixed by a seed: fingerprints are stored, and one made after a
restart must compare with one made before it. Changing `SEED`, `NUM_PERM`, `ROWS` or the
shingling makes the stored fingerprints incomparable with new ones (a test pins a value).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "BANDS",
    "MIN_JACCARD",
    "NUM_PERM",
    "ROWS",
    "SAME_STORY",
    "Fingerprint",
    "band_keys",
    "fingerprint",
    "is_copy",
    "resemblance",
]

SEED = 20_261_202
SHINGLE_WORDS = 4
ROWS = 3
BANDS = 40
NUM_PERM = ROWS * BANDS
SAME_STORY = 0.5  # estimated containment of the shorter text in the longer one
MIN_JACCARD = 0.3  # and the texts' own resemblance: a short excerpt is not a copy
_WORD = re.compile(r"\w+")
# Combining marks, dropped after NFKD: "Café" and "cafe" are one word, as in topic queries.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_U64 = np.uint64
_MIX = _U64(0x9E3779B97F4A7C15)

_rng = np.random.default_rng(SEED)
_A = _rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * _U64(2) + _U64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's MinHash signature (`NUM_PERM` 32-bit values, as bytes) and its shingle count."""

    signature: bytes
    shingles: int

    def values(self) -> npt.NDArray[np.uint32]:
        """Return the signature as an array."""
        return np.frombuffer(self.signature, dtype=np.uint32)


def _shingle_hashes(text: str) -> npt.NDArray[np.uint64]:
    """Hash each run of `SHINGLE_WORDS` words (fewer for a very short text) to 64 bits."""
    words = _WORD.findall(_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold())))
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashed = np.fromiter((zlib.crc32(w.encode()) for w in words), np.uint64, len(words))
    width = min(SHINGLE_WORDS, len(hashed))
    combined = np.zeros(len(hashed) - width + 1, dtype=np.uint64)
    for offset in range(width):  # a polynomial hash of the window; uint64 arithmetic wraps
        combined = combined * _MIX + hashed[offset : len(combined) + offset]
    return np.unique(combined)


def fingerprint(text: str) -> Fingerprint:
    """Return a text's fingerprint; an empty text has no shingles and matches nothing."""
    hashes = _shingle_hashes(text)
    if len(hashes) == 0:
        return Fingerprint(np.full(NUM_PERM, 2**32 - 1, dtype=np.uint32).tobytes(), 0)
    mixed = (hashes[:, None] * _A[None, :] + _B[None, :]) >> _U64(32)  # multiply-shift hashes
    return Fingerprint(mixed.min(axis=0).astype(np.uint32).tobytes(), len(hashes))


def band_keys(print_: Fingerprint) -> list[int]:
    """Return the fingerprint's `BANDS` band keys, as signed 64-bit ints (SQLite integers)."""
    if print_.shingles == 0:
        return []
    raw = print_.signature
    size = ROWS * 4
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([band]) + raw[band * size : (band + 1) * size], digest_size=8)
            .digest(),
            "little",
            signed=True,
        )
        for band in range(BANDS)
    ]  # fmt: skip


def resemblance(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """Return the estimated Jaccard similarity of two texts and the containment of the shorter."""
    if a.shingles == 0 or b.shingles == 0:
        return 0.0, 0.0
    jaccard = float(np.mean(a.values() == b.values()))
    common = jaccard / (1 + jaccard) * (a.shingles + b.shingles)
    return jaccard, min(1.0, common / min(a.shingles, b.shingles))


def is_copy(a: Fingerprint, b: Fingerprint) -> bool:
    """Tell whether two texts are the same story: one a (possibly edited) copy of the other."""
    jaccard, containment = resemblance(a, b)
    return jaccard >= MIN_JACCARD and containment >= SAME_STORY
