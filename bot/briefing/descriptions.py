"""Roles from definite descriptions: "The Vermont senator aimed to win ..." after "Sanders".

News writing names a person, then refers to them by what they are: "the former secretary
of state", "the frontrunner", "the senator from Texas". Such a description, opening the
sentence after one centred on a person, refers to that person and tells their role. It is
used only when the article gives the person no title or apposition of their own, or only an
abbreviated title that the description spells out ("Sen." -> "the Florida senator").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.briefing.lexicon import BODY_NOUNS, COURTESY_TITLES, TITLE_WORDS
from bot.briefing.mentions import ActorDraft, Mention
from bot.briefing.role_phrases import names_a_role
from bot.briefing.roles import words_text
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


def _description_head(tok: Token, quoted: list[bool], taken: set[int]) -> bool:
    """A singular role noun with "the", not a title before a name ("the writer X")."""
    if quoted[tok.i] or tok.i in taken or tok.tag_ not in ("NN", "NNP"):
        return False
    if not names_a_role(tok) or tok.lemma_.lower() in _GENERIC:
        return False
    if tok.lemma_.lower() in BODY_NOUNS:
        return False  # "the campaign" is a body, not a person's role
    # The subject of a main clause continues the last sentence's centre; elsewhere a
    # description is as likely to introduce someone new.
    opens = tok.dep_ == "ROOT" and tok.left_edge.i == tok.sent.start  # "The X senator aimed"
    if not opens and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT"):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.ent_type_ != "PERSON"


def _phrase(head: Token) -> list[Token]:
    out: list[Token] = []

    def walk(tok: Token) -> None:
        for child in tok.lefts:
            if child.dep_ not in _DROP and not (tok.i == head.i and child.dep_ == "det"):
                walk(child)
        out.append(tok)
        for child in tok.rights:
            if child.dep_ not in _DROP:
                walk(child)

    walk(head)
    return out


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
    return [a for a in named if a is not None] if len(named) == 1 else []


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


def describe_actors(doc: Doc, quoted: list[bool]) -> None:
    """Give people the role a definite description of them states, where they have none."""
    actors: list[ActorDraft] = doc._.brief_actors
    mentions: list[Mention] = doc._.brief_mentions
    by_start = {m.start: m for m in mentions}
    taken = {i for m in mentions if m.kind == "name" for i in range(m.start, m.end)}
    found: dict[int, list[Token]] = {}
    previous: Span | None = None
    for sent in doc.sents:
        heads = [t for t in sent if _description_head(t, quoted, taken)]
        if previous is not None and heads:
            here = {
                m.actor for t in sent if (m := by_start.get(t.i)) is not None and m.kind == "name"
            }
            # Someone named again in this sentence is not the one it describes.
            centres = [a for a in _centres(previous, by_start, actors, quoted) if a not in here]
            for tok in heads:
                actor_i = _referent(actors, centres, tok, found)
                words = _phrase(tok)
                if actor_i is not None and len(words) <= _MAX_WORDS:
                    found[actor_i] = words
        previous = sent
    for actor_i, words in found.items():
        actors[actor_i].role = words_text(words)


def _referent(
    actors: list[ActorDraft], centres: list[int], head: Token, found: dict[int, list[Token]]
) -> int | None:
    """The first person of the last sentence whom the description fits."""
    for actor_i in centres:
        actor = actors[actor_i]
        if actor_i in found or not _compatible(actor, head):
            continue
        if actor.role is not None and not _improves(actor, _phrase(head)):
            continue
        return actor_i
    return None
