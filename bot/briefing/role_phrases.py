"""Role phrases around a name: appositions, titles, head nouns and predicates.

Each finder reads the parse around one name and returns the words of a role, if any, with
where the role came from (the priority constants below, lower is better).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import (
    COURTESY_TITLES,
    ORG_NOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    name_gender,
)

__all__ = [
    "ABBREVIATED_TITLE",
    "AFFILIATION",
    "DEFINITE_APPOSITION",
    "DESCRIPTOR_TITLE",
    "HEAD_NOUN",
    "INDEFINITE_APPOSITION",
    "PREDICATE",
    "TITLE",
    "TITLE_LINKS",
    "affiliation",
    "apposition",
    "dash_apposition",
    "first_of_list",
    "glued_hyphen",
    "head_noun",
    "named_the",
    "names_a_role",
    "plural",
    "predicate",
    "title_role",
]


_MAX_ROLE_WORDS = 14


_MAX_TITLE_WORDS = 8

# The longest "runs a haulage firm in Kessa" shown as a role.
_MAX_RUNS_WORDS = 8


_ABBREVIATION = 4  # letters of the longest title abbreviation the tokenizer may split

# Words that join a title's parts: "Secretary of State", "Commissioner for Refugees".
TITLE_LINKS = frozenset({"of", "for"})


_DROP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "appos"})


_AGES = frozenset({"year-old", "month-old", "week-old", "day-old"})
_EXAMPLES = frozenset({"including", "excluding", "like", "such"})
_LEADING = frozenset(
    {"a", "an", "the", "also", "now", "then", "his", "her", "its", "their", "same", "another"}
)


_QUOTE_CHARS = set('“”"‘’«»')
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


_POSSESSIVES = frozenset({"his", "her", "their", "its"})


_NOT_TITLE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})


_NAMING_VERBS = frozenset({"call", "name", "dub", "know"})


_SERVING_VERBS = frozenset({"serve", "act", "work"})


# "X, who runs a haulage firm": a verb of running a body says what a person is.
_RUNNING_VERBS = frozenset({"run", "own", "lead", "head", "chair", "manage", "direct"})


_TENSE_AUX = frozenset({"has", "have", "had", "is", "was", "'s", "’s", "been", "being"})
# Nouns the parser sets beside names that do not describe a person.


# Nouns for places and natural bodies: "X, the largest moon of Y" is not a person.
PLACE_NOUNS = frozenset(
    "city town village country state province region capital island river lake mountain "
    "moon planet star galaxy comet asteroid ocean sea desert valley county district suburb "
    "continent peninsula".split()
)
_NOT_DESCRIPTIONS = PLACE_NOUNS | frozenset(
    "time year day week month today tonight morning evening night campaign statement "
    "interview report story case thing way part lot number percent share vote race "
    "election speech video photo picture file".split()
)


_GENERIC_PEOPLE = frozenset({"man", "woman", "person", "guy", "leader", "candidate", "one"})

# Where a role came from; lower is better.
TITLE = 0  # "House Speaker X", "former Secretary of State X"
DEFINITE_APPOSITION = 1  # "X, the panel's ranking Democrat", "X, director of Y"
ABBREVIATED_TITLE = 2  # "Rep. X": the apposition after the name says more
HEAD_NOUN = 3  # "An attorney for Y, X", "His adviser, X", "a super PAC called X"
INDEFINITE_APPOSITION = 4  # "X, a Trump supporter"
DESCRIPTOR_TITLE = 5  # "Nationalist X", "Republican X": a leaning, not a position
PREDICATE = 6  # "X is chairman of Y", "X served as Y"
AFFILIATION = 7  # "said X of the Carnegie Endowment": a source known by its institution


def _phrase(head: Token, clauses: bool = False) -> list[Token]:
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
            ):
                walk(child)

    walk(head)
    return out


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


def _clean(words: list[Token]) -> list[Token]:
    words = [w for w in words if not (w.is_punct and w.text not in ".-&") or _place_comma(w)]
    while words and (
        words[0].lower_ in _LEADING or words[0].is_punct or words[0].dep_ == "nummod"
    ):
        words = words[1:]  # "two Vermont developers" -> "Vermont developers"
    words = _without_age(words)  # "a seven-year-old company" -> "company"
    quoted = any(set(w.text) & _QUOTE_CHARS and w.dep_ != "case" for w in words)
    if not words or len(words) > _MAX_ROLE_WORDS or quoted:
        return []
    return words


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


def _says_what(noun: Token, kind: str) -> bool:
    """Tell whether a noun can say what an actor of this kind is."""
    if kind == "person":
        return names_a_role(noun) or noun.lower_ in TITLE_WORDS
    word = noun.lemma_.lower()
    # "super PACs": the tagger keeps a capitalised plural as its own lemma
    return word in ORG_NOUNS or noun.lower_ in ORG_NOUNS or word.removesuffix("s") in ORG_NOUNS


def _describes(noun: Token, root: Token, kind: str) -> bool:
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
    if not (noun.text.islower() or rank) or noun.lemma_.lower() in _NOT_DESCRIPTIONS:
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
    if noun.lemma_.lower() in _NOT_DESCRIPTIONS or noun.head.i != root.i or noun.i < root.i:
        return False
    article = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    of_what = any(c.dep_ == "prep" and c.lower_ in ("of", "in", "for") for c in noun.rights)
    return _comma_after(root) and article and of_what


def _comma_after(root: Token) -> bool:
    """Tell whether a comma follows a name right away: "X, the ..."."""
    return root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == ","


def _indefinite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


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
        if child.pos_ not in ("NOUN", "PROPN") or child.ent_type_ == "PERSON" or _in_quote(child):
            continue  # 'her husband, Bill, the "comeback kid"': a quoted label is no role
        if child.pos_ == "PROPN" and any(name_gender(c.text) for c in child.lefts):
            continue  # "Deven Parekh, Orin Kramer, ...": a list of names, not a role
        if not (_says_what(child, kind) or _describes(child, root, kind)):
            continue
        if _plural_for_one(child, root):
            continue
        if not any(t.is_punct for t in root.doc[root.i + 1 : child.left_edge.i + 1]):
            continue  # "X of the Save the Rivers campaign": a misparse, no comma or dash
        # "the agency that oversees the program": a bare kind of body needs its clause.
        clauses = kind != "person" and not any(c.dep_ in ("amod", "compound") for c in child.lefts)
        phrase = _phrase(child, clauses)
        words = _clean([w for w in _hyphen_prefix(child) if w not in phrase] + phrase)
        if words:
            rank = INDEFINITE_APPOSITION if _indefinite(child) else DEFINITE_APPOSITION
            return words + _body_after_comma(child, kind), rank
    return None


def dash_apposition(root: Token, kind: str) -> tuple[list[Token], int] | None:
    """A person's role set off by dashes: "X — Ivy League-trained surgeon and TV star — said"."""
    doc = root.doc
    start = root.i + 1
    if kind != "person" or start >= len(doc) or not _spaced_dash(doc[start]):
        return None
    stop = min(root.sent.end, start + _MAX_ROLE_WORDS + 2)
    end = next((i for i in range(start + 1, stop) if _spaced_dash(doc[i])), None)
    if end is None:
        return None
    words = list(doc[start + 1 : end])
    # Only a noun phrase: no clause ("X — who had resigned — said"), no other person.
    clause = any(
        (w.pos_ in ("AUX", "VERB") and w.tag_ not in ("VBN", "VBG"))
        or w.ent_type_ == "PERSON"
        or w.text in ";:()"
        or set(w.text) & _QUOTE_CHARS
        for w in words
    )
    if clause or not any(_person_noun(w) for w in words):
        return None
    role = _clean(words)
    if not role:
        return None
    rank = INDEFINITE_APPOSITION if words[0].lower_ in ("a", "an") else DEFINITE_APPOSITION
    return role, rank


def _person_noun(noun: Token) -> bool:
    """A common noun that can say what a person is: "adviser", "surgeon", not "death"."""
    if noun.pos_ != "NOUN":
        return False
    common = noun.tag_ == "NN" and noun.text.islower() and noun.is_alpha
    return names_a_role(noun) or (common and noun.lemma_.lower() not in _NOT_DESCRIPTIONS)


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
        and (not _says_what(head, kind) or _plural_for_one(head, root))
    ):
        head = head.head.head  # "An attorney for Pagliano, Mark MacDougall"
    elif root.dep_ in ("oprd", "attr", "dobj") and head.lemma_.lower() in _NAMING_VERBS:
        named = head.dep_ == "acl" and root.dep_ == "oprd"
        head = head.head if head.dep_ == "acl" else head  # "a super PAC called Future45"
    elif root.dep_ != "appos":
        return [], None
    if _in_quote(root) or any(c.dep_ == "det" and not named_the(c) for c in root.children):
        return [], None  # 'called the senator "the next George Washington"': a comparison
    if head.pos_ not in ("NOUN", "PROPN") or head.i >= name_start:
        return [], None
    if not (_says_what(head, kind) or (named and _given_a_name(head, kind))):
        return [], None
    if _plural_for_one(head, root):
        return [], None
    cut = {t.i for t in root.subtree}
    words = _clean([w for w in _phrase(head) if w.i not in cut])
    owner = next(
        (c.i for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None
    )
    return [w for w in words if w.i != owner], owner


def named_the(det: Token) -> bool:
    """A capital "The" inside a sentence that opens a name ("the magazine The Ledger")."""
    return det.text == "The" and not det.is_sent_start


def _given_a_name(noun: Token, kind: str) -> bool:
    """A common noun for one person that a name is given to ("a cleric named X")."""
    word = noun.lemma_.lower()
    return (
        kind == "person"
        and noun.pos_ == "NOUN"
        and noun.tag_ == "NN"
        and noun.text.islower()
        and word not in _GENERIC_PEOPLE
        and word not in _NOT_DESCRIPTIONS
        and _indefinite(noun)  # "the letter called Oz a quack" names no one
    )


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
    if _split_abbreviation(doc, i):
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
    if tok.is_punct or set(tok.text) & _QUOTE_CHARS:
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


def _split_abbreviation(doc: Doc, i: int) -> bool:
    """A full stop the tokenizer split off a short capitalised word ("Govs" + ".")."""
    tok = doc[i]
    if tok.text != "." or i == 0:
        return False
    word = doc[i - 1]
    # Only a short title abbreviation: "Leahy." ends a sentence, "Sens." does not.
    abbreviation = len(word) <= _ABBREVIATION and f"{word.lower_}." in TITLE_WORDS
    return not word.whitespace_ and word.is_alpha and abbreviation


def _next_name(tok: Token) -> bool:
    """A list member: a conjunct, or a name the parser took for an apposition ("X, Y and Z")."""
    return tok.dep_ == "conj" or (
        tok.dep_ == "appos" and tok.ent_type_ == "PERSON" and tok.head.ent_type_ == "PERSON"
    )


def _listed(root: Token) -> bool:
    """Tell whether a name is one of a list ("X and Y", "X of Ohio and Y")."""
    if root.dep_ == "conj" or any(_next_name(c) for c in root.children):
        return True
    if root.dep_ == "appos" and any(c.dep_ == "conj" and c.i > root.i for c in root.head.children):
        return True  # "her rivals, X and Y", the list hung on the noun
    places = [o for p in root.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if any(c.dep_ == "conj" for o in places for c in o.children):
        return True
    return _name_follows(root)


def _name_follows(root: Token) -> bool:
    """Tell whether another name follows after a comma or "and" ("X (D-Ill.), Y")."""
    doc = root.doc
    i = root.i + 1
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - root.i < 8:
            i += 1
        i += 1
    while i < len(doc) and doc[i].text in (",", "and"):
        i += 1
    return i > root.i + 1 and i < len(doc) and doc[i].ent_type_ == "PERSON"


def first_of_list(root: Token) -> Token:
    """The first name of the list a name is in ("Govs. X of Ohio and Y" -> X)."""
    first = root
    for _ in range(12):
        if (first.dep_ == "conj" or _next_name(first)) and first.head.i != first.i:
            first = first.head
        elif (
            first.dep_ == "pobj"
            and first.head.dep_ == "prep"
            and first.i != root.i
            and first.ent_type_ != "PERSON"
        ):
            first = first.head.head  # "X of New Jersey and Y": Y hangs on the place
        else:
            break
    return first


def _plural_for_one(noun: Token, root: Token) -> bool:
    """Tell whether a plural describes one name ("her rivals, X" describes a list)."""
    return plural(noun) and not _listed(root)


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
    if words and _plural_for_one(_title_head(words), root):
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
    if not words or not any(_says_what(w, kind) for w in heads):
        # Any noun may describe the person, if the title opens its phrase: not after
        # "formally" ("won't formally un-endorse Trump") or a verb.
        before = doc[words[0].i - 1] if words and words[0].i > 0 else None
        opens = before is None or before.pos_ not in ("ADV", "AUX", "PART", "VERB", "DET")
        if not (opens and any(_describes(w, root, kind) for w in last)):
            return []
    return _clean(words)


def _title_head(words: list[Token]) -> Token:
    """The noun a title is about: "Secretary" in "Secretary for Political Affairs"."""
    link = next((n for n, w in enumerate(words) if n and w.lower_ in TITLE_LINKS), None)
    return words[link - 1] if link is not None else words[-1]


def _last_word(doc: Doc, words: list[Token]) -> list[Token]:
    """The tokens of a title's last word, a hyphenated one whole ("President-elect")."""
    if len(words) > 1 and _split_abbreviation(doc, words[-1].i):
        words = words[:-1]
    last = [words[-1]]
    while len(last) < len(words) and glued_hyphen(doc, words[-len(last) - 1].i):
        last.insert(0, words[-len(last) - 1])
    return [w for w in last if w.text != "-"]


def glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a word ("front-runner"), or the word part before it."""
    tok = doc[i]
    if tok.text == "-":
        return not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_
    if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
        return True  # "based" in "Los Angeles-based"
    return i + 1 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_


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
            if _position(noun, kind) and not _plural_for_one(noun, root):
                words = _clean(_phrase(noun))
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
        if _says_what(body, "organization") and not _in_quote(body):
            # "a haulage firm in the border town of Kessa": where it is is not the role
            where = {
                t.i
                for p in body.rights
                if p.dep_ == "prep" and p.lower_ != "of"
                for t in p.subtree
            }
            words = _clean([verb, *(t for t in _phrase(body) if t.i not in where)])
            return words if len(words) <= _MAX_RUNS_WORDS else []
    return []


def _in_quote(tok: Token) -> bool:
    spans = tok.doc._.brief_spans or []
    return any(span.start <= tok.idx < span.end for span in spans)


def _position(noun: Token, kind: str) -> bool:
    """A predicate noun that names a position ("chairman of X"), not an opinion ("a good man")."""
    if noun.dep_ not in ("attr", "pobj") or noun.pos_ != "NOUN" or not _says_what(noun, kind):
        return False
    if _in_quote(noun) or noun.lemma_.lower() in _GENERIC_PEOPLE:
        return False  # what a quote calls someone is its speaker's view
    if any(c.tag_ in ("JJS", "RBS") or c.lower_ in ("most", "only") for c in noun.subtree):
        return False  # "the most powerful woman in the world"
    return noun.lower_ in TITLE_WORDS or any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "to") for c in noun.children
    )


def plural(word: Token) -> bool:
    """Tell whether a title names several people ("Senators", "developers", "Reps.")."""
    if _split_abbreviation(word.doc, word.i):
        word = word.doc[word.i - 1]
        return word.text.endswith("s") and len(word) > 2
    return word.tag_ in ("NNS", "NNPS") or (word.text.endswith("s.") and len(word.text) > 3)


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
            if obj.i in bodies:
                return list(root.doc[bodies[obj.i][0] : bodies[obj.i][1]])
            if obj.ent_type_ == "ORG":
                return _clean(_phrase(obj))
    return []
