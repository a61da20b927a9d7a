"""Rank actors by how much the article is about them and keep those worth listing."""

from __future__ import annotations

from bot.briefing.mentions import ActorDraft
from bot.briefing.model import Actor

__all__ = ["rank_actors"]


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
    if actor.quote_count or actor.statement_count:
        return True
    if actor.kind == "person":
        return True
    return actor.mentions >= 2


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
