"""Give actors their roles: the title or description the article gives each one.

Roles come from the parse around a name (`titles`, `appositions`), best first: a title or office
before the name ("former Secretary of State X"), an apposition that says what the actor
is ("X, the panel's ranking Democrat", "X, director of Y"), a bare abbreviated title
("Rep. X"), a noun the name is in apposition to ("An attorney for Y, X"; "His adviser, X"
-> adviser to the person "his" refers to), an indefinite apposition ("X, a Trump
supporter") and what a clause says someone is ("X is the mayor of Y"). An office beats
any other description. Who employs someone ("X of Avenue Capital") says where they work,
not what they are: it is no role.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bot.briefing.appositions import (
    affiliation,
    apposition,
    dash_apposition,
    head_noun,
    place_in_apposition,
    predicate,
)
from bot.briefing.demonyms import people_adjective
from bot.briefing.lexicon import ORG_NOUNS, PARTY_MEMBERS, ROLE_NOUNS, TITLE_WORDS, name_gender
from bot.briefing.mentions import ActorDraft, Mention
from bot.briefing.namelists import first_of_list
from bot.briefing.role_phrases import (
    ABBREVIATED_TITLE,
    AFFILIATION,
    DEFINITE_APPOSITION,
    DESCRIPTOR_TITLE,
    HEAD_NOUN,
    TITLE,
    TITLE_LINKS,
    named_the,
    names_a_role,
    plural,
)
from bot.briefing.titles import title_role

__all__ = ["RoleDraft", "find_roles", "names_a_role", "role_text", "words_text"]

# Honours and degrees: as a title alone they say less than the office an apposition names.
_HONORIFICS = frozenset(
    {"professor", "prof", "prof.", "dr", "dr.", "sir", "dame", "reverend", "chief"}
)
# Words for a political leaning: as a title alone they say less than any apposition.
_LEANINGS = frozenset(
    "nationalist populist progressive conservative liberal socialist libertarian "
    "moderate centrist".split()
)

# Owners that are people: "his wife, X" is a person even when the tagger reads a body.
_PEOPLES = frozenset({"his", "her", "their", "my", "our"})

# People a body employs: "the chief executive of X" makes X a body, not a person.
_EMPLOYED = frozenset(
    "executive ceo spokesman spokeswoman spokesperson employee founder cofounder co-founder "
    "chairman chairwoman president director officer manager engineer analyst economist "
    "lawyer counsel staffer worker owner".split()
)


@dataclass(slots=True)
class RoleDraft:
    """A role found for an actor, waiting for a possessive pronoun to be resolved."""

    actor: int
    priority: int  # one of the constants of role_phrases, lower is better
    words: list[Token]
    possessor: int | None = None  # token index of "his"/"her" in "his adviser"


def _repair_kind(
    doc: Doc, m: Mention, actor: ActorDraft, own: list[RoleDraft]
) -> list[RoleDraft] | None:
    """Correct a kind the tagger got wrong from what the article calls the actor.

    Returns the mention's roles, or None when the name turned out to be a place's.
    """
    kind = actor.kind
    unnamed = kind == "place" or (kind == "person" and actor.first is None)
    if unnamed and kind == "person" and place_in_apposition(doc[m.end - 1]):
        actor.kind = "place"  # "Vela, the largest moon of ...": a place, with no role
        return None
    if not own and unnamed:
        # "a super PAC called Future45", "Ansar al-Sharia, the group that ...": what the
        # article calls it shows the tagger took a body for a person or a place. Never
        # for someone with a first name, nor from a title ("Labor Department X"); a
        # place's apposition is too often the next phrase ("in Louisiana, a newspaper").
        allowed = [HEAD_NOUN] if kind == "place" else [HEAD_NOUN, DEFINITE_APPOSITION]
        if m.start > 0 and named_the(doc[m.start - 1]):
            allowed.append(TITLE)  # "rock band The Lanterns": the name's own "The" shows a body
        own = [d for d in _roles_of(doc, m, "organization") if d.priority in allowed]
        if own or (kind == "person" and _employer(doc[m.end - 1])):
            actor.kind = "organization"
    elif not own and kind == "person" and _unknown_first_name(actor) and _employer(doc[m.end - 1]):
        actor.kind = "organization"  # "the chief executive of Corveth Bridgeworks"
    if own and unnamed and kind == "person" and any(_body_noun_role(d.words) for d in own):
        actor.kind = "organization"  # "The German carmaker Autowerk said"
    if not own and kind == "organization" and (kin := _kin_named(doc, m)):
        actor.kind = "person"  # "his wife, Kimberly" with the first name tagged as a body
        return kin
    return own


def _body_noun_role(words: list[Token]) -> bool:
    """A role whose head noun names a body ("German carmaker", "a research firm")."""
    inside = {w.i for w in words}
    heads = [w for w in words if w.head.i not in inside or w.head.i == w.i]
    return len(heads) == 1 and heads[0].tag_ == "NN" and heads[0].lower_ in ORG_NOUNS


def _roles_of(
    doc: Doc, m: Mention, kind: str, bodies: dict[int, tuple[int, int]] | None = None
) -> list[RoleDraft]:
    """The role phrases of one mention; `bodies` (from `_bodies`) gives affiliations whole."""
    root = doc[m.end - 1]
    actor = m.actor or 0
    found = []
    if appos := apposition(root, kind) or dash_apposition(root, kind) or _list_apposition(root):
        found.append(RoleDraft(actor, appos[1], appos[0]))
    if title := title_role(doc, m.start, root, kind):
        # "Rep. X" says less than an apposition; "Nationalist X" says only a leaning.
        leaning = all(
            w.ent_type_ == "NORP"
            or w.lemma_.lower() in PARTY_MEMBERS | _LEANINGS
            or people_adjective(w)  # "Canadian X": where they are from, not what they do
            for w in title
        )
        rank = TITLE
        if leaning or (len(title) == 1 and title[0].lower_ in _HONORIFICS):
            # "The university's vice-chancellor, Professor X": the office says more.
            rank = DESCRIPTOR_TITLE
        elif title[-1].text.endswith("."):
            rank = ABBREVIATED_TITLE
        found.append(RoleDraft(actor, rank, title))
    noun, owner = head_noun(root, m.start, kind)
    if noun:
        found.append(RoleDraft(actor, HEAD_NOUN, noun, owner))
    if not found and (said := predicate(root, kind)):
        found.append(RoleDraft(actor, said[1], said[0]))
    if not found and kind == "person" and (institution := affiliation(root, bodies or {})):
        found.append(RoleDraft(actor, AFFILIATION, institution))
    return found


def _list_apposition(root: Token) -> tuple[list[Token], int] | None:
    """The plural apposition a list of people shares ("X and Y, both professors at Z")."""
    for mate in root.conjuncts:
        found = apposition(mate, "person")
        if found and any(w.dep_ == "appos" and plural(w) for w in found[0]):
            return found
    return None


def _shared_roles(doc: Doc, m: Mention, by_token: dict[int, list[RoleDraft]]) -> list[RoleDraft]:
    """Share a list's title with its members ("Senators X and Y", "two developers, X and Y")."""
    root = next(
        (t for t in doc[m.start : m.end] if not m.start <= t.head.i < m.end), doc[m.end - 1]
    )  # "Lucille Roybal-Allard": the list holds "Roybal"
    first = first_of_list(root)
    if first.i == root.i:
        return []
    shared = [
        d
        for d in by_token.get(first.i, [])
        if d.priority in (TITLE, ABBREVIATED_TITLE, HEAD_NOUN) and plural(d.words[-1])
    ]
    return [RoleDraft(m.actor or 0, d.priority, d.words, d.possessor) for d in shared]


def _kin_named(doc: Doc, m: Mention) -> list[RoleDraft]:
    """A one-word name after someone's person noun ("his wife, Kimberly"): that role."""
    if m.end - m.start != 1:
        return []
    drafts = [d for d in _roles_of(doc, m, "person") if d.priority == HEAD_NOUN]
    return [d for d in drafts if d.possessor is not None and doc[d.possessor].lower_ in _PEOPLES]


def _unknown_first_name(actor: ActorDraft) -> bool:
    """A "person" whose first word is no given name we know: a body the tagger misread."""
    return actor.first is not None and name_gender(actor.first) is None


def _employer(root: Token) -> bool:
    """Tell whether a name employs someone ("the chief executive of X"): a body, then."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "for", "at") or prep.dep_ != "prep":
        return False
    holder = prep.head
    return holder.pos_ == "NOUN" and holder.lemma_.lower() in _EMPLOYED


def _shared_surnames(actors: list[ActorDraft]) -> set[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for actor in actors:
        if actor.kind == "person" and actor.last:
            last = actor.last.lower()
            (shared if last in seen else seen).add(last)
    return shared


def _bodies(doc: Doc) -> dict[int, tuple[int, int]]:
    """Each token of an organization's name -> the name's bounds."""
    return {
        i: (m.start, m.end)
        for m in doc._.brief_mentions
        # not "the Sanders campaign", whose mention is its noun alone
        if m.kind == "name" and m.label == "organization" and m.text.startswith(doc[m.start].text)
        for i in range(m.start, m.end)
    }


def find_roles(doc: Doc) -> list[RoleDraft]:
    """Find role phrases for every actor; set the best one on each actor for now."""
    actors: list[ActorDraft] = doc._.brief_actors
    drafts: list[RoleDraft] = []
    by_token: dict[int, list[RoleDraft]] = {}
    shared_surnames = _shared_surnames(actors)
    bodies = _bodies(doc)
    for m in doc._.brief_mentions:
        if m.kind != "name" or m.actor is None:
            continue
        if m.end - m.start == 1 and doc[m.start].lower_ in shared_surnames:
            continue  # "President Clinton" when the article has two Clintons
        kind = actors[m.actor].kind
        own = _roles_of(doc, m, kind, bodies) if kind in ("person", "organization") else []
        repaired = _repair_kind(doc, m, actors[m.actor], own)
        if repaired is None:
            continue
        own = repaired
        by_token[m.end - 1] = own
        drafts.extend(own or _shared_roles(doc, m, by_token))
    best: dict[int, RoleDraft] = {}
    for draft in drafts:
        if draft.actor not in best or _rank(draft) < _rank(best[draft.actor]):
            best[draft.actor] = draft
    for actor_i, draft in best.items():
        actors[actor_i].role = _one_persons(draft.words)
    return list(best.values())


def _rank(draft: RoleDraft) -> tuple[int, int]:
    """Order roles: an office or title ("senator") first, then by where the role came from."""
    heads = [w for w in draft.words if w.head.i not in {x.i for x in draft.words}]
    head = heads[0] if heads else draft.words[-1]
    words = {head.lower_, head.lemma_.lower(), head.lower_.rstrip("s"), head.lower_.rstrip(".")}
    # "Professor X, a seismologist at Y": an honorific says less than the apposition.
    honorific = len(draft.words) == 1 and draft.words[0].lower_ in _HONORIFICS
    office = bool(words & TITLE_WORDS or words & ROLE_NOUNS) and not honorific
    return 0 if office else 1, draft.priority


def _one_persons(words: list[Token]) -> str:
    """A role as one member of a list holds it: "Senators X and Y" -> "Senator"."""
    text = role_text(words)
    n = _plural_head(words)
    if n is None:
        return text
    word = words[n]
    acronym = word.text[:-1].isupper()  # "super PACs", "CEOs"
    singular = word.lemma_ if word.tag_ == "NNS" and not acronym else word.text[:-1]
    if word.text[:1].isupper() and not acronym:
        singular = singular[:1].upper() + singular[1:]
    upto = role_text(words[: n + 1])
    return upto[: len(upto) - len(word.text)] + singular + text[len(upto) :]


def _plural_head(words: list[Token]) -> int | None:
    """Where the plural noun a list's role is headed by stands, if it has one."""
    inside = {w.i for w in words}
    for n, w in enumerate(words[:-1]):
        # "both professors at the university": the plural comes before its "at"
        if (
            w.tag_ == "NNS"
            and w.is_lower
            and w.head.i not in inside
            and words[n + 1].dep_ == "prep"
        ):
            return n
    last = words[-1]
    if last.tag_ not in ("NNS", "NNPS") or last.text.endswith(".") or not last.text.endswith("s"):
        return None
    if last.head.i != last.i and last.head.i in inside:
        return None  # "lawyer for the news outlets": the plural is not the role's head
    if any(w.lower_ in TITLE_LINKS for w in words[1:]):
        return None  # "Secretary for Political Affairs": the plural follows the head
    return len(words) - 1


def role_text(words: list[Token]) -> str:
    """A role as the article spells it, but a sentence's opening capital lowered."""
    text = words_text(words)
    if words and _capital_of_its_place(words[0]):
        return words[0].lower_ + text[len(words[0].text) :]
    return text


def words_text(words: list[Token]) -> str:
    """Join tokens as the article spells them: no space where the article has none."""
    out = ""
    for n, tok in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else None
        out += tok.text
        if nxt is None:
            continue
        if _glued_hyphens(tok, nxt):
            out += tok.doc[tok.i + 1 : nxt.i].text  # "take-a-back-seat", not "take a back-seat"
        elif nxt.i != tok.i + 1 or tok.whitespace_:
            out += " "
    return out


def _capital_of_its_place(tok: Token) -> bool:
    """A common word capitalised only because it opens a sentence ("Streaming service X")."""
    return (
        bool(tok.is_sent_start)
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        # "Star Jonas Whitfield", "Striker X": a role noun the tagger took into the name
        and ((tok.tag_ not in ("NNP", "NNPS") and not tok.ent_type_) or tok.lower_ in ROLE_NOUNS)
        and tok.lower_ not in TITLE_WORDS
        # "City head coach X" where the article writes "City" mid-sentence: the club's name.
        and not any(
            t.text == tok.text and t.i > t.sent.start and not tok.doc[t.i - 1].is_punct
            for t in tok.doc
        )
    )


def _glued_hyphens(tok: Token, nxt: Token) -> bool:
    """Tell whether only hyphens, with no space around them, stand between two words."""
    gap = tok.doc[tok.i + 1 : nxt.i]
    return (
        len(gap) > 0
        and not tok.whitespace_
        and all(t.text == "-" and not t.whitespace_ for t in gap)
    )
