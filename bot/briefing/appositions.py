"""Roles from the phrases around a name: appositions, head nouns, predicates, affiliations.

"X, the panel's ranking Democrat", "X — a former aide —", "an attorney for Y, X",
"X is chairman of Y", "said X of the Carnegie Endowment": each finder reads the parse
around one name and returns the words of its role, with where the role came from.
"""

from __future__ import annotations

from spacy.tokens import Token

from bot.briefing.lexicon import SPEECH_VERBS, TITLE_WORDS, name_gender
from bot.briefing.namelists import plural_for_one
from bot.briefing.role_phrases import (
    DEFINITE_APPOSITION,
    INDEFINITE_APPOSITION,
    MAX_ROLE_WORDS,
    NOT_DESCRIPTIONS,
    PLACE_NOUNS,
    PREDICATE,
    QUOTE_CHARS,
    clean,
    describes,
    in_quote,
    indefinite,
    named_the,
    names_a_role,
    phrase_words,
    says_what,
)

__all__ = [
    "affiliation",
    "apposition",
    "dash_apposition",
    "head_noun",
    "place_in_apposition",
    "predicate",
]

# The longest "runs a haulage firm in Kessa" shown as a role.
_MAX_RUNS_WORDS = 8


_POSSESSIVES = frozenset({"his", "her", "their", "its"})


_NAMING_VERBS = frozenset({"call", "name", "dub", "know"})


_SERVING_VERBS = frozenset({"serve", "act", "work"})


# "X, who runs a haulage firm": a verb of running a body says what a person is.
_RUNNING_VERBS = frozenset({"run", "own", "lead", "head", "chair", "manage", "direct"})


_TENSE_AUX = frozenset({"has", "have", "had", "is", "was", "'s", "’s", "been", "being"})


_GENERIC_PEOPLE = frozenset({"man", "woman", "person", "guy", "leader", "candidate", "one"})


def apposition(root: Token, kind: str) -> tuple[list[Token], int] | None:
    """Find the apposition that says what an actor is ("X, the Y of Z")."""
    candidates = [c for c in root.rights if c.dep_ == "appos"]
    # "Rep. X of Maryland, the panel's ranking Democrat": the parser hangs it on the place.
    for prep in (c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"):
            candidates += [c for c in obj.rights if c.dep_ == "appos"]
    for child in candidates:
        if child.text == "-" or _hyphened_on(child):
            continue  # "co" of "co-founder" split off by the parser: the word ends later
        if child.pos_ not in ("NOUN", "PROPN") or child.ent_type_ == "PERSON" or in_quote(child):
            continue  # 'her husband, Bill, the "comeback kid"': a quoted label is no role
        if child.pos_ == "PROPN" and any(name_gender(c.text) for c in child.lefts):
            continue  # "Deven Parekh, Orin Kramer, ...": a list of names, not a role
        if not (says_what(child, kind) or describes(child, root, kind)):
            continue
        if plural_for_one(child, root):
            continue
        if not any(t.is_punct for t in root.doc[root.i + 1 : child.left_edge.i + 1]):
            continue  # "X of the Save the Rivers campaign": a misparse, no comma or dash
        # "the agency that oversees the program": a bare kind of body needs its clause.
        clauses = kind != "person" and not any(c.dep_ in ("amod", "compound") for c in child.lefts)
        phrase = phrase_words(child, clauses)
        words = clean([w for w in _hyphen_prefix(child) if w not in phrase] + phrase)
        if words:
            rank = INDEFINITE_APPOSITION if indefinite(child) else DEFINITE_APPOSITION
            return words + _body_after_comma(child, kind), rank
    return None


def dash_apposition(root: Token, kind: str) -> tuple[list[Token], int] | None:
    """A person's role set off by dashes: "X — Ivy League-trained surgeon and TV star — said"."""
    doc = root.doc
    start = root.i + 1
    if kind != "person" or start >= len(doc) or not _spaced_dash(doc[start]):
        return None
    stop = min(root.sent.end, start + MAX_ROLE_WORDS + 2)
    end = next((i for i in range(start + 1, stop) if _spaced_dash(doc[i])), None)
    if end is None:
        return None
    words = list(doc[start + 1 : end])
    # Only a noun phrase: no clause ("X — who had resigned — said"), no other person.
    clause = any(
        (w.pos_ in ("AUX", "VERB") and w.tag_ not in ("VBN", "VBG"))
        or w.ent_type_ == "PERSON"
        or w.text in ";:()"
        or set(w.text) & QUOTE_CHARS
        for w in words
    )
    if clause or not any(_person_noun(w) for w in words):
        return None
    role = clean(words)
    if not role:
        return None
    rank = INDEFINITE_APPOSITION if words[0].lower_ in ("a", "an") else DEFINITE_APPOSITION
    return role, rank


def _person_noun(noun: Token) -> bool:
    """A common noun that can say what a person is: "adviser", "surgeon", not "death"."""
    if noun.pos_ != "NOUN":
        return False
    common = noun.tag_ == "NN" and noun.text.islower() and noun.is_alpha
    return names_a_role(noun) or (common and noun.lemma_.lower() not in NOT_DESCRIPTIONS)


def _spaced_dash(tok: Token) -> bool:
    """A dash between words, not a hyphen inside one."""
    if tok.text in ("—", "–", "--"):
        return True
    return (
        tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.nbor(-1).whitespace_)
    )


def _body_after_comma(role: Token, kind: str) -> list[Token]:
    """The body a title names after its comma ("X, Director, Acme Securities"), with it."""
    if kind != "person":
        return []
    doc = role.doc
    # The parser hangs the body on the title as an apposition or, as often, a conjunct.
    for body in (c for c in role.rights if c.dep_ in ("appos", "conj") and c.ent_type_ == "ORG"):
        words = [t for t in body.subtree if t.ent_type_ == "ORG"]
        if words and words[0].i == role.i + 2 and doc[role.i + 1].text == ",":
            return [doc[role.i + 1], *words]
    return []


def place_in_apposition(root: Token) -> bool:
    """A name in apposition to a place's noun: "Vela, the largest moon of Y"."""
    nouns = [c for c in root.rights if c.dep_ == "appos" and c.pos_ == "NOUN"]
    return any(c.lemma_.lower() in PLACE_NOUNS for c in nouns)


def _hyphened_on(tok: Token) -> bool:
    """Tell whether a word is glued by a hyphen to the next ("co" of "co-founder")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.text == "-" and not tok.whitespace_ and not nxt.whitespace_


def _hyphen_prefix(tok: Token) -> list[Token]:
    """The parts glued by hyphens before a word ("co", "-" of "co-founder")."""
    doc = tok.doc
    start = tok.i
    while start >= 2 and _hyphened_on(doc[start - 2]):
        start -= 2
    return list(doc[start : tok.i])


def head_noun(root: Token, name_start: int, kind: str) -> tuple[list[Token], int | None]:
    """The noun a name stands in apposition to: "An attorney for Y, X", "His adviser, X"."""
    head = root.head
    named = False  # "a cleric named X": the noun the name is given to says what X is
    if (
        root.dep_ == "appos"
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        # "High Commissioner for Refugees, Ann Lee": a plural is not one person's role.
        and (not says_what(head, kind) or plural_for_one(head, root))
    ):
        head = head.head.head  # "An attorney for Pagliano, Mark MacDougall"
    elif root.dep_ in ("oprd", "attr", "dobj") and head.lemma_.lower() in _NAMING_VERBS:
        named = head.dep_ == "acl" and root.dep_ == "oprd"
        head = head.head if head.dep_ == "acl" else head  # "a super PAC called Future45"
    elif root.dep_ != "appos":
        return [], None
    if in_quote(root) or any(c.dep_ == "det" and not named_the(c) for c in root.children):
        return [], None  # 'called the senator "the next George Washington"': a comparison
    if head.pos_ not in ("NOUN", "PROPN") or head.i >= name_start:
        return [], None
    if not (says_what(head, kind) or (named and _given_a_name(head, kind))):
        return [], None
    if plural_for_one(head, root):
        return [], None
    cut = {t.i for t in root.subtree}
    words = clean([w for w in phrase_words(head) if w.i not in cut])
    owner = next(
        (c.i for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None
    )
    return [w for w in words if w.i != owner], owner


def _given_a_name(noun: Token, kind: str) -> bool:
    """A common noun for one person that a name is given to ("a cleric named X")."""
    word = noun.lemma_.lower()
    return (
        kind == "person"
        and noun.pos_ == "NOUN"
        and noun.tag_ == "NN"
        and noun.text.islower()
        and word not in _GENERIC_PEOPLE
        and word not in NOT_DESCRIPTIONS
        and indefinite(noun)  # "the letter called Oz a quack" names no one
    )


def predicate(root: Token, kind: str) -> tuple[list[Token], int] | None:
    """What a clause says a name is: "X is the Y", "X, who is Y", "X served as Y"."""
    verbs = [c for c in root.children if c.dep_ == "relcl"]  # "X, who is chairman of Y"
    if root.dep_ in ("nsubj", "nsubjpass"):
        verbs.insert(0, root.head)
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if any(c.dep_ in ("aux", "neg") and c.lower_ not in _TENSE_AUX for c in verb.children):
            continue  # "X will be the nominee", "X is not the chairman"
        nouns = [c for c in verb.children if c.dep_ == "attr"] if lemma == "be" else []
        if lemma in _SERVING_VERBS:
            nouns = [o for p in verb.children if p.lower_ == "as" for o in p.children]
        for noun in nouns:
            if _position(noun, kind) and not plural_for_one(noun, root):
                words = clean(phrase_words(noun))
                if words:
                    return words, PREDICATE
        if verb.dep_ == "relcl" and (runs := _runs_a_body(verb, kind)):
            return runs, PREDICATE
    return None


def _runs_a_body(verb: Token, kind: str) -> list[Token]:
    """What "X, who runs a haulage firm" says X does: the verb and the body it runs."""
    if kind != "person" or verb.lemma_.lower() not in _RUNNING_VERBS or verb.tag_ != "VBZ":
        return []  # the present only: "who founded it in 1990" tells a past, not a role
    for body in (c for c in verb.children if c.dep_ == "dobj"):
        if says_what(body, "organization") and not in_quote(body):
            # "a haulage firm in the border town of Kessa": where it is is not the role
            where = {
                t.i
                for p in body.rights
                if p.dep_ == "prep" and p.lower_ != "of"
                for t in p.subtree
            }
            words = clean([verb, *(t for t in phrase_words(body) if t.i not in where)])
            return words if len(words) <= _MAX_RUNS_WORDS else []
    return []


def _position(noun: Token, kind: str) -> bool:
    """A predicate noun that names a position ("chairman of X"), not an opinion ("a good man")."""
    if noun.dep_ not in ("attr", "pobj") or noun.pos_ != "NOUN" or not says_what(noun, kind):
        return False
    if in_quote(noun) or noun.lemma_.lower() in _GENERIC_PEOPLE:
        return False  # what a quote calls someone is its speaker's view
    if any(c.tag_ in ("JJS", "RBS") or c.lower_ in ("most", "only") for c in noun.subtree):
        return False  # "the most powerful woman in the world"
    return noun.lower_ in TITLE_WORDS or any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "to") for c in noun.children
    )


def affiliation(root: Token, bodies: dict[int, tuple[int, int]]) -> list[Token]:
    """The institution a quoted source is named with: "said X of the Carnegie Endowment".

    Only for a name that is the subject of a speech verb: "donors include X of Avenue
    Capital" names an employer, not what X is. `bodies` maps a token to the bounds of the
    organization's name it is part of, so the role is the whole name ("the Save the Rivers
    campaign"), not the parse's piece of it.
    """
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in SPEECH_VERBS:
        return []
    for prep in (c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("of", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            # "of research firm Keystone Analytics": what the body is comes with its name,
            # whether the parser makes the name or the noun before it the object of "of".
            named = bodies.get(obj.i) or bodies.get(obj.i + 1)
            if named is not None and named[0] <= obj.i + 1:
                return clean(list(root.doc[min(obj.left_edge.i, named[0]) : named[1]]))
            if obj.ent_type_ == "ORG":
                return clean(phrase_words(obj))
    return []
