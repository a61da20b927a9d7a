"""Rank actors by how much the article is about them and keep those worth listing."""

from __future__ import annotations

from bot.briefing.agency import AGENT, OBJECT, REPORT
from bot.briefing.mentions import ActorDraft
from bot.briefing.model import Actor

__all__ = ["rank_actors"]

_OUTLET_TOPIC = 3  # name mentions that make an outlet the subject of the story


def _salience(actor: ActorDraft) -> float:
    return actor.mentions + 3 * actor.quote_count - actor.first_token / 5000


def rank_actors(actors: list[ActorDraft], limit: int = 12) -> tuple[list[Actor], dict[int, str]]:
    """Rank actors by salience, keep the top ones, and map draft indexes to actor ids."""
    order = sorted(range(len(actors)), key=lambda i: -_salience(actors[i]))
    kept = [i for i in order if _worth_listing(actors[i])][:limit]
    ids = {i: f"a{n + 1}" for n, i in enumerate(kept)}
    # Speakers stay addressable even when they fall outside the listed actors.
    for i in order:
        if i not in ids and (actors[i].quote_count or actors[i].statement_count):
            ids[i] = f"a{len(ids) + 1}"
            kept.append(i)
    result = [_to_actor(actors[i], ids[i]) for i in kept]
    return result, ids


def _worth_listing(actor: ActorDraft) -> bool:
    """People are listed; places, organizations and groups only when they act or speak."""
    if actor.kind == "person":
        return True
    fn = actor.functions
    named = sum(n for f, n in fn.items() if not f.startswith("quoted-"))
    acts, reports = fn.get(AGENT, 0), fn.get(REPORT, 0)
    if actor.kind == "group":
        # "Americans", "Mexicans": a people is an actor only when the article gives it a voice.
        return actor.quote_count > 0 or actor.statement_count > 0
    if actor.kind == "place":
        # "in Ohio" is a setting; "Ohio sued the agency" makes the state an actor.
        return actor.quote_count > 0 or (acts >= 1 and named >= 2)
    if reports and acts + fn.get(OBJECT, 0) <= reports and not actor.quote_count:
        # An outlet that only reports ("told CNN", "according to the Post") is a source of
        # the story, not one of its actors, unless the story is about it.
        return named >= _OUTLET_TOPIC
    if actor.quote_count or actor.statement_count:
        return True
    return acts >= 1 or actor.mentions >= 2


def _to_actor(draft: ActorDraft, actor_id: str) -> Actor:
    aliases = tuple(sorted(f for f in draft.forms if f != draft.name))
    return Actor(
        id=actor_id,
        name=draft.name,
        kind=draft.kind,
        role=draft.role,
        aliases=aliases,
        mentions=draft.mentions,
        quote_count=draft.quote_count,
    )
