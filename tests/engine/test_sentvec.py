"""Sentence vectors: word pieces, and the encoder's first layers in NumPy."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bot.briefing.sentvec import Encoder, load_encoder, word_pieces

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


def test_vectors_are_of_unit_length() -> None:
    vectors = _encoder().encode(["The council wants a new bridge.", "Rain is due on Friday."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_texts_no_vectors() -> None:
    assert _encoder().encode([]).shape == (0, 384)
    means, maxima = _encoder().pooled([])
    assert means.shape == maxima.shape == (0, 384)


def test_the_maximum_is_a_second_unit_vector_beside_the_mean() -> None:
    texts = ["The council wants a new bridge.", "Rain is due on Friday."]
    means, maxima = _encoder().pooled(texts)
    assert np.allclose(means, _encoder().encode(texts))
    assert maxima.shape == (2, 384)
    assert np.allclose(np.linalg.norm(maxima, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(means, maxima, atol=0.05)


def test_a_texts_vector_does_not_depend_on_the_others_read_with_it() -> None:
    # All texts are packed into one matrix: attention must stay within each text.
    alone = _encoder().pooled(["The union could strike if talks fail."])
    together = _encoder().pooled(
        [
            "A much longer sentence about the harbour, its cranes and the night shift.",
            "The union could strike if talks fail.",
        ]
    )
    for pooled_alone, pooled_together in zip(alone, together, strict=True):
        assert np.allclose(pooled_alone[0], pooled_together[1], atol=1e-5)


def test_sentences_that_say_the_same_are_closer() -> None:
    plan, same, other = _encoder().encode(
        [
            "The council wants to build a new bridge over the river.",
            "The city plans to construct a bridge across the river.",
            "The striker scored twice in the second half.",
        ]
    )
    assert float(plan @ same) > float(plan @ other) + 0.2
