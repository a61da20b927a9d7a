"""Roles from definite descriptions: "The Vermont senator aimed to win ..." after "Sanders".

News writing names a person, then refers to them by what they are: "the former secretary
of state", "the frontrunner", "the senator from Texas". Such a description, opening the
sentence after one centred on a person, refers to that person and tells their role.
Elsewhere ("voters tired of the Texas senator", "the billionaire's side") a description
with a noun for an office or standing refers to the person named last before it, unless
that person is the subject of a clause around it or named again after it, or someone
already holds that title ("the governor" after "Gov. X"). It is used only when the article
gives the person no title or apposition of their own, or only an abbreviated title that the
description spells out ("Sen." -> "the Florida senator").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.briefing.lexicon import BODY_NOUNS, COURTESY_TITLES, ROLE_NOUNS, TITLE_WORDS
from bot.briefing.mentions import ActorDraft, Mention
from bot.briefing.role_phrases import names_a_role
from bot.briefing.roles import role_text
from bot.briefing.salience import clause_weight

__all__ = ["describe_actors"]

_MAX_WORDS = 14
_DROP = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})
_MAIN_SUBJECT = 130.0  # clause_weight of the subject of a main clause
_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
}
_GENERIC = frozenset({"man", "woman", "person", "guy", "gentleman", "lady", "other"})
_SAME_AS = {"representative": {"congressman", "congresswoman"}}
# How a description found its person: the centre of the last sentence beats the last name.
_CENTRE, _LAST_NAMED = 0, 1
# Where else a description may stand: any clause's subject, an object, a possessor.
_OTHER_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})


def _description_head(tok: Token, quoted: list[bool], taken: set[int]) -> bool:
    """A singular role noun with "the", not a title before a name ("the writer X")."""
    if quoted[tok.i] or tok.i in taken or tok.tag_ not in ("NN", "NNP"):
        return False
    if not names_a_role(tok) or tok.lemma_.lower() in _GENERIC:
        return False
    if tok.lemma_.lower() in BODY_NOUNS:
        return False  # "the campaign" is a body, not a person's role
    # The subject of a main clause continues the last sentence's centre. Elsewhere ("for
    # the Texas senator", "the billionaire's side") only a noun for an office or a standing
    # is a description: "the list", "the scanner" name things.
    if not _main(tok) and (tok.dep_ not in _OTHER_PLACES or tok.lemma_.lower() not in ROLE_NOUNS):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.ent_type_ != "PERSON"


def _main(tok: Token) -> bool:
    """A description that opens its sentence or is the subject of its main clause."""
    opens = tok.dep_ == "ROOT" and tok.left_edge.i == tok.sent.start  # "The X senator aimed"
    return opens or (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT")


def _phrase(head: Token) -> list[Token]:
    out: list[Token] = []

    def walk(tok: Token) -> None:
        for child in tok.lefts:
            if child.dep_ not in _DROP and not (tok.i == head.i and child.dep_ == "det"):
                walk(child)
        out.append(tok)
        for child in tok.rights:
            if child.dep_ not in _DROP and (tok.i != head.i or _states_role(child)):
                walk(child)

    walk(head)
    return out


def _states_role(child: Token) -> bool:
    """Tell whether a word after a description's noun belongs to its role.

    "of state", "from Texas", "for president" do; the possessive ending and "in the race"
    (where they are) do not.
    """
    if child.dep_ == "case":
        return False
    if child.dep_ == "prep" and any(
        g.dep_ == "poss" and g.pos_ == "PRON" for c in child.children for g in c.children
    ):
        return False  # "depriving the first female president of her ability"
    return child.dep_ != "prep" or child.lower_ in ("of", "from", "for")


def _centres(
    sent: Span, by_start: dict[int, Mention], actors: list[ActorDraft], quoted: list[bool]
) -> list[int]:
    """The person a sentence is about: its main subject, or the one person it names."""
    people = [
        m
        for t in sent
        if (m := by_start.get(t.i)) is not None
        and m.actor is not None
        and m.kind != "role"
        and not quoted[t.i]
        and actors[m.actor].kind == "person"
    ]
    named = {m.actor for m in people}
    subjects = [m.actor for m in people if clause_weight(sent.doc[m.end - 1]) >= _MAIN_SUBJECT]
    if subjects:
        return [a for a in subjects if a is not None][:1]
    if any(_paired(sent.doc[m.end - 1]) for m in people):
        return []  # "Donald and Ivana Trump filed ...": the next sentence may be about either
    return [a for a in named if a is not None] if len(named) == 1 else []


def _paired(root: Token) -> bool:
    """Tell whether a name is joined to another person's by "and" or "or"."""
    head = root.head if root.dep_ == "conj" else None
    joined = [c for c in root.children if c.dep_ == "conj"] + ([head] if head else [])
    return any(t.ent_type_ == "PERSON" for t in joined)


def _compatible(actor: ActorDraft, head: Token) -> bool:
    """A description must not contradict the titles the article gives a person."""
    noun = head.lemma_.lower()
    titles = {
        _ABBREVIATIONS.get(w.lower(), w.lower())
        for t in actor.titles
        for w in t.split()
        if w.lower() in TITLE_WORDS and w.lower() not in COURTESY_TITLES
    }
    titles -= {"former", "state", "u.s.", "us", "federal", "national", "house", "senate"}
    if not titles or noun not in TITLE_WORDS:
        return True
    return noun in titles or bool(_SAME_AS.get(noun, set()) & titles)


def _improves(actor: ActorDraft, words: list[Token]) -> bool:
    """Use a description when the actor has no role, or only an abbreviated title."""
    if actor.role is None:
        return True
    role = actor.role.lower().split()
    spelled = {_ABBREVIATIONS.get(w, w) for w in role if w in _ABBREVIATIONS}
    said = {w.lemma_.lower() for w in words}
    return bool(spelled) and bool(spelled & said) and len(words) > len(role)


@dataclass(slots=True)
class _Describing:
    """What the descriptions pass reads and what it has found so far."""

    doc: Doc
    quoted: list[bool]
    actors: list[ActorDraft]
    by_start: dict[int, Mention]
    taken: set[int]  # tokens of names
    people: set[int]  # tokens of people's names
    found: dict[int, tuple[int, list[Token]]] = field(default_factory=dict)  # actor -> rank, words
    described: dict[int, int] = field(default_factory=dict)  # description head -> actor


def describe_actors(doc: Doc, quoted: list[bool]) -> dict[int, int]:
    """Give people the role a definite description of them states, where they have none.

    Return who each description refers to (its head token -> actor), so that "the actor
    said" speaks for the person it describes.
    """
    mentions: list[Mention] = doc._.brief_mentions
    names = [m for m in mentions if m.kind == "name"]
    reading = _Describing(
        doc,
        quoted,
        doc._.brief_actors,
        {m.start: m for m in mentions},
        {i for m in names for i in range(m.start, m.end)},
        {i for m in names if m.label == "person" for i in range(m.start, m.end)},
    )
    previous: Span | None = None  # the sentence just before
    spoken: Span | None = None  # the last one with words: not a mark split off on its own
    for sent in doc.sents:
        heads = [t for t in sent if _description_head(t, quoted, reading.taken)]
        if heads:
            # The last named person may stand before a quote mark the parser split off as a
            # sentence; the centre must be the sentence just before: a quote's speaker after
            # such a mark is as often someone new ("''...,'' the former president told").
            _describe_in(sent, heads, previous or sent, spoken or sent, reading)
        previous = sent
        if any(t.is_alpha for t in sent):
            spoken = sent
    for actor_i, (_rank, words) in reading.found.items():
        reading.actors[actor_i].role = role_text(words)
    return reading.described


def _describe_in(
    sent: Span, heads: list[Token], previous: Span, before: Span, reading: _Describing
) -> None:
    """Tie each description in a sentence to the person it describes, if any."""
    by_start, actors = reading.by_start, reading.actors
    here = {m.actor for t in sent if (m := by_start.get(t.i)) is not None and m.kind == "name"}
    # Someone named again in this sentence is not the one it describes. The article's
    # first sentence has no centre before it, but may name the person earlier in it:
    # "Gov. X, who chairs Y's team, defended the nominee's remarks".
    centres = [a for a in _centres(previous, by_start, actors, reading.quoted) if a not in here]
    for tok in heads:
        actor_i, rank = _described(tok, sent, centres, before, reading)
        words = _phrase(tok)
        if any(w.i in reading.people for w in words):
            continue  # "Bill Clinton the last Democrat": a name, not a role
        if actor_i is not None and len(words) <= _MAX_WORDS:
            reading.found[actor_i] = (rank, words)
            if rank == _CENTRE:  # the sentence before is about them: safe to say so
                reading.described[tok.i] = actor_i


def _described(
    tok: Token, sent: Span, centres: list[int], before: Span, reading: _Describing
) -> tuple[int | None, int]:
    """The actor a description refers to, and how it was found (centre or last named)."""
    actors, found = reading.actors, reading.found
    # "The governor first named her ..." after a sentence about a judge, in an
    # article with "Gov. X": the one who holds the title, not the centre.
    main = centres if _main(tok) and not _titled_elsewhere(actors, centres, tok) else []
    actor_i = _referent(actors, main, tok, found, _CENTRE)
    if actor_i is not None:
        return actor_i, _CENTRE
    last = _last_named(reading.doc, before.start, tok.i, reading.by_start, actors, reading.quoted)
    if _held_by(actors, last, tok) or _titled_elsewhere(actors, last, tok):
        return None, _LAST_NAMED
    # Named again after it ("... said X") is someone else; a pronoun after
    # it ("the senator, as she tours") is the one described.
    later = {
        m.actor
        for i in range(tok.i, sent.end)
        if (m := reading.by_start.get(i)) is not None and m.kind != "pronoun"
    }
    later |= _clause_subjects(tok, reading.by_start)
    candidates = [a for a in last if a not in later]
    # "the governor" after "Gov. X met Y" is X, who has that role.
    return _referent(actors, candidates, tok, found, _LAST_NAMED), _LAST_NAMED


def _last_named(
    doc: Doc,
    start: int,
    end: int,
    by_start: dict[int, Mention],
    actors: list[ActorDraft],
    quoted: list[bool],
) -> list[int]:
    """The people named before a description, in its sentence or the one before, last first.

    "Trump questioned Cruz's temper, saying the Texas senator could not ...": the last
    name before the description is the one it most often refers to; one who has a role
    already is passed over for the name before.
    """
    named: list[int] = []
    for i in range(end - 1, start - 1, -1):
        m = by_start.get(i)
        if m is None or m.kind != "name" or m.actor is None or quoted[i]:
            continue
        if doc[m.end - 1].dep_ == "compound":
            continue  # "Sanders buttons" names a thing, not someone the text speaks of
        if actors[m.actor].kind == "person" and m.actor not in named:
            if not named and _paired(doc[m.end - 1]):
                return []  # "... for Donald and Ivana Trump. The nominee ...": either one
            named.append(m.actor)
    return named


def _clause_subjects(tok: Token, by_start: dict[int, Mention]) -> set[int | None]:
    """The subjects of the clauses a description sits in: someone else than the one described.

    "X called the senator ...", "X opposes a bill that lets the governor ...".
    """
    subjects = [
        c
        for verb in tok.ancestors
        if verb.pos_ in ("VERB", "AUX")
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i
    ]
    return {
        m.actor
        for c in subjects
        for t in _own_words(c)
        if (m := by_start.get(t.i)) is not None and m.kind == "name"
    }


def _own_words(head: Token) -> list[Token]:
    """A subject without its relative clauses: "Gov. X" of "Gov. X, who chairs Y's team"."""
    out = [head]
    for child in head.children:
        if child.dep_ != "relcl":
            out.extend(_own_words(child))
    return out


def _titled_elsewhere(actors: list[ActorDraft], centres: list[int], head: Token) -> bool:
    """Tell whether a bare description ("the governor") is the title someone else has.

    A modifier may tell the centre from the holder ("the Florida senator" beside "Sen. X").
    """
    if any(c.dep_ not in ("det", "case") for c in head.children):
        return False  # "the governor's party" is bare too
    others = [i for i, a in enumerate(actors) if i not in centres and a.kind == "person"]
    return _held_by(actors, others, head)


def _held_by(actors: list[ActorDraft], people: list[int], head: Token) -> bool:
    """Tell whether one of these people holds the description's noun as a title or role."""
    noun = head.lemma_.lower()
    for actor in (actors[i] for i in people):
        said = [w for t in actor.titles for w in t.split()] + (actor.role or "").split()
        if noun in {_ABBREVIATIONS.get(w.lower(), w.lower().rstrip(".,")) for w in said}:
            return True
    return False


def _referent(
    actors: list[ActorDraft],
    centres: list[int],
    head: Token,
    found: dict[int, tuple[int, list[Token]]],
    rank: int,
) -> int | None:
    """The first candidate whom the description fits and who has no better one yet."""
    for actor_i in centres:
        actor = actors[actor_i]
        if (actor_i in found and found[actor_i][0] <= rank) or not _compatible(actor, head):
            continue
        if actor.role is not None and not _improves(actor, _phrase(head)):
            continue
        return actor_i
    return None
