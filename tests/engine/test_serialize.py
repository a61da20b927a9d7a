"""Brief <-> JSON: schema `briefbot/brief/1`, every field of the issue's schema, lossless."""

from __future__ import annotations

import dataclasses
import json

import pytest

from bot.briefing.model import SCHEMA, Article, Brief, Quote
from bot.briefing.serialize import brief_from_dict, brief_to_dict
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import Said, hand_brief
from tests.helpers.texts import SAMPLE_ARTICLE

ARTICLE_KEYS = {
    "url",
    "title",
    "site",
    "byline",
    "published",
    "language",
    "text",
    "word_count",
    "complete",
    "warnings",
}
ACTOR_KEYS = {"id", "name", "kind", "role", "aliases", "mentions", "quote_count"}
QUOTE_KEYS = {"text", "speaker", "speaker_id", "start", "end", "kind", "verb", "channel"}
STAKE_KEYS = {"text", "start", "end", "actor", "kind"}
TOP_KEYS = {"schema", "article", "summary", "actors", "quotes", "statements", "stakes", "topics"}

TEXT = (
    'Ana Ruiz spoke on Monday. "We will win," she said. Ruiz says the port will stay open. '
    "If we lose, the port closes."
)


def _full_brief() -> Brief:
    """A hand-built brief with every field set to something other than its default."""
    brief = hand_brief(
        TEXT,
        quotes=[Said("We will win,", "Ana Ruiz")],
        stakes=[("If we lose, the port closes.", "condition")],
        actors=[("Ana Ruiz", "harbour master")],
        summary=["Ana Ruiz spoke on Monday."],
    )
    start = TEXT.index("Ruiz says")
    statement_text = "Ruiz says the port will stay open."
    statement = Quote(
        statement_text,
        start,
        start + len(statement_text),
        "Ana Ruiz",
        "a1",
        "reported",
        "says",
        "a radio interview",
    )
    article = Article(
        text=TEXT,
        title="Port vote",
        url="https://news.example/port",
        site="news.example",
        byline="A. Writer",
        published="2024-05-01",
        language="en",
        complete=False,
        warnings=("The page was cut short.",),
    )
    actor = dataclasses.replace(brief.actors[0], aliases=("Ruiz",), mentions=2, quote_count=1)
    stake = dataclasses.replace(brief.stakes[0], actor="Ana Ruiz")
    return dataclasses.replace(
        brief,
        article=article,
        actors=(actor,),
        statements=(statement,),
        stakes=(stake,),
        topics=("port", "vote"),
    )


def test_brief_to_dict_names_schema() -> None:
    assert brief_to_dict(_full_brief())["schema"] == SCHEMA == "briefbot/brief/1"


def test_brief_to_dict_has_every_top_level_field() -> None:
    assert set(brief_to_dict(_full_brief())) == TOP_KEYS


def test_brief_to_dict_has_every_article_field() -> None:
    assert set(brief_to_dict(_full_brief())["article"]) == ARTICLE_KEYS


@pytest.mark.parametrize(("section", "keys"), [("actors", ACTOR_KEYS), ("stakes", STAKE_KEYS)])
def test_brief_to_dict_has_every_item_field(section: str, keys: set[str]) -> None:
    assert [set(item) for item in brief_to_dict(_full_brief())[section]] == [keys]


@pytest.mark.parametrize("section", ["quotes", "statements"])
def test_brief_to_dict_gives_quotes_and_statements_same_shape(section: str) -> None:
    assert [set(item) for item in brief_to_dict(_full_brief())[section]] == [QUOTE_KEYS]


def test_brief_to_dict_counts_words() -> None:
    assert brief_to_dict(_full_brief())["article"]["word_count"] == len(TEXT.split())


def test_brief_to_dict_is_json() -> None:
    data = brief_to_dict(_full_brief())
    assert json.loads(json.dumps(data)) == data


def test_brief_from_dict_round_trips_hand_built_brief() -> None:
    brief = _full_brief()
    assert brief_from_dict(brief_to_dict(brief)) == brief


def test_brief_from_dict_round_trips_through_json_text() -> None:
    brief = _full_brief()
    assert brief_from_dict(json.loads(json.dumps(brief_to_dict(brief)))) == brief


def test_brief_from_dict_round_trips_minimal_brief() -> None:
    brief = Brief(Article("Just the text of an article."))
    assert brief_from_dict(brief_to_dict(brief)) == brief


def test_brief_from_dict_round_trips_engine_brief(make_brief: MakeBrief) -> None:
    brief = make_brief(SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    assert brief_from_dict(brief_to_dict(brief)) == brief


def test_brief_to_dict_of_engine_brief_has_every_field(make_brief: MakeBrief) -> None:
    data = brief_to_dict(make_brief(SAMPLE_ARTICLE.read_text(encoding="utf-8")))
    assert set(data) == TOP_KEYS
    assert set(data["article"]) == ARTICLE_KEYS
    assert all(set(a) == ACTOR_KEYS for a in data["actors"])
    assert all(set(q) == QUOTE_KEYS for q in data["quotes"] + data["statements"])
    assert all(set(s) == STAKE_KEYS for s in data["stakes"])
