"""Tell quoted words that nobody says: terms being named, handles, slogans (issue 10).

`a condition known as "feather duvet lung"`, `what's called "farmer's lung"`, `the
slogan "We're on it."`, `an account renamed "factcheckUK"`, `signs that read "Books not
bullets."`: the quote marks set off a name or a written text, not speech. `X called it
"a disaster"` is speech: X said so. Titles of works are told by their capitals in
`quotes.speech_kind`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import SPEECH_VERBS

__all__ = ["TERM_NOUNS", "in_quoted_list", "naming_cue"]

# Nouns that introduce a term or a slogan in apposition: `the term "three amigos"`.
TERM_NOUNS = frozenset(
    {
        "term",
        "phrase",
        "word",
        "expression",
        "slogan",
        "tagline",
        "motto",
        "catchphrase",
        "hashtag",
        "nickname",
        "moniker",
        "acronym",
        "handle",
        "headline",
        "caption",
        "jingle",
        "name",
        "title",
    }
)
# Verbs that give something a name: passive or as a participle they introduce a term.
# ("titled", "labeled" set off titles and labels that PolNeAR readers count as quotes.)
_NAMING_VERBS = frozenset({"call", "dub", "term", "nickname", "rename"})
_SKIPPED = frozenset({"a", "an", "the", "as", ",", ":", "-", "—", "–", "simply", "now", "often"})
_HANDLE = re.compile(r"^[@#]\w+$|^\w*[a-z][A-Z]\w*$|^[\w-]+\.(?:com|org|net|gov|edu|io|co)\b")
# Words that may stand between a term noun and its term: `the term often used is "..."`.
_TERM_LINKS = frozenset(
    {"often", "most", "commonly", "usually", "now", "widely", "used", "coined", "chosen", "is",
     "was", "of", "itself", "simply", "being", "new", "official"}
)  # fmt: skip
_MODIFIER_WORDS = 4  # the most words of a quoted modifier (`a "smart home technology" fee`)
_OPENING = "“\"‘'«„"
_CLOSING = "”\"’'»"
# Between two quoted items of a list: `“A,” “B”`, `“A” and “B”`, `“A”, “B”`.
_LIST_GAP = re.compile(r"^[,;]?[ \t]*(?:(?:and|or|&)[ \t]*)?$")
# Words written on a thing people carry or wear: `signs that read "Books not bullets."`.
_WRITTEN_ON = re.compile(
    r"\b(?:signs?|banners?|placards?|t-shirts?|shirts?|billboards?|stickers?|hats?|"
    r"caps?|badges?|buttons?)\b(?: (?:that|which))? (?:read|reads|reading|said|saying|says)"
    r"[\s,:]*$",
    re.IGNORECASE,
)
_ASKED_FOR_TERM = re.compile(
    r"\b(?:" + "|".join(sorted(TERM_NOUNS)) + r")\??[:?]\s*$", re.IGNORECASE
)


def naming_cue(doc: Doc, first: int, last: int, lead: str, before: str) -> str | None:
    """Return why a quoted span is a name rather than speech, or None when it may be speech.

    Args:
        doc: the parsed article.
        first: the quote's first token (its opening mark when there is one).
        last: the token after the quote.
        lead: the unquoted words before the quote in its sentence.
        before: the text just before the quote, across sentence and paragraph ends.
    """
    words = [t for t in doc[first:last] if not t.is_punct and not t.is_space]
    if len(words) == 1 and _HANDLE.match(words[0].text):
        return "handle"
    asked = _ASKED_FOR_TERM.search(before.rstrip(" \n“\"‘'«„"))
    if _term_before(doc, first) or (not lead.strip() and asked):
        return "term"
    if _named_by(doc, first):
        return "named"
    if _WRITTEN_ON.search(lead):
        return "written"
    if not lead.strip() and _is_subject(doc, last):
        return "subject"
    if _modifies_a_noun(doc, first, last):
        return "modifier"
    return None


def _modifies_a_noun(doc: Doc, first: int, last: int) -> bool:
    """`a $45 "smart home technology" fee`: quoted nouns that name a kind of the noun after."""
    words = [t for t in doc[first:last] if not t.is_punct and not t.is_space]
    after = next((t for t in doc[last : last + 2] if not t.is_quote), None)
    return (
        0 < len(words) <= _MODIFIER_WORDS
        and after is not None
        and after.pos_ == "NOUN"
        and after.text[:1].islower()
        and words[-1].head.i == after.i
        # A noun names a thing ("valet trash" fee); an adjective is someone's word for it.
        and words[-1].dep_ in ("compound", "nmod")
        and words[-1].pos_ in ("NOUN", "PROPN")
    )


def _is_subject(doc: Doc, last: int) -> bool:
    """`"We're on it" is rolling out ...`: a quote that is its sentence's subject is a name."""
    if last >= len(doc) or last < 2 or not doc[last - 2].text[-1:].isalnum():
        return False  # "...," he said: the quote's own punctuation ends it
    after = doc[last]
    return (
        after.tag_ in ("VBZ", "VBD", "VBP", "MD")  # a finite verb, not "working in ..."
        and after.text[:1].islower()
        and after.lemma_.lower() not in SPEECH_VERBS
    )


def _term_before(doc: Doc, first: int) -> bool:
    """`with the slogan "..."`, `the term often used is "..."`: a term noun leads in.

    A term someone uses or owns is theirs to say: `X used the words "..."`, `X's slogan
    is "..."` stay speech.
    """
    i, steps = _before_marks(doc, first), 0
    while i >= 0 and steps < 4 and (doc[i].text in ",:" or doc[i].lower_ in _TERM_LINKS):
        i, steps = i - 1, steps + 1
    if i < 0 or doc[i].lemma_.lower() not in TERM_NOUNS or doc[i].pos_ != "NOUN":
        return False
    noun = doc[i]
    owned = any(t.dep_ == "poss" for left in noun.lefts for t in left.subtree)
    return not owned and noun.dep_ not in ("dobj", "conj")


def _before_marks(doc: Doc, first: int) -> int:
    """The index of the last token before a quote's opening marks."""
    i = first - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return i


def _named_by(doc: Doc, first: int) -> bool:
    """`is called "..."`, `a script called "..."`, `so-called "..."`, `known as "..."`."""
    i, steps = _before_marks(doc, first), 0
    while i >= 0 and doc[i].lower_ in _SKIPPED and steps < 3:
        i, steps = i - 1, steps + 1
    if i < 0:
        return False
    tok = doc[i]
    low = tok.lower_
    if low == "so-called" or (
        low == "called" and "so" in {t.lower_ for t in doc[max(0, i - 2) : i]}
    ):
        return True
    if low == "known" and doc[i + 1].lower_ == "as":
        return True  # "a condition known as"
    return tok.lemma_.lower() in _NAMING_VERBS and _gives_a_name(tok)


def _gives_a_name(verb: Token) -> bool:
    """A naming verb in the passive or as a bare participle names; with a subject it speaks."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        # "a script called ...", parsed as a clause: a thing introduced by "a" names nobody.
        return subject.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children
        )
    # "a script called ...", "what's called ..."
    # "a script called ...": the participle right after the noun it names.
    return (verb.dep_ in ("acl", "amod") and verb.head.i == verb.i - 1) or (
        verb.tag_ == "VBN" and verb.dep_ in ("relcl", "ROOT", "ccomp", "conj")
    )


def in_quoted_list(text: str, start: int, end: int) -> bool:
    """Tell whether a quoted span sits in a list of quoted spans (`“A,” “B” and “C”`).

    A span that ends its sentence ("...Believes.") starts no list with the next one.
    """
    before = text[max(0, start - 12) : start].rstrip(" " + _OPENING)
    close = max(before.rfind(c) for c in _CLOSING)
    if close > 0 and before[close - 1] not in ".!?" and _LIST_GAP.match(before[close + 1 :]):
        return True
    if text[start:end].rstrip()[-1:] in (".", "!", "?"):
        return False
    after = text[end : end + 12].lstrip(_CLOSING)
    opens = [i for i in (after.find(c) for c in _OPENING) if i >= 0]
    return bool(opens) and bool(_LIST_GAP.match(after[: min(opens)]))
