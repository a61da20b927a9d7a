"""Roles from the titles before a name: "US Secretary of State X", "former Gov. X".

A title is the run of capitalised office words and their links ("of", "for") before a
name, with what it is of ("chief judge of the U.S. Court of Appeals"), never a verb,
a date or a leaning read as an office.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import COURTESY_TITLES, ROLE_NOUNS
from bot.briefing.namelists import plural_for_one
from bot.briefing.role_phrases import (
    QUOTE_CHARS,
    TITLE_LINKS,
    clean,
    describes,
    glued_hyphen,
    named_the,
    names_a_role,
    says_what,
    split_abbreviation,
)

__all__ = ["title_role"]

_MAX_TITLE_WORDS = 8


_NOT_TITLE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})


def _title_words(doc: Doc, i: int) -> list[Token]:
    """Collect, from token i backwards, the words that can belong to a title."""
    words: list[Token] = []
    while i >= 0 and len(words) < _MAX_TITLE_WORDS:
        if doc[i].is_space and "\n" not in doc[i].text:
            i -= 1  # "journalist\xa0Joe Conason": a no-break space is still one space
            continue
        if not _title_part(doc, i, words):
            break
        words.insert(0, doc[i])
        i -= 1
    return words


def _conjoined_title(doc: Doc, i: int) -> list[Token]:
    """The first of two titles joined by "and" before a name, with the "and"."""
    if i < 1 or doc[i].lower_ not in ("and", "&"):
        return []
    first = _title_words(doc, i - 1)
    if not first or not names_a_role(first[-1]) or first[-1].ent_type_:
        return []
    return [*first, doc[i]]


def _title_part(doc: Doc, i: int, words: list[Token]) -> bool:
    """Tell whether the token before a title's words still belongs to the title."""
    tok = doc[i]
    if "\n" in tok.whitespace_ or tok.is_space:
        return False
    if tok.ent_type_ in _NOT_TITLE_ENTS:
        return False  # "81-year-old retired teacher X": an age is no part of the role
    if glued_hyphen(doc, i):
        return True
    if split_abbreviation(doc, i):
        return True  # "Sens." split in two: the full stop still belongs to the title
    if tok.lower_ in TITLE_LINKS or tok.tag_ == "POS":
        # "Secretary of State X", "Commissioner for Refugees X", "Arizona's Sheriff X":
        # only between capitalised words.
        before_ok = i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN") and doc[i - 1].is_title
        return bool(words) and (
            (words[0].text[:1].isupper() and before_ok) or _lower_case_office(doc, i, words)
        )
    if tok.text == "Under" and words and words[0].lower_ == "secretary":
        return True  # "Under Secretary of State X"
    if tok.is_punct or set(tok.text) & QUOTE_CHARS:
        return False
    if (
        tok.pos_ == "NOUN"
        and tok.text.islower()
        and tok.dep_ not in ("compound", "amod")
        and any(w.is_title for w in words)
    ):
        return False  # "the investigation former Secretary of State X": another phrase
    # "Retired neurosurgeon X", "founding member X": a participle that modifies the title
    participle = bool(words) and (
        (tok.tag_ == "VBN" and tok.dep_ == "amod")
        or (tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound") and not _after_a_verb(doc, i))
    )
    if participle and i > 0 and doc[i - 1].lemma_.lower() in ("have", "be"):
        return False  # "the club has sacked manager X": a verb the parser took for a modifier
    # "Foxes guard X": the small tagger reads a role noun right before a name as a verb.
    role_read_as_verb = not words and tok.lower_ in ROLE_NOUNS and tok.pos_ == "VERB"
    return (
        tok.pos_ in ("PROPN", "NOUN", "ADJ")
        or participle
        or role_read_as_verb
        or _modifier_read_as_verb(doc, i, words)
    )


def _after_a_verb(doc: Doc, i: int) -> bool:
    """Tell whether a word follows a verb, an adverb or a preposition ("formally nominating X")."""
    before = doc[i - 1] if i > 0 else None
    return before is not None and (
        before.pos_ in ("VERB", "AUX") or before.tag_ in ("IN", "TO", "RB", "MD")
    )


def _modifier_read_as_verb(doc: Doc, i: int, words: list[Token]) -> bool:
    """A noun before a title that the small tagger reads as a verb ("study co-author X").

    Not a verb of its own clause ("will meet senator X", "voters love candidate X"): it
    hangs on a noun, with no auxiliary, "to" or pronoun before it.
    """
    tok = doc[i]
    if tok.pos_ != "VERB" or tok.tag_ not in ("VB", "VBP") or not words or not tok.is_lower:
        return False
    before = doc[i - 1] if i > 0 else None
    hangs_on_a_noun = tok.dep_ in ("compound", "amod", "conj", "nmod") and tok.head.pos_ in (
        "NOUN",
        "PROPN",
    )
    return (
        hangs_on_a_noun
        and before is not None
        and before.pos_ not in ("AUX", "PART", "PRON", "VERB", "ADV")
    )


def _lower_case_office(doc: Doc, i: int, words: list[Token]) -> bool:
    """An "of" inside a lower-case office: "chief of staff X", "director of research X".

    Not "the son of actor X": a word for a person after the "of" is the name's own role.
    """
    after = words[0]
    return (
        doc[i].lower_ == "of"
        and i > 0
        and doc[i - 1].lower_ in ROLE_NOUNS
        and after.pos_ == "NOUN"
        and after.text.islower()
        and not names_a_role(after)
    )


def _role_noun_before(word: Token, name_start: int, root: Token) -> bool:
    """A role noun right before the name ("what host X described"), however it was parsed.

    Not when the name hangs on it ("Norland's president X": the phrase the apposition finds
    is the whole role).
    """
    return word.i == name_start - 1 and word.lower_ in ROLE_NOUNS and root.head != word


def title_role(doc: Doc, name_start: int, root: Token, kind: str) -> list[Token]:
    """Title words right before a name: "US Secretary of State X", "super PAC X"."""
    last_title_word = name_start - 1
    if last_title_word > 0 and named_the(doc[last_title_word]):
        last_title_word -= 1  # "rock band The Lanterns": the name's own "The", not its entity's
    words = _title_words(doc, last_title_word)
    if words and kind == "person" and (first := _conjoined_title(doc, words[0].i - 1)):
        words = first + words  # "lab scientist and study co-author X": both are the role
    # A lower-case word must hang on the title or the name: "investigation" in "this
    # committee's investigation former Secretary of State X" belongs to another phrase.
    inside = {w.i for w in words} | set(range(name_start, root.i + 1))
    while words and (
        words[0].lower_ in TITLE_LINKS
        or words[0].tag_ == "POS"
        or (
            words[0].head.i not in inside
            and words[0].text.islower()
            and not glued_hyphen(doc, words[0].i)
            and not _role_noun_before(words[0], name_start, root)
        )
    ):
        inside.discard(words[0].i)
        words = words[1:]
    if words and plural_for_one(_title_head(words), root):
        return []
    # "Dr. X" has no role; "first lady X" has one.
    while (
        words
        and words[-1].lower_ in COURTESY_TITLES
        and not any(c.i in {w.i for w in words} for c in words[-1].lefts)
    ):
        words = words[:-1]
    if words and all(w.lower_ in {"former", "late"} for w in words):
        return []
    # "the unexpectedly close presidential election between X and Y" is not a title.
    last = _last_word(doc, words) if words else []
    # "Chief of Staff X", "Minister of Culture X": the title's head comes before its "of".
    heads = last + [words[n - 1] for n, w in enumerate(words) if n and w.lower_ in TITLE_LINKS]
    if not words or not any(says_what(w, kind) for w in heads):
        # Any noun may describe the person, if the title opens its phrase: not after
        # "formally" ("won't formally un-endorse Trump") or a verb.
        before = doc[words[0].i - 1] if words and words[0].i > 0 else None
        opens = before is None or before.pos_ not in ("ADV", "AUX", "PART", "VERB", "DET")
        if not (opens and any(describes(w, root, kind) for w in last)):
            return []
    # "filed a lawsuit accusing pop singer X": the title starts after the participle's clause
    return clean(_after_a_participle_clause(words))


def _title_head(words: list[Token]) -> Token:
    """The noun a title is about: "Secretary" in "Secretary for Political Affairs"."""
    link = next((n for n, w in enumerate(words) if n and w.lower_ in TITLE_LINKS), None)
    return words[link - 1] if link is not None else words[-1]


def _last_word(doc: Doc, words: list[Token]) -> list[Token]:
    """The tokens of a title's last word, a hyphenated one whole ("President-elect")."""
    if len(words) > 1 and split_abbreviation(doc, words[-1].i):
        words = words[:-1]
    last = [words[-1]]
    while len(last) < len(words) and glued_hyphen(doc, words[-len(last) - 1].i):
        last.insert(0, words[-len(last) - 1])
    return [w for w in last if w.text != "-"]


def _after_a_participle_clause(words: list[Token]) -> list[Token]:
    """The words after a verb with words of its own ("a lawsuit accusing pop singer X")."""
    inside = {w.i for w in words}
    cut = [
        n
        for n, w in enumerate(words[:-1])
        if w.tag_ in ("VBG", "VBN")
        and not glued_hyphen(w.doc, w.i)  # "London-based" is one word
        and any(c.i in inside and c.i < w.i for c in w.children)
    ]
    return words[cut[-1] + 1 :] if cut else words
