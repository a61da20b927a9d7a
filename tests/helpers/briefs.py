"""Helpers for the engine tests: hand-built briefs, the verbatim check, and look-ups by words.

Nothing here loads the model; `tests/engine/conftest.py` binds the session model to
`build_brief` and calls `assert_verbatim` on every brief it builds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.briefing.model import Actor, Article, Brief, Quote, Stake, check_brief

SPEECH = "We will rebuild the bridge by spring"
ARTICLE_TEXT = (
    f'Mayor Ann Lee said on Monday: "{SPEECH}." The council must approve the budget first.\n\n'
    "Engineers warned that delays could raise costs."
)


def make_brief(
    url: str | None = "https://news.example/bridge", title: str = "Bridge to reopen"
) -> Brief:
    """A small, verbatim-correct brief: one actor, one quote, one stake."""
    start = ARTICLE_TEXT.index(SPEECH)
    stake_text = "delays could raise costs"
    stake_start = ARTICLE_TEXT.index(stake_text)
    return Brief(
        article=Article(text=ARTICLE_TEXT, title=title, url=url, site="news.example"),
        summary=("The mayor promised to rebuild the bridge by spring.",),
        actors=(Actor(id="a1", name="Ann Lee", kind="person", role="Mayor", quote_count=1),),
        quotes=(Quote(SPEECH, start, start + len(SPEECH), "Ann Lee", "a1", "direct", "said"),),
        stakes=(Stake(stake_text, stake_start, stake_start + len(stake_text), "risk", None),),
        topics=("bridge",),
    )


def spans_of(brief: Brief) -> list[Quote | Stake]:
    """Every span of a brief that must be verbatim: quotes, statements and stakes."""
    return [*brief.quotes, *brief.statements, *brief.stakes]


def assert_verbatim(brief: Brief) -> None:
    """Fail unless every quote, statement and stake is exactly the article text at its offsets."""
    assert check_brief(brief) == []
    text = brief.article.text
    for span in spans_of(brief):
        assert text[span.start : span.end] == span.text, span


def quote_with(brief: Brief, words: str) -> Quote:
    """The one quote whose text contains these words."""
    found = [q for q in brief.quotes if words in q.text]
    assert len(found) == 1, f"{len(found)} quotes hold {words!r}: {brief.quotes}"
    return found[0]


def statement_with(brief: Brief, words: str) -> Quote:
    """The one statement (reported speech) whose text contains these words."""
    found = [q for q in brief.statements if words in q.text]
    assert len(found) == 1, f"{len(found)} statements hold {words!r}: {brief.statements}"
    return found[0]


def actor_named(brief: Brief, name: str) -> Actor:
    """The one actor with this name."""
    found = [a for a in brief.actors if a.name == name]
    assert len(found) == 1, f"{len(found)} actors named {name!r}: {brief.actors}"
    return found[0]


@dataclass(frozen=True, slots=True)
class Said:
    """A quote to place in a hand-built brief: its words, speaker and kind."""

    text: str
    speaker: str | None = None
    kind: str = "direct"


def _actor_id(name: str, names: list[str]) -> str:
    return f"a{names.index(name) + 1}"


def hand_brief(
    text: str,
    quotes: Sequence[Said] = (),
    stakes: Iterable[tuple[str, str]] = (),
    actors: Iterable[tuple[str, str | None]] = (),
    title: str | None = "A hand-built brief",
    summary: Sequence[str] = (),
) -> Brief:
    """Build a brief without the model; every span is found in `text` by its words.

    Args:
        text: the article text.
        quotes: quotes in article order; each is located after the previous one.
        stakes: (words, kind) pairs.
        actors: (name, role) pairs; speakers not listed become actors without a role.
        title: the article title.
        summary: summary sentences.
    """
    roles = dict(actors)
    for said in quotes:
        if said.speaker:
            roles.setdefault(said.speaker, None)
    names = list(roles)
    built_quotes = []
    at = 0
    for said in quotes:
        start = text.index(said.text, at)
        at = start + len(said.text)
        built_quotes.append(
            Quote(
                text=said.text,
                start=start,
                end=at,
                speaker=said.speaker,
                speaker_id=_actor_id(said.speaker, names) if said.speaker else None,
                kind=said.kind,
                verb="said" if said.speaker else None,
            )
        )
    built_stakes = []
    for words, kind in stakes:
        start = text.index(words)
        built_stakes.append(Stake(words, start, start + len(words), kind))
    return Brief(
        article=Article(text=text, title=title),
        summary=tuple(summary),
        actors=tuple(
            Actor(id=_actor_id(name, names), name=name, kind="person", role=role)
            for name, role in roles.items()
        ),
        quotes=tuple(built_quotes),
        stakes=tuple(built_stakes),
    )
