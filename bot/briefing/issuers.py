"""Who speaks when the text says "the statement read" or "the company said" (issue 10).

A statement, a release or a letter speaks for whoever issued it: the author its own
phrase names ("a statement from X", "X's letter", "the statement, signed by X"), else the
subject that issued it earlier ("X issued a statement", "X denied it in a statement").
"The company" or "the group" is the organization the text is about right now. Either way
the words stay with the organization, never with a person named nearby.
"""

from __future__ import annotations

from spacy.tokens import Token

from bot.briefing.salience import body_head
from bot.briefing.sweep import Sweep

__all__ = ["ISSUED_NOUNS", "ORGANIZATION_NOUNS", "issuer_of"]

# Documents that speak for whoever issued them.
ISSUED_NOUNS = frozenset(
    {
        "statement",
        "release",
        "letter",
        "email",
        "e-mail",
        "memo",
        "communique",
        "communiqué",
        "announcement",
        "notice",
        "message",
        "editorial",
    }
)
# Nouns that stand for an organization already named ("the company said").
ORGANIZATION_NOUNS = frozenset(
    {
        "company",
        "firm",
        "group",
        "organization",
        "organisation",
        "agency",
        "label",
        "bank",
        "network",
        "studio",
        "union",
        "foundation",
        "association",
        "charity",
        "retailer",
        "carmaker",
        "automaker",
        "airline",
        "insurer",
        "manufacturer",
        "publisher",
        "broadcaster",
        "startup",
        "corporation",
        "conglomerate",
        "chain",
        "club",
        "band",
        "orchestra",
        "choir",
    }
)
# What kind of body a noun or a name's last word says it is: "the club said" is not the
# agency just named. Words for any body ("group", "organization") are in no kind.
_BODY_KINDS = {
    word: kind
    for kind, words in {
        "business": "company firm corporation retailer carmaker automaker airline insurer "
        "manufacturer startup conglomerate chain bank label studio broadcaster publisher",
        "public": "agency administration department ministry bureau authority commission "
        "regulator",
        "legislature": "committee subcommittee panel council parliament legislature senate "
        "house assembly congress",
        "court": "court tribunal",
        "club": "club team",
        "union": "union",
        "band": "band orchestra choir",
        "charity": "charity foundation",
    }.items()
    for word in words.split()
}
# Verbs that say who wrote or issued a document ("signed by X", "attributed to X").
_AUTHOR_VERBS = frozenset(
    {"issue", "release", "sign", "send", "write", "attribute", "publish", "post", "author"}
)
_SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
_LOOK_BACK = 400  # tokens searched for the document's first mention
_FORGOTTEN = 3.0  # the salience below which an organization is out of mind


def issuer_of(sweep: Sweep, tok: Token) -> int | None:
    """The actor a speaking document or organization noun stands for, if the text says."""
    lemma = tok.lemma_.lower()
    if lemma in ISSUED_NOUNS:
        named, author = _author(sweep, tok)
        return author if named else _earlier_issuer(sweep, tok)
    if lemma in ORGANIZATION_NOUNS and _definite(tok):
        return _organization_in_mind(sweep, tok)
    if tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass"):
        return _body_in_mind(sweep)  # '"...," it said in a statement': a body or a state
    if lemma in _SPOKESPEOPLE and (body := _body_noun_before(tok)) is not None:
        return _organization_in_mind(sweep, body)  # "a company spokesperson said"
    return None


def _body_noun_before(tok: Token) -> Token | None:
    """The noun for a body right before a spokesperson: "a company spokesperson"."""
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "compound" and c.i == tok.i - 1 and c.lemma_.lower() in ORGANIZATION_NOUNS
        ),
        None,
    )


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _named(sweep: Sweep, tok: Token) -> int | None:
    """The actor a token names, directly or through an unresolved organization noun."""
    mention = sweep.by_token.get(tok.i)
    if mention is not None and not sweep.quoted[tok.i]:
        return mention.actor
    if tok.lemma_.lower() in ORGANIZATION_NOUNS and _definite(tok):
        return _organization_in_mind(sweep, tok)
    return None


def _author(sweep: Sweep, doc_noun: Token) -> tuple[bool, int | None]:
    """Whether a document's own phrase names its author, and the actor if it is one.

    "X's statement", "a letter from X", "the statement, signed by X"; "a letter signed by
    seven doctors" names an author who is no actor.
    """
    for child in doc_noun.children:
        author: Token | None = None
        if child.dep_ == "poss":
            author = child
        elif child.dep_ == "prep" and child.lower_ in ("from", "by"):
            author = _object(child)
        elif child.dep_ in ("relcl", "acl") and child.lemma_.lower() in _AUTHOR_VERBS:
            preps = [c for c in child.children if c.dep_ in ("agent", "prep")]
            by = [_object(c) for c in preps if c.lower_ in ("by", "to")]
            author = next((t for t in by if t is not None), None)
        if author is not None:
            return True, _named(sweep, author)
    return False, None


def _object(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _earlier_issuer(sweep: Sweep, doc_noun: Token) -> int | None:
    """Who issued the document when the text first mentioned it ("X issued a statement")."""
    doc = sweep.doc
    lemma = doc_noun.lemma_.lower()
    for i in range(doc_noun.i - 1, max(-1, doc_noun.i - _LOOK_BACK), -1):
        tok = doc[i]
        if sweep.quoted[i] or tok.lemma_.lower() != lemma:
            continue
        named, author = _author(sweep, tok)
        found = author if named else _subject_of_clause(sweep, tok)
        if found is not None:
            return found
    return None


def _subject_of_clause(sweep: Sweep, tok: Token) -> int | None:
    """The subject of the verb whose clause holds a token ("X denied it in a statement")."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _named(sweep, subject) if subject is not None else None


def _body_in_mind(sweep: Sweep) -> int | None:
    """The actor most in mind, when "it" can be it: an organization or a country.

    When a person is most in mind, "it" may be a body the tagger took for one: nobody.
    """
    ranked = sorted(sweep.salience.scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _FORGOTTEN:
        return None
    actor_i = ranked[0][0]
    return actor_i if sweep.actors[actor_i].kind in ("organization", "place") else None


def _another_kind_of_body(name: str, noun: Token) -> bool:
    """Tell whether a body's name says it is not what the noun says ("the club" is no agency).

    "In a statement submitted to the committee, the company said ...": a committee is no
    company; '"We are disappointed," the club said' after the anti-doping agency's finding.
    """
    kind, named = _BODY_KINDS.get(noun.lemma_.lower()), _BODY_KINDS.get(body_head(name))
    return kind is not None and named is not None and kind != named


def _organization_in_mind(sweep: Sweep, noun: Token) -> int | None:
    """The most salient organization, if it fits the noun and is not what the sentence is about.

    "the production company" needs an organization whose name holds "production"; in
    "the group added that X ..." the group is not X, but in "X went further: the band
    said" it is.
    """
    modifiers = {
        c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.is_alpha
    }
    own = {t.i for t in noun.subtree}
    # Only what the sentence goes on to say about: "X went further: the band said" is X.
    elsewhere = {
        m.actor
        for i in range(noun.i + 1, noun.sent.end)
        if i not in own and not sweep.quoted[i] and (m := sweep.by_token.get(i)) is not None
    }
    ranked = sorted(sweep.salience.scores.items(), key=lambda kv: -kv[1])
    for actor_i, score in ranked:
        if score < _FORGOTTEN:
            return None
        actor = sweep.actors[actor_i]
        if actor.kind != "organization" or _another_kind_of_body(actor.name, noun):
            continue
        words = {w.lower().rstrip("s") for w in actor.name.split()}
        fits = all(m.rstrip("s") in words for m in modifiers)
        return actor_i if fits and actor_i not in elsewhere else None
    return None
