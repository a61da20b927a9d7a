"""Hand-built briefs for tests that do not need the engine."""

from __future__ import annotations

from bot.briefing.model import Actor, Article, Brief, Quote, Stake

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
