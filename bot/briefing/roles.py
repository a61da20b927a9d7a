"""Give actors their roles: the title or description the article gives each person.

Roles come from the parse around a person's name: an apposition ("X, head of Y"), a noun
the name is in apposition to ("His adviser, X" -> adviser to the person "his" refers to),
title words before the name ("Ukrainian President X"), and "X of ORG".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import COURTESY_TITLES, ROLE_NOUNS, TITLE_WORDS
from bot.briefing.mentions import ActorDraft, Mention

__all__ = ["RoleDraft", "find_roles", "finish_roles", "names_a_role", "words_text"]

_MAX_ROLE_WORDS = 12
_DROP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})
_LEADING_DETS = frozenset({"a", "an", "the"})
_QUOTE_CHARS = set('“”"‘’«»')
# Nouns for people that are not job titles, and endings of nouns for people who do things.
_PERSON_NOUNS = frozenset(
    "head member chief partner friend wife husband son daughter mother father brother sister "
    "colleague ally rival critic supporter backer donor fan resident native citizen student "
    "veteran graduate protege mentor confidant confidante deputy heir widow survivor victim "
    "owner boss staffer aide envoy delegate nominee candidate".split()
)
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eur", "ee", "man", "woman", "person")
_POSSESSIVES = frozenset({"his", "her", "their", "its"})


@dataclass(slots=True)
class RoleDraft:
    """A role found for an actor, waiting for a possessive pronoun to be resolved."""

    actor: int
    priority: int  # lower is better: apposition 0, possessed noun 1, title 2, "of ORG" 3
    words: list[Token]
    possessor: int | None = None  # token index of "his"/"her" in "his adviser"


def _phrase(head: Token, keep_right: bool = True) -> list[Token]:
    """The tokens of a role noun phrase: modifiers and "of ..." but no clauses."""
    out: list[Token] = []

    def walk(tok: Token, right: bool) -> None:
        for child in tok.lefts:
            if child.dep_ not in _DROP_DEPS:
                walk(child, True)
        out.append(tok)
        if right:
            for child in tok.rights:
                if child.dep_ not in _DROP_DEPS:
                    walk(child, True)

    # keep_right=False drops what follows the head only, not "'s" inside a modifier.
    walk(head, keep_right)
    return out


def _clean(words: list[Token]) -> list[Token]:
    words = [w for w in words if not (w.is_punct and w.text not in ".-&")]
    while words and (words[0].lower_ in _LEADING_DETS or words[0].is_punct):
        words = words[1:]
    quoted = any(set(w.text) & _QUOTE_CHARS and w.dep_ != "case" for w in words)
    if not words or len(words) > _MAX_ROLE_WORDS or quoted:
        return []
    return words


def _appos_role(root: Token) -> list[Token]:
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and names_a_role(child):
            return _clean(_phrase(child))
    return []


def names_a_role(noun: Token) -> bool:
    """Tell whether a noun can say what a person is ("head", "adviser"), not "death"."""
    word = noun.lemma_.lower()
    return word in ROLE_NOUNS or word in _PERSON_NOUNS or word.endswith(_AGENT_ENDINGS)


def _possessed_role(root: Token, name_start: int) -> tuple[list[Token], int | None]:
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i >= name_start:
        return [], None
    words = _clean(_phrase(head, keep_right=False))
    owner = next(
        (c.i for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None
    )
    return [w for w in words if w.i != owner], owner


def _title_role(doc: Doc, name_start: int, root: Token) -> list[Token]:
    words: list[Token] = []
    i = name_start - 1
    while i >= 0 and (
        doc[i].head.i in {root.i, *range(i + 1, name_start + 1)} or _glued_hyphen(doc, i)
    ):
        if doc[i].is_punct and not _glued_hyphen(doc, i):
            break
        if doc[i].pos_ in ("DET", "ADP", "PRON", "VERB", "AUX"):
            break
        words.insert(0, doc[i])
        i -= 1
    words = [w for w in words if w.lower_ not in COURTESY_TITLES]
    if words and all(w.lower_ in TITLE_WORDS and w.lower_ in {"former", "late"} for w in words):
        return []
    # "the unexpectedly close presidential election between X and Y" is not a title.
    if words and not (words[-1].lower_ in TITLE_WORDS or names_a_role(words[-1])):
        return []
    return _clean(words)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a word ("front-runner"), or the word part before it."""
    tok = doc[i]
    if tok.text == "-":
        return not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_


def _of_role(root: Token) -> list[Token]:
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("ORG", "GPE", "NORP"):
                return _clean(_phrase(obj))
    return []


def _roles_of(doc: Doc, m: Mention) -> list[RoleDraft]:
    root = doc[m.end - 1]
    found = []
    if appos := _appos_role(root):
        found.append(RoleDraft(m.actor or 0, 0, appos))
    possessed, owner = _possessed_role(root, m.start)
    if possessed:
        found.append(RoleDraft(m.actor or 0, 1, possessed, owner))
    title, of_org = _title_role(doc, m.start, root), _of_role(root)
    if title or of_org:
        found.append(RoleDraft(m.actor or 0, 2 if title else 3, title + of_org))
    return found


def find_roles(doc: Doc) -> list[RoleDraft]:
    """Find role phrases for every person; set the best one on each actor for now."""
    actors: list[ActorDraft] = doc._.brief_actors
    drafts = []
    for m in doc._.brief_mentions:
        if m.kind == "name" and m.label == "person" and m.actor is not None:
            drafts.extend(_roles_of(doc, m))
    best: dict[int, RoleDraft] = {}
    for draft in drafts:
        if draft.actor not in best or draft.priority < best[draft.actor].priority:
            best[draft.actor] = draft
    for actor_i, draft in best.items():
        actors[actor_i].role = words_text(draft.words)
    return list(best.values())


def words_text(words: list[Token]) -> str:
    """Join tokens as the article spells them: no space where the article has none."""
    out = ""
    for n, tok in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else None
        out += tok.text
        if nxt is not None and (nxt.i != tok.i + 1 or tok.whitespace_):
            out += " "
    return out


def finish_roles(doc: Doc, roles: list[RoleDraft]) -> None:
    """Name the owner of a possessed role ("his adviser" -> "adviser to X")."""
    actors: list[ActorDraft] = doc._.brief_actors
    by_token = {m.start: m for m in doc._.brief_mentions}
    for draft in roles:
        if draft.possessor is None:
            continue
        owner = by_token.get(draft.possessor)
        owner_actor = (
            owner.actor if owner is not None else _last_organization(doc, draft.possessor)
        )
        base = words_text(draft.words)
        if owner_actor is not None and owner_actor != draft.actor:
            link = "to" if actors[owner_actor].kind == "person" else "of"
            actors[draft.actor].role = f"{base} {link} {actors[owner_actor].name}"


def _last_organization(doc: Doc, before: int) -> int | None:
    """What "its" refers to: the organization or group named last before it."""
    if doc[before].lower_ not in ("its", "their"):
        return None
    for m in reversed(doc._.brief_mentions):
        if m.start < before and m.actor is not None and m.label in ("organization", "group"):
            return int(m.actor)
    return None
