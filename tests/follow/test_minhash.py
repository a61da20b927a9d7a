"""MinHash fingerprints: syndicated copies are copies, distinct stories on one topic are not."""

from __future__ import annotations

import itertools

import pytest

from bot.follow.minhash import BANDS, band_keys, fingerprint, is_copy, resemblance
from tests.helpers.stories import BACKGROUND, EVENTS, REWRITES, event_story, syndicate


def _text(story: tuple[str, list[str]]) -> str:
    return "\n\n".join([story[0], *story[1]])


def _edited(edit: str) -> tuple[str, list[str]]:
    title, paragraphs = event_story(0)
    body = list(paragraphs)
    if edit == "headline":
        return "Repaired crossing to carry cars again", body
    if edit == "advertisement":
        return title, [*body[:2], "Advertisement", *body[2:4], "Advertisement", *body[4:]]
    if edit == "trimmed":
        return title, body[:-1]
    if edit == "added":
        return title, [*body, "The town will hold a public meeting on the bridge next week."]
    if edit == "word":
        return title, [body[0].replace("Tuesday", "Wednesday"), *body[1:]]
    return title, [*body, "This article was produced in partnership with a news service."]


@pytest.mark.parametrize(
    "edit", ["headline", "advertisement", "trimmed", "added", "word", "partner note"]
)
def test_is_copy_recognises_each_syndication_edit(edit: str) -> None:
    original = fingerprint(_text(event_story(0)))
    assert is_copy(original, fingerprint(_text(_edited(edit))))


@pytest.mark.parametrize("seed", range(40))
def test_is_copy_recognises_copies_with_all_edits_at_once(seed: int) -> None:
    story = event_story(seed)
    original, copy = fingerprint(_text(story)), fingerprint(_text(syndicate(story, seed)))
    assert is_copy(original, copy)
    assert set(band_keys(original)) & set(band_keys(copy))  # LSH finds it as a candidate


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(range(len(EVENTS)), 2)))
def test_is_copy_keeps_distinct_stories_about_the_same_people_apart(a: int, b: int) -> None:
    assert not is_copy(fingerprint(_text(event_story(a))), fingerprint(_text(event_story(b))))


@pytest.mark.parametrize("event", sorted(REWRITES))
def test_is_copy_keeps_another_outlets_own_report_apart(event: int) -> None:
    story, rewrite = event_story(event), REWRITES[event]
    assert not is_copy(fingerprint(_text(story)), fingerprint(_text(rewrite)))


def test_is_copy_refuses_a_short_note_quoting_one_paragraph() -> None:
    title, paragraphs = event_story(3)
    note = f"In brief. {paragraphs[1]}"
    assert not is_copy(fingerprint(_text((title, paragraphs))), fingerprint(note))


def test_fingerprint_is_the_same_in_every_process() -> None:
    first = fingerprint(BACKGROUND)
    assert first == fingerprint(BACKGROUND.upper())  # case folded
    assert first.shingles == len(BACKGROUND.split()) - 3
    assert len(band_keys(first)) == BANDS
    # Stored fingerprints must compare with new ones: the seeded hashes never change.
    assert band_keys(first)[:2] == [-4248844911196081308, -1535043132864092970]


def test_resemblance_of_empty_texts_is_zero() -> None:
    empty = fingerprint("  ")
    assert band_keys(empty) == []
    assert resemblance(empty, fingerprint(BACKGROUND)) == (0.0, 0.0)
    assert not is_copy(empty, empty)


def test_fingerprint_ignores_accents_and_case() -> None:
    assert fingerprint("Le Café NAÏVE de Port Alder, été") == fingerprint(
        "le cafe naive de port alder ete"
    )
