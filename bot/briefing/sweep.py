"""The state of the attribution sweep: each quote's draft and what the sweep remembers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from bot.briefing.mentions import ActorDraft, Mention
from bot.briefing.quotemarks import MarkedSpan
from bot.briefing.salience import Salience

__all__ = ["QuoteDraft", "Sweep"]


@dataclass(slots=True)
class QuoteDraft:
    """A quoted span with what is known of its speaker."""

    span: MarkedSpan
    first: int  # first token of the quote
    last: int  # token after the quote
    actor: int | None = None
    speaker: str | None = None  # shown when no actor is known ("a campaign spokesman")
    verb: str | None = None
    channel: str | None = None
    how: str = "none"  # verb, according, colon, dash, split, continued, announced, last
    side: str = ""
    lead: str = ""  # unquoted words before the quote in its sentence
    kind: str | None = None  # direct, partial, or None for a scare quote or a title
    source: int | None = None  # token the cue names as the speaker
    spoken: bool = False  # the cue (or the quote this one continues) has a speech verb
    named: bool = False  # not speech: a term, a title or a handle the cue's verb names


@dataclass(slots=True)
class Sweep:
    """What the left-to-right attribution sweep knows at the current paragraph."""

    doc: Doc
    quoted: list[bool]
    actors: list[ActorDraft]
    salience: Salience
    by_token: dict[int, Mention]
    last: QuoteDraft | None = None
    last_paragraph: int = -10
    announced: QuoteDraft | None = None  # a cue that ended its paragraph with a colon
    # (actor, paragraph): a quote-less paragraph's subject
    introduced: tuple[int, int] | None = None
    other: QuoteDraft | None = None  # the last quote of a different speaker than `last`
