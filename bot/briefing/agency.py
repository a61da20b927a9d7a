"""What each name mention does in its sentence: acts, is acted on, sets the scene, or reports.

An actor is someone the article shows speaking, acting or being directly affected. A place
that is only where things happen ("in Ohio"), an outlet that only reports ("told CNN",
"according to The Times") and a name that only modifies a noun ("the Iowa caucuses") are
not. The function of a mention comes from the parse around its head word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import CHANNEL_NOUNS, SPEECH_VERBS
from bot.briefing.mentions import ActorDraft, Mention

__all__ = [
    "AGENT",
    "COMPARISON",
    "MODIFIER",
    "OBJECT",
    "OTHER",
    "PRONOUN_AGENT",
    "REPORT",
    "SETTING",
    "count_functions",
    "mention_function",
]

AGENT = "agent"  # subject of a verb, "by X", the subject of a passive: acts or is acted on
OBJECT = "object"  # object of a verb or of "against"/"with": directly affected
SETTING = "setting"  # "in Ohio", "from Mexico"
REPORT = "report"  # "told CNN", "according to X", "a CNN poll", "X reported"
MODIFIER = "modifier"  # "the Iowa caucuses", "New York Gov."
OTHER = "other"
COMPARISON = "comparison"  # "leaders like X", "bigger than X", "such as X": named in passing

_SETTING_PREPS = frozenset(
    "in at from to into across throughout near inside outside around within toward towards "
    "through along between among over under onto out via beyond".split()
)
_OBJECT_PREPS = frozenset({"against", "with", "for", "on", "over", "about"})
_COMPARING_PREPS = frozenset({"like", "unlike", "than"})
_REPORT_VERBS = frozenset(
    "report publish broadcast air reveal cite poll survey interview tell quote obtain "
    "review".split()
)
_REPORT_NOUNS = CHANNEL_NOUNS | frozenset(
    "poll polls survey report reporter reporting article story editorial analysis show "
    "anchor host correspondent columnist headline investigation documentary segment "
    "editor page website site coverage reports journalist journalists".split()
)
_COPULAS = frozenset({"be", "seem", "remain", "become"})
# Who acts for a country or a body: "the leaders of X agreed", "X's foreign minister said".
_ACTING_FOR = frozenset(
    "leader leaders president presidents government governments minister ministers premier "
    "officials official delegation delegations negotiators envoy envoys".split()
)
# A body's people acting together: "Crews from the Maritime Workers Union walked off",
# "researchers at X found".
_MEMBERS = frozenset(
    "workers crews crew members staff employees researchers scientists engineers nurses "
    "doctors teachers pilots officers".split()
)
# Speech verbs whose "to X" is who heard it: "spoke to X", "declined to comment to X".
_AUDIENCE_VERBS = SPEECH_VERBS | frozenset({"speak", "talk", "comment", "write"})
_LIST = 3  # names in a coordination that make it a list
_AGES = (1, 110)  # a number after a name that is its bearer's age
PRONOUN_AGENT = "pronoun-agent"  # counted apart: not a mention by name


def _climb(tok: Token) -> Token:
    """From a name's head to the word that carries its function in the clause."""
    seen = 0
    while tok.dep_ in ("appos", "conj", "flat") and tok.head.i != tok.i and seen < 6:
        tok = tok.head
        seen += 1
    return tok


def _head_of(doc: Doc, m: Mention) -> Token:
    """The word of a mention whose head lies outside it (its syntactic head)."""
    for tok in doc[m.start : m.end]:
        if not m.start <= tok.head.i < m.end or tok.head.i == tok.i:
            return tok
    return doc[m.end - 1]


def mention_function(doc: Doc, m: Mention) -> str:
    """Tell what a name mention does in its sentence (one of the constants above)."""
    own = _head_of(doc, m)
    if any(_acts_in_clause(c) for c in own.children):
        return AGENT  # "X, who is running against Y": X acts in its relative clause
    tok = _climb(own)
    dep, head = tok.dep_, tok.head
    if dep in ("nsubj", "nsubjpass", "csubj"):
        return _subject_function(head)
    if dep == "pobj":
        return _object_of_preposition(head)
    if dep in ("dobj", "dative", "oprd"):
        return REPORT if head.lemma_.lower() in _REPORT_VERBS else OBJECT
    if dep in ("compound", "amod", "nmod", "poss", "npadvmod"):
        if head.lemma_.lower() in _REPORT_NOUNS:
            return REPORT
        if dep == "poss" and _acts_through(head):
            return AGENT  # "Poland's climate minister said": Poland acts
        return OTHER if dep == "poss" else MODIFIER
    return OTHER


def _acts_in_clause(clause: Token) -> bool:
    """A relative clause whose subject is the name it hangs on ("who said", "which sued")."""
    if clause.dep_ != "relcl" or clause.lemma_.lower() in _COPULAS:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in clause.children)


def _subject_function(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    if lemma in _REPORT_VERBS and verb.pos_ == "VERB":
        return REPORT
    if lemma in _COPULAS and not any(c.dep_ == "acomp" for c in verb.children):
        return OTHER  # "Ohio is a swing state"
    return AGENT


def _object_of_preposition(prep: Token) -> str:
    word = prep.lower_
    if word in _COMPARING_PREPS or (
        word == "as" and prep.i > 0 and prep.nbor(-1).lower_ == "such"
    ):
        return COMPARISON
    if word == "by" and prep.dep_ == "agent":
        # "as reported by X" is a source; "projected by X" an act.
        return REPORT if prep.head.lemma_.lower() in _REPORT_VERBS else AGENT
    if word == "to" and prep.head.lower_ == "according":
        return REPORT
    if word in ("of", "from", "at") and _acts_through(prep.head, at=word == "at"):
        return AGENT  # "The leaders of Valdoria and Kestran agreed", "crews from X struck"
    before = prep.head
    if word in ("on", "in", "with", "to") and (
        before.lemma_.lower() in _REPORT_NOUNS
        or before.lemma_.lower() in _REPORT_VERBS
        or (word == "on" and before.lemma_.lower() in SPEECH_VERBS)
    ):
        return REPORT  # "said on CNN", "in an interview with Fox", "wrote in The Times"
    if word == "to" and _speech_clause(prep):
        return REPORT  # "declined to comment on the price to X", "spoke to X": an audience
    if word in _OBJECT_PREPS and before.pos_ in ("VERB", "NOUN"):
        return OBJECT
    if word in _SETTING_PREPS:
        return SETTING
    return OTHER


def _acts_through(noun: Token, at: bool = False) -> bool:
    """A leader or members noun that is the subject of its clause ("the leaders ... agreed").

    After "at" only a body's members ("researchers at X"): "vice president at X" is a
    person's place of work.
    """
    word = noun.lower_
    fits = word in _MEMBERS or (word in _ACTING_FOR and not at)
    return fits and _climb(noun).dep_ in ("nsubj", "nsubjpass")


def _speech_clause(prep: Token) -> bool:
    """Tell whether a preposition hangs, through nouns, on a speech verb ("comment ... to")."""
    tok, steps = prep.head, 0
    while tok.pos_ in ("NOUN", "PROPN", "ADP") and tok.head.i != tok.i and steps < 3:
        tok, steps = tok.head, steps + 1
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _AUDIENCE_VERBS


def _age_after(doc: Doc, end: int) -> bool:
    """A name followed by its bearer's age: "Marcus Bell, 34, of Eastfield"."""
    after = doc[end : end + 3]
    return (
        len(after) == 3
        and after[0].text == ","
        and after[1].is_digit
        and _AGES[0] <= int(after[1].text) <= _AGES[1]
        and after[2].text in (",", ";", ")", ".")
    )


def _list_size(tok: Token, names: set[int]) -> int:
    """How many names a coordination holds ("A, B, C and D" -> 4)."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return 1 + sum(1 for t in first.subtree if t.dep_ == "conj" and t.i in names)


def count_functions(doc: Doc, quoted: list[bool]) -> None:
    """Count, for every actor, its mentions by name in each function (quoted ones apart).

    Mentions inside a list of three or more names are counted as well: a name that only
    ever appears in such lists ("donors included A, B, C and D") is mentioned in passing.
    """
    actors: list[ActorDraft] = doc._.brief_actors
    names = [m for m in doc._.brief_mentions if m.kind == "name" and m.actor is not None]
    heads = {m.end - 1 for m in names}
    for actor in actors:
        actor.functions = {}
        actor.listed = 0
        actor.aged = False
    for m in names:
        if m.actor is None or m.actor >= len(actors):
            continue
        function = mention_function(doc, m)
        if quoted[m.end - 1]:  # the last word: the “Fight for $15” movement is not quoted
            function = "quoted-" + function
        actor = actors[m.actor]
        actor.functions[function] = actor.functions.get(function, 0) + 1
        if _list_size(doc[m.end - 1], heads) >= _LIST:
            actor.listed += 1
        actor.aged |= _age_after(doc, m.end)
    for m in doc._.brief_mentions:
        # "he said": an actor acts through the pronouns that stand for it as well.
        if (
            m.kind == "pronoun"
            and m.actor is not None
            and not quoted[m.start]
            and mention_function(doc, m) == AGENT
        ):
            actor = actors[m.actor]
            actor.functions[PRONOUN_AGENT] = actor.functions.get(PRONOUN_AGENT, 0) + 1
