"""Stakes: at most seven, verbatim, most likely first, each with its kind and, when said, actor."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.engine import stake_candidates_of
from bot.briefing.model import STAKE_KINDS
from bot.briefing.stakemodel import load_stake_model, load_vector_model
from bot.briefing.stakes import MAX_STAKES, MIN_STAKES, SHORTLIST, kept_stakes, with_vectors
from tests.engine.conftest import MakeBrief

OPENING = "The board met on Monday. "

# Fourteen stake sentences of every kind: more than the brief may keep or the cues shortlist.
MANY_STAKES = OPENING + " ".join(
    [
        "Chairman Ivan Petrov wants to sell the plant to raise cash.",
        "The town stands to gain four hundred jobs from the new plant.",
        "The deal will go ahead only if the bank agrees to the loan.",
        "A strike would trigger a review of the whole contract.",
        "The new terminal would cost the city four hundred million dollars.",
        "Critics warn the sale puts four hundred jobs at risk.",
        "The union hopes to win a seat on the board before the vote.",
        "Sanctions could cost the company its two biggest customers.",
        "The mayor plans to sue unless the buyer signs a jobs pledge.",
        "A delay would mean higher prices for every household in the town.",
        "Investors fear the plant could collapse into debt within a year.",
        "The buyer aims to double production by the end of next year.",
        "Lenders could refuse to roll over the plant's loans if the sale fails.",
        "The council wants to keep the plant's river frontage for a public park.",
        "Farmers want the plant's water permit cut back before the summer.",
        "The sale could leave the pension fund short of cash for a decade.",
        "The regional government hopes to attract a battery maker to the site.",
        "If the talks collapse, the plant may close by the spring.",
    ]
)

# (id, sentence, kind)
KIND_CASES = [
    ("goal", "Chairman Ivan Petrov wants to sell the plant to raise cash.", "goal"),
    ("gain", "The town stands to gain four hundred jobs from the new plant.", "gain"),
    ("condition", "The deal will go ahead only if the bank agrees to the loan.", "condition"),
    ("consequence", "A strike would trigger a review of the whole contract.", "consequence"),
    ("cost", "The new terminal would cost the city four hundred million dollars.", "cost"),
    ("risk", "Critics warn the sale puts four hundred jobs at risk.", "risk"),
    ("hoped-for consequence", "The union expects the strike will force the owners back.", "goal"),
    ("hoped-for gain", "The firm is working on a plan that would help it win the bid.", "goal"),
    ("plain consequence", "The new port will bring four hundred jobs to the town.", "consequence"),
    ("penalty faced", "The former mayor faces up to ten years in prison for the fraud.", "risk"),
    ("fine", "The port operator could be fined up to four million dollars.", "cost"),
    (
        "concession",
        "The mayor will sell the ferry even if the council votes against it.",
        "consequence",
    ),
]


def test_stakes_at_most_seven(make_brief: MakeBrief) -> None:
    assert len(make_brief(MANY_STAKES).stakes) == MAX_STAKES == 7


def test_stakes_most_likely_first(make_brief: MakeBrief, nlp: Language) -> None:
    # The second look (cues and sentence vectors) orders what the brief shows.
    second_look = load_vector_model()
    brief = make_brief(MANY_STAKES)
    candidates = stake_candidates_of(MANY_STAKES, nlp)
    vectors = with_vectors(candidates, MANY_STAKES)
    features = dict(zip((c.start for c in candidates), vectors, strict=True))
    odds = [second_look.probability(features[s.start]) for s in brief.stakes]
    assert odds == sorted(odds, reverse=True)


def test_stakes_come_from_the_cue_shortlist(make_brief: MakeBrief, nlp: Language) -> None:
    cues = load_stake_model()
    candidates = stake_candidates_of(MANY_STAKES, nlp)
    assert len(candidates) > SHORTLIST  # so that the shortlist leaves some out
    kept = {s.start for s in make_brief(MANY_STAKES).stakes}
    shortlist = sorted(candidates, key=lambda c: -cues.probability(c.features))[:SHORTLIST]
    assert kept <= {c.start for c in shortlist}


def test_stakes_are_whole_sentences_of_article(make_brief: MakeBrief) -> None:
    brief = make_brief(MANY_STAKES)
    sentences = {s.rstrip(".") for s in MANY_STAKES.removeprefix(OPENING).split(". ")}
    assert all(s.text.rstrip(".") in sentences for s in brief.stakes)


def test_stakes_have_known_kinds(make_brief: MakeBrief) -> None:
    assert {s.kind for s in make_brief(MANY_STAKES).stakes} <= set(STAKE_KINDS)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [case[1:] for case in KIND_CASES],
    ids=[case[0] for case in KIND_CASES],
)
def test_stake_kind(make_brief: MakeBrief, nlp: Language, sentence: str, kind: str) -> None:
    text = OPENING + sentence
    candidates = stake_candidates_of(text, nlp)
    assert [(text[c.start : c.end], c.kind) for c in candidates] == [(sentence, kind)]
    assert all(s.kind == kind for s in make_brief(text).stakes)


def test_clear_stakes_are_shown(make_brief: MakeBrief) -> None:
    # Whether one is kept depends on the learned threshold; nearly all must be.
    shown = [case[0] for case in KIND_CASES if make_brief(OPENING + case[1]).stakes]
    assert len(shown) >= len(KIND_CASES) - 2, shown


def test_stake_actor_is_subject(make_brief: MakeBrief) -> None:
    stakes = make_brief(OPENING + KIND_CASES[0][1]).stakes
    assert [s.actor for s in stakes] == ["Ivan Petrov"]


def test_stake_in_quote_is_quoted_words_of_speaker(make_brief: MakeBrief) -> None:
    brief = make_brief(OPENING + '"If the buyer backs out, we lose everything," said Felix Amsel.')
    assert [(s.text, s.actor) for s in brief.stakes] == [
        ("If the buyer backs out, we lose everything", "Felix Amsel")
    ]


def test_no_stakes_without_stake_phrases(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The board met on Monday at the old headquarters by the river and voted on nothing."
    )
    assert brief.stakes == ()


def test_stake_that_closes_a_quote_keeps_its_opening_mark(nlp: Language) -> None:
    quote = (
        '"The wobble is too large for a moon that could be solid," said lead author Ana '
        "Velasquez, a planetary scientist at the university, on Tuesday afternoon."
    )
    text = OPENING + quote
    spans = [text[c.start : c.end] for c in stake_candidates_of(text, nlp) if c.start > 0]
    assert spans
    assert all(s.count('"') % 2 == 0 for s in spans)


def test_stake_that_ends_a_quote_begun_earlier_is_its_quoted_words(nlp: Language) -> None:
    text = (
        OPENING + '"The river is the most dangerous place we know. Every child who swims there '
        'is at risk of drowning," Ana Velasquez said at a news conference in the capital.'
    )
    spans = [text[c.start : c.end] for c in stake_candidates_of(text, nlp)]
    assert "Every child who swims there is at risk of drowning" in spans


def test_stake_and_lede_leave_out_the_dateline(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Port strike halts exports\n\nHARBOUR CITY, March 3 (Wire) - Dockworkers walked off "
        "the job on Monday after wage talks collapsed, threatening supply chains across the "
        "region. The union said the strike could last weeks and would cost exporters millions."
    )
    assert brief.summary[0].startswith("Dockworkers walked off")
    assert brief.stakes
    assert not any(s.text.startswith("HARBOUR CITY") for s in brief.stakes)


def test_a_stake_the_parser_cut_at_a_names_exclamation_is_shown_whole(
    make_brief: MakeBrief,
) -> None:
    text = (
        OPENING
        + "Maya Lind launched Girls Code Now! as a charity in 2010 to help girls learn to code. "
        + "The charity wants to open ten more clubs next year."
    )
    shown = [s.text for s in make_brief(text).stakes if "as a charity" in s.text]
    assert shown == [
        "Maya Lind launched Girls Code Now! as a charity in 2010 to help girls learn to code."
    ]


def test_stake_and_lede_keep_the_closing_mark_of_their_quote(make_brief: MakeBrief) -> None:
    # The parser makes a straight closing mark at a paragraph's end a sentence of its own.
    brief = make_brief(
        "Senator blocks farm bill\n\n"
        "Sen. Ann Lee on Wednesday blocked a vote on the farm bill, saying the cuts would "
        '"devastate family farms across the Plains."\n\n'
        "The bill needs 60 votes to advance. If the Senate fails to act, food aid for two "
        "million families could lapse when the law expires."
    )
    assert brief.summary[0].endswith('Plains."')
    for stake in brief.stakes:
        assert stake.text.count('"') % 2 == 0, stake.text


def test_a_stake_in_a_quotes_second_half_is_shown_from_its_first(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Airline strike\n\nCabin crew at Skyvale Airways began a 72-hour strike on Friday.\n\n"
        "Chief executive Andrew Halloway said the airline had gone as far as it could. "
        '"We respect the right to strike," he said, "but we will not sign up to a deal that '
        "weakens this airline's future and puts a thousand jobs at risk.\"\n"
    )
    shown = [s.text for s in brief.stakes if "weakens this airline" in s.text]
    assert shown
    assert shown[0].lstrip('“"').startswith("We respect the right to strike")
    assert all(brief.article.text[s.start : s.end] == s.text for s in brief.stakes)


def test_kept_stakes_are_the_seven_likeliest_above_the_threshold() -> None:
    odds = [0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.45, 0.42, 0.2]
    assert kept_stakes(odds, [0.5] * len(odds), 0.4) == list(range(MAX_STAKES))


def test_kept_stakes_fill_up_to_three_from_what_the_cues_find_likely() -> None:
    # One passes the threshold; of the rest, the cue model finds the second and fourth likely.
    assert MIN_STAKES == 3
    assert kept_stakes([0.6, 0.2, 0.15, 0.1], [0.5, 0.4, 0.1, 0.35], 0.35) == [0, 1, 3]


def test_kept_stakes_fill_nothing_the_cues_find_unlikely() -> None:
    assert kept_stakes([0.2, 0.1], [0.1, 0.05], 0.35) == []


REUNION = (
    "The Harlan Brothers are getting back on the road. The rock band said on Monday it would "
    "play 40 cities next summer, its first tour with all four founding members in nearly "
    "twenty years. Harlan said the group hoped to release a new album before the tour begins. "
    "The reunion could earn the band more than all of its tours of the past decade combined, "
    "according to Felix Brandt, an analyst at music research firm Soundmetric."
)


def test_a_story_far_from_politics_still_shows_its_stated_stakes(make_brief: MakeBrief) -> None:
    texts = [s.text for s in make_brief(REUNION).stakes]
    assert any("could earn the band" in t for t in texts)
    assert any("hoped to release a new album" in t for t in texts)
