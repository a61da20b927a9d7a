"""The mentions pass: every mention of an actor, in text order, merged into actors.

Names come from the tagger's entities (`mentions`), then the names it missed (`untagged`),
then bodies named by what they are (`bodymentions`), then pronouns and role nouns.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.briefing.actorindex import ActorIndex
from bot.briefing.bodymentions import (
    body_mentions,
    panels_named_nearby,
    state_agent_mentions,
    state_government,
)
from bot.briefing.credits import credit_tokens
from bot.briefing.mentions import name_mentions, pronoun_and_role_mentions
from bot.briefing.salience import body_head
from bot.briefing.untagged import (
    companies_named_by_first_word,
    missed_surnames,
    missed_team_names,
    surnames_tagged_as_bodies,
    untagged_bodies,
    untagged_people,
)

__all__ = ["find_mentions"]

# Head nouns of bodies' names that in lower case mostly mean a place or a thing ("the
# house", "the street"), not the body named "White House" or "Wall Street"; and nouns
# so general that "the group" or "the company" is whichever the article last described so.
_NOT_BODY_BACK_REFERENCES = frozenset(
    "house street avenue plaza tower towers building square station center centre hotel "
    "airport stadium arena river lake bay island county city valley mountain bridge park "
    "state states nation nations world times post news journal "
    "group company firm organization organisation corporation body unit division branch "
    "affiliate subsidiary outlet site website team".split()
)


def find_mentions(doc: Doc, quoted: list[bool]) -> None:
    """Write doc._.brief_mentions (in text order) and doc._.brief_actors."""
    index = ActorIndex()
    credits = credit_tokens(doc)
    names = name_mentions(doc, index, credits)
    taken = credits | {i for m in names for i in range(m.start, m.end)}
    names += untagged_people(doc, index, taken, quoted)
    surnames_tagged_as_bodies(names, index)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += missed_surnames(doc, index, taken)
    companies_named_by_first_word(names, index)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += missed_team_names(doc, index, taken)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += untagged_bodies(doc, index, taken, quoted)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += state_agent_mentions(doc, index, taken)
    taken |= {i for m in names for i in range(m.start, m.end)}
    owners = {i: m.actor for m in names if m.actor is not None for i in range(m.start, m.end)}
    bodies = body_mentions(doc, index, owners, taken, quoted)
    panels_named_nearby(bodies, names, index)
    names += bodies
    taken |= {i for m in names for i in range(m.start, m.end)}
    heads = _named_body_heads(index)
    mentions = names + pronoun_and_role_mentions(doc, quoted, taken, heads)
    mentions.sort(key=lambda m: m.start)
    for actor in index.actors:
        actor.mentions = 0
    for m in mentions:
        if m.actor is not None:
            index.actors[m.actor].mentions += 1
            index.actors[m.actor].state |= state_government(doc, m)
    doc._.brief_mentions = mentions
    doc._.brief_actors = index.actors


def _named_body_heads(index: ActorIndex) -> frozenset[str]:
    """Head nouns of bodies named in two words or more ("union" of "Riverside Nurses Union")."""
    heads = {
        body_head(a.name)
        for a in index.actors
        if a.kind == "organization" and len(a.name.split()) > 1
    }
    return frozenset(h for h in heads if h.isalpha() and h not in _NOT_BODY_BACK_REFERENCES)
