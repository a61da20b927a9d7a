"""The words of a role phrase: what they may hold, how they are cut, and where roles rank.

The finders (`titles`, `appositions`) read the parse around one name and return the words
of a role, if any, with where the role came from (the priority constants below, lower is
better). The helpers here say whether words name a role and trim a phrase to its role.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import ORG_NOUNS, ROLE_NOUNS, TITLE_WORDS

__all__ = [
    "ABBREVIATED_TITLE",
    "AFFILIATION",
    "DEFINITE_APPOSITION",
    "DESCRIPTOR_TITLE",
    "HEAD_NOUN",
    "INDEFINITE_APPOSITION",
    "MAX_ROLE_WORDS",
    "NOT_DESCRIPTIONS",
    "PLACE_NOUNS",
    "PREDICATE",
    "QUOTE_CHARS",
    "TITLE",
    "TITLE_LINKS",
    "clean",
    "describes",
    "glued_hyphen",
    "in_quote",
    "indefinite",
    "named_the",
    "names_a_role",
    "phrase_words",
    "plural",
    "says_what",
    "split_abbreviation",
]


MAX_ROLE_WORDS = 14


_ABBREVIATION = 4  # letters of the longest title abbreviation the tokenizer may split

# Words that join a title's parts: "Secretary of State", "Commissioner for Refugees".
TITLE_LINKS = frozenset({"of", "for"})


_DROP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})


_AGES = frozenset({"year-old", "month-old", "week-old", "day-old"})
_EXAMPLES = frozenset({"including", "excluding", "like", "such"})
_LEADING = frozenset(
    "a an the also now then his her its their same another both that this my our your".split()
)


QUOTE_CHARS = set('“”"‘’«»')
# Nouns for people that are not job titles, and endings of nouns for people who do things.


_PERSON_NOUNS = frozenset(
    "head member chief partner friend wife husband son daughter mother father brother sister "
    "colleague ally rival critic supporter backer donor fan resident native citizen student "
    "veteran graduate protege mentor confidant confidante deputy heir widow survivor victim "
    "owner boss staffer aide envoy delegate nominee candidate hopeful scholar suspect "
    "co-host host anchor star legend icon operative activist mate nurse surgeon pilot chef "
    "clerk cook poet medic paramedic midwife parent tenant".split()
)


_PERSON_NOUNS_ENT = frozenset(
    "student resident agent consultant assistant accountant attendant defendant applicant "
    "participant immigrant migrant emigrant entrant informant servant tenant claimant "
    "contestant occupant opponent proponent correspondent respondent superintendent "
    "dependent incumbent president vice-president regent adherent descendant".split()
)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "eur", "ee", "man", "woman", "person")
# Common nouns with a person-like ending that name things, not people.


_NOT_AGENTS = frozenset(
    "number power order matter letter paper water center centre border quarter chapter "
    "corner manner answer dinner summer winter error mirror door floor factor "
    "sector motor color colour favor favour labor labour honor honour harbor harbour "
    "rumor rumour humor humour minor other another either neither together "
    "whether never ever over under after later latter per cover fever tower hour "
    "poster filter cluster chamber barrier corridor theater theatre register meter liter "
    "disaster monster character computer printer trailer sticker banner "
    "guarantee committee jubilee weather river silver finger shoulder ladder cancer "
    "leather butter offer thunder soccer lumber timber trigger liver oyster lobster tiger "
    "beer deer career coffee fee tree knee degree decree spree vapor vapour flavor flavour "
    "terror horror tumor tumour odor odour armor armour tractor reactor elevator indicator "
    "meteor list twist wrist mist fist gist median human".split()
)


# Nouns the parser sets beside names that do not describe a person.


# Nouns for places and natural bodies: "X, the largest moon of Y" is not a person.
PLACE_NOUNS = frozenset(
    "city town village country state province region capital island river lake mountain "
    "moon planet star galaxy comet asteroid ocean sea desert valley county district suburb "
    "continent peninsula".split()
)
NOT_DESCRIPTIONS = PLACE_NOUNS | frozenset(
    "time year day week month today tonight morning evening night campaign statement "
    "interview report story case thing way part lot number percent share vote race "
    "election speech video photo picture file".split()
)


# Where a role came from; lower is better.
TITLE = 0  # "House Speaker X", "former Secretary of State X"
DEFINITE_APPOSITION = 1  # "X, the panel's ranking Democrat", "X, director of Y"
ABBREVIATED_TITLE = 2  # "Rep. X": the apposition after the name says more
HEAD_NOUN = 3  # "An attorney for Y, X", "His adviser, X", "a super PAC called X"
INDEFINITE_APPOSITION = 4  # "X, a Trump supporter"
DESCRIPTOR_TITLE = 5  # "Nationalist X", "Republican X": a leaning, not a position
PREDICATE = 6  # "X is chairman of Y", "X served as Y"
AFFILIATION = 7  # "said X of the Carnegie Endowment": a source known by its institution


def phrase_words(head: Token, clauses: bool = False) -> list[Token]:
    """The tokens of a role noun phrase: modifiers and "of ..." but no clauses."""
    drop = _DROP_DEPS - {"relcl", "acl"} if clauses else _DROP_DEPS
    out: list[Token] = []

    def walk(tok: Token) -> None:
        for child in tok.lefts:
            if child.dep_ == "prep":
                continue  # "on Wednesday a senior member": the verb's adverbial, misparsed
            # The hyphen of "front-runner" is part of the word, not punctuation.
            if child.dep_ not in drop or (child.text == "-" and glued_hyphen(tok.doc, child.i)):
                walk(child)
        out.append(tok)
        for child in tok.rights:
            if child.lower_ in _EXAMPLES:
                continue  # "Brightwater Living, ..., including the block": examples, not a role
            if (
                child.dep_ not in drop
                or _ampersand_name(tok, child)
                or _named_noun(tok, child)
                or _based_in(tok, child)
                or (child.text == "," and any(_based_in(tok, c) for c in tok.rights))
                or _second_role(tok, child)
                or _joined_object(tok, child)
                or (
                    child.dep_ == "cc"
                    and any(_second_role(tok, c) or _joined_object(tok, c) for c in tok.rights)
                )
            ):
                walk(child)

    walk(head)
    return out


def _without_second_role(words: list[Token]) -> list[Token]:
    """A role phrase without the nouns joined to it by "and", and what hangs on them."""
    inside = {w.i for w in words}
    cut: set[int] = set()
    for w in words:
        if w.head.i in inside and w.head.i not in cut and _second_role(w.head, w):
            cut |= {t.i for t in w.subtree}  # "co", "-" and "author" may each be a noun
            cut |= {c.i for c in w.head.rights if c.dep_ == "cc" and c.i < w.i}
    return [t for t in words if t.i not in cut]


def _second_role(tok: Token, child: Token) -> bool:
    """A second noun for the same person: "surgeon and daytime TV star", "singer and guitarist".

    Not another person's ("the mayor and her deputy"), and only after "and".
    """
    return (
        child.dep_ == "conj"
        and tok.pos_ == child.pos_ == "NOUN"
        and child.tag_ == "NN"
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.rights if c.i < child.i)
        and not any(c.dep_ in ("det", "poss") for c in child.children)
    )


def _joined_object(tok: Token, child: Token) -> bool:
    """A second noun after "of" or "for": "coalition of farmers and conservation groups".

    Not a phrase with its own determiner ("of Ohio and her deputy"), which is another role.
    """
    return (
        child.dep_ == "conj"
        and tok.dep_ == "pobj"
        and tok.pos_ in ("NOUN", "PROPN")
        and child.pos_ in ("NOUN", "PROPN")
        and tok.head.lower_ in TITLE_LINKS
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.rights if c.i < child.i)
        and not any(c.dep_ in ("det", "poss", "nummod") for c in child.children)
    )


def _based_in(tok: Token, child: Token) -> bool:
    """A company after its place's comma ("of Little Rock, Arkansas-based company Acme")."""
    return (
        child.dep_ == "appos"
        and tok.ent_type_ in ("GPE", "LOC")
        and any(t.lower_ == "based" and t.i < child.i for t in child.subtree)
    )


def _named_noun(tok: Token, child: Token) -> bool:
    """A name right after its noun, with no comma ("the research firm Fairhaven Economics")."""
    return (
        child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and tok.pos_ == "NOUN"
        and child.left_edge.i == tok.i + 1
    )


def _ampersand_name(tok: Token, child: Token) -> bool:
    """The rest of a name joined by "&" ("Harrow & Lisle Securities"), not a second phrase."""
    if tok.pos_ != "PROPN":
        return False
    if child.text == "&":
        return True
    return child.dep_ == "conj" and any(c.text == "&" for c in tok.children if c.i < child.i)


def clean(words: list[Token]) -> list[Token]:
    """A role phrase without punctuation, leading filler, an age or more than it needs."""
    words = _before_a_break(words)
    words = [w for w in words if not (w.is_punct and w.text not in ".-&") or _place_comma(w)]
    while words and (
        words[0].lower_ in _LEADING or words[0].is_punct or words[0].dep_ == "nummod"
    ):
        words = words[1:]  # "two Vermont developers" -> "Vermont developers"
    words = _without_age(words)  # "a seven-year-old company" -> "company"
    if len(words) > MAX_ROLE_WORDS:
        words = _without_second_role(words)  # the first of two roles, if both are too long
    quoted = any(set(w.text) & QUOTE_CHARS and w.dep_ != "case" for w in words)
    if not words or len(words) > MAX_ROLE_WORDS or quoted:
        return []
    return words


def _before_a_break(words: list[Token]) -> list[Token]:
    """The words before a line break: a role ends with its line ("X, Ledger correspondent")."""
    for n, w in enumerate(words):
        if w.is_space and "\n" in w.text:
            return words[:n]
    return [w for w in words if not w.is_space]


def _place_comma(tok: Token) -> bool:
    """The comma of "Little Rock, Arkansas-based": between a city and its state."""
    after = tok.doc[tok.i + 1 : tok.i + 5]
    return tok.text == "," and any(
        t.lower_ == "based" and t.i > 0 and tok.doc[t.i - 1].text == "-" for t in after
    )


def _without_age(words: list[Token]) -> list[Token]:
    """A role without the age that opens it ("seven-year-old company"), if more follows."""
    head = "".join(w.lower_ for w in words[:3])
    if head in _AGES and len(words) > 3:
        return words[3:]
    return words


def names_a_role(noun: Token) -> bool:
    """Tell whether a noun can say what a person is ("head", "adviser"), not "death"."""
    word = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and word.endswith("s"):
        word = word[:-1]  # "Senators" as a proper noun keeps its plural as its lemma
    if word in ROLE_NOUNS or word in _PERSON_NOUNS or word in _PERSON_NOUNS_ENT:
        return True
    return word.endswith(_AGENT_ENDINGS) and word not in _NOT_AGENTS


def says_what(noun: Token, kind: str) -> bool:
    """Tell whether a noun can say what an actor of this kind is."""
    if kind == "person":
        return names_a_role(noun) or noun.lower_ in TITLE_WORDS
    word = noun.lemma_.lower()
    # "super PACs": the tagger keeps a capitalised plural as its own lemma
    return word in ORG_NOUNS or noun.lower_ in ORG_NOUNS or word.removesuffix("s") in ORG_NOUNS


def describes(noun: Token, root: Token, kind: str) -> bool:
    """Tell whether a common noun beside a person's name describes them, whatever it is.

    Only people's nouns stand there: "X, a cook at the Taj", "X, the dean of the school",
    "X, Keller's running mate", "poultry magnate X". The phrase must have that shape: an
    article or an owner and a noun right after the name's comma, or a noun that modifies
    the name itself.
    """
    if kind == "organization":
        return _describes_body(noun, root)
    rank = _numbered_rank(noun)  # "X, the No. 2 in the leadership"
    if kind != "person" or noun.pos_ != "NOUN" or noun.tag_ != "NN" or not (noun.is_alpha or rank):
        return False
    if not (noun.text.islower() or rank) or noun.lemma_.lower() in NOT_DESCRIPTIONS:
        return False
    doc = noun.doc
    if noun.i > root.i:  # apposition
        after_comma = _comma_after(root)
        article = any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children)
        # "X, Keller's running mate"; not "X, Britain's uprising against ..." (a misparse)
        owned = names_a_role(noun) and any(c.dep_ == "poss" for c in noun.children)
        return after_comma and (article or owned) and noun.head.i == root.i
    # "the big debate Trump skipped": a title never follows an article.
    first = noun.left_edge
    before = doc[first.i - 1] if first.i > 0 else None
    after_article = any(c.dep_ == "det" for c in noun.children) or (
        before is not None and (before.dep_ == "det" or before.pos_ in ("ADV", "AUX", "PART"))
    )  # "the big debate Trump skipped", "won't formally un-endorse Trump"
    return noun.head.i == root.i and noun.dep_ in ("compound", "nmod") and not after_article


def _numbered_rank(noun: Token) -> bool:
    """A number sign with its number is a rank ("the No. 2 in the leadership")."""
    doc = noun.doc
    return noun.text == "No." and noun.i + 1 < len(doc) and doc[noun.i + 1].like_num


def _describes_body(noun: Token, root: Token) -> bool:
    """Tell whether "the N of ..." right after a body's name says what it is.

    "the Daily, the mouthpiece of the ruling party", "Orbis, the largest employer in the
    valley": a common noun with "the", after the name's comma, with what it is of or where.
    """
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or not noun.text.isalpha() or not noun.is_lower:
        return False
    if noun.lemma_.lower() in NOT_DESCRIPTIONS or noun.head.i != root.i or noun.i < root.i:
        return False
    article = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    of_what = any(c.dep_ == "prep" and c.lower_ in ("of", "in", "for") for c in noun.rights)
    return _comma_after(root) and article and of_what


def _comma_after(root: Token) -> bool:
    """Tell whether a comma follows a name right away: "X, the ..."."""
    return root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == ","


def indefinite(noun: Token) -> bool:
    """Tell whether a noun has "a" or "an" before it."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def named_the(det: Token) -> bool:
    """A capital "The" inside a sentence that opens a name ("the magazine The Ledger")."""
    return det.text == "The" and not det.is_sent_start


def split_abbreviation(doc: Doc, i: int) -> bool:
    """A full stop the tokenizer split off a short capitalised word ("Govs" + ".")."""
    tok = doc[i]
    if tok.text != "." or i == 0:
        return False
    word = doc[i - 1]
    # Only a short title abbreviation: "Leahy." ends a sentence, "Sens." does not.
    abbreviation = len(word) <= _ABBREVIATION and f"{word.lower_}." in TITLE_WORDS
    return not word.whitespace_ and word.is_alpha and abbreviation


def glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a word ("front-runner"), or the word part before it."""
    tok = doc[i]
    if tok.text == "-":
        return not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        return True  # "based" in "Los Angeles-based"
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_


def in_quote(tok: Token) -> bool:
    """Tell whether a token stands inside quote marks."""
    spans = tok.doc._.brief_spans or []
    return any(span.start <= tok.idx < span.end for span in spans)


def plural(word: Token) -> bool:
    """Tell whether a title names several people ("Senators", "developers", "Reps.")."""
    if split_abbreviation(word.doc, word.i):
        word = word.doc[word.i - 1]
        return word.text.endswith("s") and len(word) > 2
    return word.tag_ in ("NNS", "NNPS") or (word.text.endswith("s.") and len(word.text) > 3)
