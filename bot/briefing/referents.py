"""Who a cue's source is: names, pronouns, role nouns and the people the tagger missed.

Pronouns and role nouns are resolved against the salience model as the sweep reaches
them; a speaker pronoun prefers the subject of its own paragraph, then the source just
quoted. A source that is a noun phrase without a name stays a description ("a campaign
spokesman"), never a guess.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from bot.briefing.actorindex import body_by_acronym
from bot.briefing.lexicon import HONORIFICS, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS
from bot.briefing.mentions import ActorDraft, Mention, name_in_apposition
from bot.briefing.names import drop_glued_repeat
from bot.briefing.role_phrases import glued_hyphen, indefinite, names_a_role
from bot.briefing.roles import words_text
from bot.briefing.salience import clause_weight, is_subject
from bot.briefing.sweep import Sweep

__all__ = ["paragraph_subject", "resolve_mentions", "source_actor"]

_ACRONYM = re.compile(r"[A-Z]{2,6}")  # "WHO", "NATO": a body said by its initials

_SUBJECT_ONLY = 80.0  # clause_weight of a subject outside the main clause
# How far back in its paragraph a quote or pronoun looks for a subject. Unbounded, a
# paragraph of thousands of short quotes cost time squared in its length (issue 11).
LOOKBACK_TOKENS = 400
_INTRODUCED_WITHIN = 120  # tokens back to the noun that introduced "the spokesperson"


def resolve_mentions(sweep: Sweep, mentions: list[Mention], sentence_of: list[int]) -> None:
    """Resolve a paragraph's pronouns and role nouns, and feed every mention to salience."""
    for m in mentions:
        sweep.salience.at_sentence(sentence_of[m.start])
        head = sweep.doc[m.end - 1]
        if m.kind == "pronoun":
            m.actor = sweep.salience.best(m.label, m.gender, subject=is_subject(head))
            if m.actor is not None and m.gender:
                sweep.actors[m.actor].vote_gender(m.gender)
        elif m.kind == "role":
            m.actor = sweep.salience.best(m.label, None, m.text)
        # Names inside a quote are what the speaker talks about, not who the text is about.
        if m.actor is not None and not sweep.quoted[m.start]:
            sweep.salience.mention(m.actor, clause_weight(head), is_subject(head))
            if reports_speech(head):
                # "X said that ...": X is now the source a following "he said" continues.
                sweep.salience.spoke(m.actor)


def reports_speech(head: Token) -> bool:
    """Tell whether a mention is the subject of a speech verb ("Trump said the ...")."""
    while head.dep_ in ("appos", "flat") and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ == "VERB":
        return True
    # "Sen. Dianne Feinstein, ..., who said none of the emails ...": a source as well.
    return any(
        c.dep_ == "relcl" and c.lemma_.lower() in SPEECH_VERBS
        and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
        for c in head.children
    )  # fmt: skip


def noun_phrase(tok: Token) -> str:
    """The words of a speaker noun phrase, without relative clauses or trailing commas."""
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    # "A nurse at the hospital, who spoke ...": the phrase ends at its comma.
    comma = next((t.i for t in tok.subtree if t.i > tok.i and t.text == ","), None)
    words = [t for t in tok.subtree if t.i not in cut and not t.is_punct]
    left = [t for t in words if t.i <= tok.i]
    right = [t for t in words if t.i > tok.i and (comma is None or t.i < comma)][:6]
    return words_text(left + right).strip()


def source_actor(sweep: Sweep, tok: Token) -> tuple[int | None, str | None]:
    """Map a cue's source token to an actor, or to a description when none fits."""
    mention = sweep.by_token.get(tok.i)
    # "the mayor, Anna Keller, said": the name in apposition says who, better than the role.
    named = name_in_apposition(tok, sweep.by_token)
    if named is not None and (mention is None or mention.kind != "name"):
        mention = named
    if mention is not None and (mention.kind != "role" or mention.actor is not None):
        if mention.kind == "pronoun" and mention.gender:
            source = unnamed_source(sweep, mention.start, mention.gender)
            if source is not None:
                return source_actor(sweep, source)  # "A nurse ... said ...: "...," she said"
            return pronoun_speaker(sweep, mention), None
        return mention.actor, None
    if tok.lower_ == "i" or tok.pos_ == "PRON":
        return None, None
    if tok.pos_ in ("PROPN", "NOUN"):
        inside = person_inside(sweep, tok)
        if inside is not None:
            return inside, None
    if tok.pos_ == "PROPN":
        return new_person(sweep, tok), None
    if tok.lemma_.lower() in ROLE_NOUNS:
        actor = sweep.salience.best("person", None, tok.lemma_.lower())
        if actor is not None and any(c.lower_ == "the" for c in tok.children):
            return actor, None
    introduced = _introduced_before(tok)
    if introduced is not None:
        # "the spokesperson": the one just introduced, if that says more than "a spokesperson"
        actor, description = source_actor(sweep, introduced)
        if actor is not None or len((description or "").split()) > 2:
            return actor, description
    return None, noun_phrase(tok)


def _introduced_before(tok: Token) -> Token | None:
    """The noun that introduced "the spokesperson" shortly before ("a spokesperson for X")."""
    if tok.pos_ != "NOUN" or [c.lower_ for c in tok.children] != ["the"]:
        return None  # not "the first ad", which is not the second one introduced
    doc = tok.doc
    for i in range(tok.i - 1, max(tok.i - _INTRODUCED_WITHIN, 0) - 1, -1):
        t = doc[i]
        if t.lemma_ == tok.lemma_ and t.pos_ == "NOUN" and t.tag_ == tok.tag_:
            return t if indefinite(t) else None
    return None


def unnamed_source(sweep: Sweep, before: int, gender: str | None) -> Token | None:
    """The source this paragraph introduced without a name, if no person was named since.

    "A spokeswoman for the ministry said ... "...," she said": the pronoun is the
    spokeswoman, not a person quoted in an earlier paragraph.
    """
    doc = sweep.doc
    for i in range(before - 1, max(before - LOOKBACK_TOKENS, 0) - 1, -1):
        tok = doc[i]
        if (tok.is_space and "\n" in tok.text) or _named_person(sweep, i):
            return None  # "A reporter asked Sanders ... He replied": a person named since
        if sweep.quoted[i] or tok.pos_ != "NOUN" or tok.dep_ != "nsubj":
            continue
        said = tok.head.lemma_.lower() in SPEECH_VERBS
        of_gender = HONORIFICS.get(tok.lower_, gender) == gender
        if indefinite(tok) and said and of_gender and names_a_role(tok):
            return tok
    return None


def _named_person(sweep: Sweep, i: int) -> bool:
    m = sweep.by_token.get(i)
    return m is not None and m.kind == "name" and m.label == "person"


def pronoun_speaker(sweep: Sweep, pronoun: Mention) -> int | None:
    """A speaker pronoun refers to the person this paragraph has made its subject, if any.

    "Armstrong Williams, Carson's adviser, suggested ... "...," he told the AP": the
    subject of the paragraph's main clause beats a person the article mentions more.
    """
    found = paragraph_subject(sweep, pronoun.start, pronoun.gender)
    if found is not None:
        return found
    return recent_speaker(sweep, pronoun) or pronoun.actor


def recent_speaker(sweep: Sweep, pronoun: Mention) -> int | None:
    """With no subject in its paragraph, "he said" continues the source just quoted."""
    last = sweep.last
    if last is None or last.actor is None or pronoun.paragraph - sweep.last_paragraph > 1:
        return None
    compatible = sweep.salience.compatible(last.actor, "person", pronoun.gender, None)
    return last.actor if compatible else None


def paragraph_subject(
    sweep: Sweep, before: int, gender: str | None, named: bool = True
) -> int | None:
    """The last person this paragraph made a subject before a token, main clauses first."""
    doc = sweep.doc
    found: list[tuple[bool, int]] = []
    for i in range(before - 1, max(before - LOOKBACK_TOKENS, 0) - 1, -1):
        m = sweep.by_token.get(i)
        if doc[i].is_space and "\n" in doc[i].text:
            break
        if m is None or m.start != i or m.actor is None or sweep.quoted[i] or m.label != "person":
            continue
        head = doc[m.end - 1]
        if is_subject(head) and sweep.salience.compatible(m.actor, "person", gender, None):
            found.append((clause_weight(head) > _SUBJECT_ONLY, m.actor))
    main = [actor for is_main, actor in found if is_main]
    if main:
        return main[0]
    if found:
        return found[0][1]
    return last_named(sweep, before, gender) if named else None


def last_named(sweep: Sweep, before: int, gender: str | None) -> int | None:
    """The last person named in the paragraph before a token, when no subject was parsed."""
    doc = sweep.doc
    for i in range(before - 1, max(before - LOOKBACK_TOKENS, 0) - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            return None
        m = sweep.by_token.get(i)
        if m is None or m.kind != "name" or m.actor is None or sweep.quoted[i]:
            continue
        if m.label == "person" and sweep.salience.compatible(m.actor, "person", gender, None):
            return m.actor
    return None


def person_inside(sweep: Sweep, tok: Token) -> int | None:
    """A person named inside the speaker's phrase, after its head.

    "Air Force 1st Lt. Tyler Livingston", "Blaze co-host Stu Burguiere", "a former
    candidate -- John McCain": the name says who speaks. A name before a common noun
    only describes it ("a Trump supporter"), and relative clauses are someone else's.
    """
    # A proper noun's apposition describes it ("Alwaleed, the nephew of King Abdullah").
    cut = ("relcl", "acl", "appos") if tok.pos_ == "PROPN" else ("relcl", "acl")
    clauses = {t.i for c in tok.children if c.dep_ in cut for t in c.subtree}
    people = [
        sweep.by_token[t.i]
        for t in tok.subtree
        if t.i in sweep.by_token and t.i not in clauses
        and sweep.by_token[t.i].kind == "name" and sweep.by_token[t.i].label == "person"
        and (tok.pos_ == "PROPN" or t.i > tok.i)
    ]  # fmt: skip
    if people:
        return people[-1].actor
    # "Navy Capt. Jeff Davis": the parser may end the phrase at the rank; the name follows.
    after = sweep.by_token.get(tok.i + 1) or sweep.by_token.get(tok.i + 2)
    if (
        tok.pos_ == "PROPN"
        and after is not None
        and after.kind == "name"
        and after.label == "person"
    ):
        return after.actor
    return None


def name_run(tok: Token) -> list[Token]:
    """The capitalised words around a token that form a name, titles and ranks trimmed.

    "Army Capt. Christian Pardo" -> "Christian Pardo"; only adjacent words count, so the
    "King" of "the nephew of the late King Abdullah" never joins "Alwaleed".
    """
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and (_capitalised_name(doc[lo - 1]) or _surname_hyphen(doc, lo - 1)):
        lo -= 1
    while hi + 1 < len(doc) and (_capitalised_name(doc[hi + 1]) or _surname_hyphen(doc, hi + 1)):
        hi += 1
    words = list(doc[lo : hi + 1])
    while len(words) > 1 and (words[0].lower_ in TITLE_WORDS or words[0].lower_ in ROLE_NOUNS):
        words = words[1:]
    return words


def _capitalised_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _surname_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a double surname ("Halloran-Kovač"), between two capitalised words."""
    return (
        doc[i].text == "-"
        and 0 < i < len(doc) - 1
        and glued_hyphen(doc, i)
        and _capitalised_name(doc[i - 1])
        and _capitalised_name(doc[i + 1])
    )


def new_person(sweep: Sweep, tok: Token) -> int:
    """Make an actor of a name the tagger missed ("said Stu Burguiere")."""
    words = name_run(tok)
    tok = words[-1]
    # "Halloran-Kovač" is one word of the name, as the article writes it.
    spelled = tok.doc[words[0].i : words[-1].i + 1].text.split()
    texts = drop_glued_repeat(spelled)  # "Kristi NoemKristi Noem"
    name, last = " ".join(texts), texts[-1]
    if len(texts) == 1 and _ACRONYM.fullmatch(last):
        return _body_named_by_acronym(sweep, last, tok.i)  # "says WHO": a body, not a person
    for i, actor in enumerate(sweep.actors):
        if actor.kind == "person" and (
            actor.last.lower() == last.lower() or actor.name.lower().endswith(" " + name.lower())
        ):
            return i  # "Halloran-Kovač said" after "Ines Halloran-Kovač"
    first = texts[0] if len(texts) > 1 else None
    sweep.actors.append(
        ActorDraft(
            name=name,
            kind="person",
            forms={name},
            first=first,
            last=last,
            mentions=1,
            first_token=tok.i,
        )
    )
    return len(sweep.actors) - 1


def _body_named_by_acronym(sweep: Sweep, acronym: str, at: int) -> int:
    """The body an acronym spells, or a new organization of that name."""
    known = body_by_acronym(sweep.actors, acronym)
    if known is not None:
        sweep.actors[known].forms.add(acronym)
        return known
    sweep.actors.append(
        ActorDraft(name=acronym, kind="organization", forms={acronym}, mentions=1, first_token=at)
    )
    return len(sweep.actors) - 1
