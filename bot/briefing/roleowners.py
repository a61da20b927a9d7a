"""Whose a role is: "his adviser" -> "adviser to X", "an analyst at the firm" -> the company.

A role found beside a name may point at another actor: a possessive ("his adviser", "its
chief executive"), or a body named again by its noun ("a lawyer for the coalition"). Once
every role is found, these are written out with the owner's name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import ORG_NOUNS
from bot.briefing.mentions import ActorDraft, Mention, paragraph_of
from bot.briefing.roles import RoleDraft, role_text
from bot.briefing.salience import body_head

__all__ = ["finish_roles"]

# Family: "wife of X" (an adviser is "adviser to X").
_KIN = frozenset(
    "wife husband son daughter mother father brother sister child widow widower spouse "
    "partner fiancee fiance grandson granddaughter grandmother grandfather nephew niece "
    "cousin uncle aunt stepson stepdaughter stepfather stepmother".split()
)
_FIRM_NOUNS = frozenset({"firm", "company"})  # what the company last named is called again


def finish_roles(doc: Doc, roles: list[RoleDraft]) -> None:
    """Name the owner of a possessed role ("his adviser" -> "adviser to X")."""
    actors: list[ActorDraft] = doc._.brief_actors
    by_token = {m.start: m for m in doc._.brief_mentions}
    for draft in roles:
        if draft.possessor is None:
            if (body := _body_meant(doc, draft.words)) is not None:
                name = _with_the(actors[body].name)
                actors[draft.actor].role = f"{role_text(draft.words[:-2])} {name}"
            elif (body := _owning_body(draft, by_token, actors)) is not None:
                name = _with_the(actors[body].name)
                actors[draft.actor].role = f"{role_text(draft.words[2:])} of {name}"
            continue
        owner = by_token.get(draft.possessor)
        owner_actor = (
            owner.actor if owner is not None else _last_organization(doc, draft.possessor)
        )
        base = role_text(draft.words)
        if owner_actor is not None and owner_actor != draft.actor:
            kin = draft.words[-1].lemma_.lower() in _KIN
            owner_name = actors[owner_actor].name
            # "adviser to X", but "wife of X" and "label of X" (a body's role)
            personal = actors[draft.actor].kind == "person" and not kin
            link = "to" if actors[owner_actor].kind == "person" and personal else "of"
            if link == "of" and _takes_the(owner_name):
                link = "of the"  # "president of the Bay Fishermen's Association"
            actors[draft.actor].role = f"{base} {link} {owner_name}"
    for actor in actors:
        if actor.role and _restates_name(actor.role, actor.name):
            actor.role = None  # "Cedar Falls school board — Cedar Falls school" says nothing


def _restates_name(role: str, name: str) -> bool:
    """Tell whether every word of a role is a word of the actor's own name."""
    named = {w.lower() for w in re.findall(r"[\w’'-]+", name)}
    said = [w.lower() for w in re.findall(r"[\w’'-]+", role)]
    return bool(said) and all(w in named for w in said)


def _with_the(name: str) -> str:
    """A body's name as a role names it: "the Fishermen's Association", "Acme"."""
    return f"the {name}" if _takes_the(name) else name


def _takes_the(name: str) -> bool:
    """A body's name read with "the": "the Fishermen's Association", "the Acme Party"."""
    words = name.split()
    generic = len(words) > 1 and words[-1].lower() in ORG_NOUNS
    saints = words[0].rstrip(".") in ("St", "Saint")  # "St Brendan's University Hospital"
    return generic and words[0].lower() != "the" and not saints


def _body_meant(doc: Doc, words: list[Token]) -> int | None:
    """The body a role's last words stand for: "lawyer for the coalition", "analyst at the firm".

    "The coalition" is the last organization named before it whose name ends in
    "Coalition"; "the firm" or "the company" is the one organization named before it in
    the same paragraph (with two, it could be either).
    """
    if len(words) < 3 or words[-2].lower_ != "the" or words[-1].tag_ != "NN":
        return None
    noun, start = words[-1].lower_, words[0].i
    actors: list[ActorDraft] = doc._.brief_actors
    paragraph = paragraph_of(doc, words[0].idx)
    nearby: set[int] = set()
    for m in reversed(doc._.brief_mentions):
        if m.start >= start or m.actor is None or actors[m.actor].kind != "organization":
            continue
        if actors[m.actor].name.split()[-1].lower() == noun:
            return int(m.actor)
        if m.paragraph == paragraph:
            nearby.add(int(m.actor))
    return nearby.pop() if noun in _FIRM_NOUNS and len(nearby) == 1 else None


def _owning_body(
    draft: RoleDraft, by_token: dict[int, Mention], actors: list[ActorDraft]
) -> int | None:
    """The body "the union's" names in "the union's national officer", if the article named it."""
    words = draft.words
    if len(words) < 3 or words[0].pos_ != "NOUN" or words[1].tag_ != "POS":
        return None
    owner = by_token.get(words[0].i)
    if owner is None or owner.kind != "role" or owner.actor in (None, draft.actor):
        return None
    # Only the one body of its kind the article names: with two courts, "the court's" is
    # either.
    noun = words[0].lemma_.lower()
    same_kind = [a for a in actors if a.kind == "organization" and body_head(a.name) == noun]
    return int(owner.actor) if same_kind == [actors[owner.actor]] else None


def _last_organization(doc: Doc, before: int) -> int | None:
    """What "its" refers to: the organization or group named last before it."""
    if doc[before].lower_ not in ("its", "their"):
        return None
    for m in reversed(doc._.brief_mentions):
        if m.start < before and m.actor is not None and m.label in ("organization", "group"):
            return int(m.actor)
    return None
