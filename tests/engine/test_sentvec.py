"""Sentence vectors: word pieces, and the encoder's first layers (ONNX Runtime, int8)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bot.briefing.sentvec import (
    LAYERS,
    Encoder,
    _model_dir,
    _read_safetensors,
    load_encoder,
    word_pieces,
)

TINY_VOCAB = {"[UNK]": 0, "play": 1, "##ing": 2, "##s": 3, ",": 4, "cafe": 5, ".": 6}


def test_word_pieces_take_the_longest_known_piece_first() -> None:
    assert word_pieces("Playing, plays", TINY_VOCAB) == [1, 2, 4, 1, 3]


def test_word_pieces_fold_case_and_accents() -> None:
    assert word_pieces("CAFÉ.", TINY_VOCAB) == [5, 6]


def test_word_pieces_mark_an_unknown_word_once() -> None:
    assert word_pieces("playxyz cafe", TINY_VOCAB) == [0, 5]


@given(st.text(max_size=200))
def test_word_pieces_never_fail(text: str) -> None:
    assert all(0 <= i < len(TINY_VOCAB) for i in word_pieces(text, TINY_VOCAB))


def _encoder() -> Encoder:
    return load_encoder()


def _means(texts: list[str]) -> np.ndarray:
    return _encoder().pooled(texts)[0]


def test_vectors_are_of_unit_length() -> None:
    vectors = _means(["The council wants a new bridge.", "Rain is due on Friday."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_texts_no_vectors() -> None:
    means, maxima = _encoder().pooled([])
    assert means.shape == maxima.shape == (0, 384)


def test_the_maximum_is_a_second_unit_vector_beside_the_mean() -> None:
    texts = ["The council wants a new bridge.", "Rain is due on Friday."]
    means, maxima = _encoder().pooled(texts)
    assert maxima.shape == (2, 384)
    assert np.allclose(np.linalg.norm(maxima, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(means, maxima, atol=0.05)


def test_a_texts_vector_does_not_depend_on_the_others_read_with_it() -> None:
    # Each text is read on its own (and its activations scaled on their own), in two threads.
    alone = _encoder().pooled(["The union could strike if talks fail."])
    together = _encoder().pooled(
        [
            "A much longer sentence about the harbour, its cranes and the night shift.",
            "The union could strike if talks fail.",
        ]
    )
    for pooled_alone, pooled_together in zip(alone, together, strict=True):
        assert np.array_equal(pooled_alone[0], pooled_together[1])


def test_sentences_that_say_the_same_are_closer() -> None:
    plan, same, other = _means(
        [
            "The council wants to build a new bridge over the river.",
            "The city plans to construct a bridge across the river.",
            "The striker scored twice in the second half.",
        ]
    )
    assert float(plan @ same) > float(plan @ other) + 0.2


def test_many_texts_keep_their_order() -> None:
    texts = [f"Item {n} of the list is about the harbour." for n in range(7)]
    together = _means(texts)
    for n, text in enumerate(texts):
        assert np.array_equal(_means([text])[0], together[n])


def test_the_layers_are_close_to_the_float32_model() -> None:
    # The same three layers in float32 NumPy, written out here: 8-bit weights and
    # activations move a sentence's vector by a cosine of well under 0.01.
    encoder = _encoder()
    text = "The council wants to build a new bridge over the river by 2030."
    reference = _float32_mean(encoder, text)
    assert float(_means([text])[0] @ reference) > 0.99


def _float32_mean(encoder: Encoder, text: str) -> np.ndarray:
    """The unit mean of the first layers' states, computed in float32 NumPy."""
    w = _read_safetensors(_model_dir() / "model.safetensors", ("encoder.layer.",))
    x = encoder._embed(encoder._ids(text))
    for layer in range(LAYERS):
        at = f"encoder.layer.{layer}."

        def dense(v: np.ndarray, name: str, at: str = at) -> np.ndarray:
            return v @ w[at + name + ".weight"].T + w[at + name + ".bias"]

        def norm(v: np.ndarray, name: str, at: str = at) -> np.ndarray:
            v = (v - v.mean(-1, keepdims=True)) / np.sqrt(v.var(-1, keepdims=True) + 1e-12)
            return v * w[at + name + ".weight"] + w[at + name + ".bias"]

        heads = [
            dense(x, f"attention.self.{p}").reshape(len(x), 12, 32).transpose(1, 0, 2)
            for p in ("query", "key", "value")
        ]
        scores = heads[0] @ heads[1].transpose(0, 2, 1) / np.sqrt(32)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ heads[2]).transpose(1, 0, 2).reshape(len(x), 384)
        x = norm(x + dense(context, "attention.output.dense"), "attention.output.LayerNorm")
        h = dense(x, "intermediate.dense")
        h = 0.5 * h * (1 + np.tanh(np.sqrt(2 / np.pi) * (h + 0.044715 * h**3)))
        x = norm(x + dense(h, "output.dense"), "output.LayerNorm")
    mean = x.mean(0)
    return mean / np.linalg.norm(mean)
