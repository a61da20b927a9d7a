"""Find the mentions of people, organizations, groups and places, and merge them into actors.

Names come from the tagger's entities, repaired in `names`, plus the people and surnames
it missed; pronouns and role nouns ("the senator") are collected here and resolved by the
attribution sweep. Headlines only mention actors the body introduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.briefing.actorindex import ActorIndex, body_by_first_word, team_name
from bot.briefing.causes import CAUSE_NOUNS
from bot.briefing.credits import credit_tokens
from bot.briefing.demonyms import state_agents
from bot.briefing.entities import repair_entities, start_before_for
from bot.briefing.entitykinds import (
    capitalised_by_place,
    entity_kind,
    measured_products,
    nationality_description,
)
from bot.briefing.lexicon import (
    BODY_NOUNS,
    FEMALE_PRONOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
    name_gender,
)
from bot.briefing.names import (
    NAME_TAGS,
    POSSESSIVE,
    ActorDraft,
    bare_surname,
    drop_glued_repeat,
    name_tokens,
    name_words,
    org_key,
    person_key,
)

__all__ = [
    "ActorDraft",
    "Mention",
    "find_mentions",
    "is_heading",
    "merge_late_surnames",
    "name_in_apposition",
    "paragraph_of",
]

_PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
_BODY_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
_TITLE_CASE_WORDS = 5  # long words a title-case line needs before it reads as a headline
_BODY_SUBJECT_TIMES = 2  # times an untagged name must act as a subject to be a body
_MAX_BODY_WORDS = 4
_PANEL_NOUNS = frozenset({"panel", "committee", "subcommittee"})
_PANEL_REACH = 120  # tokens between a described committee and its name: a paragraph or two
_BODY_NAME_TIMES = 3  # times a run of capitalised words must recur to be a body's name
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The tagger's labels of a people ("Turkish") and of a state ("Ohio", "U.S."): whose government.
_STATE_LABELS = frozenset({"NORP", "GPE"})
# Labels the tagger gives a body's name it does not know (a building, a product, a work).
_MISREAD_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART"})
# Last words that make a run of capitalised words the name of a body.
_BODY_NAME_ENDS = frozenset(
    "pac league association committee coalition institute foundation council union party "
    "federation society llc inc ltd plc".split()
)
# Company and committee suffixes written in capitals that end a body's name ("X PAC").
_CAPITAL_SUFFIXES = frozenset("pac llc inc ltd plc".split())
_CLAUSE_OPENERS = frozenset({"—", "–", "-", ":", "“", '"'})
_QUOTE_MARKS = re.compile(r"[“”\"]")


@dataclass(slots=True)
class Mention:
    """One mention of an actor: a name, a pronoun, or a role noun ("the senator")."""

    start: int  # token index
    end: int
    kind: str  # "name", "pronoun" or "role"
    label: str  # actor kind: person, organization, group, place
    text: str
    paragraph: int
    actor: int | None = None  # index into doc._.brief_actors once resolved
    gender: str | None = None


def name_in_apposition(tok: Token, names: dict[int, Mention]) -> Mention | None:
    """The name set beside a noun phrase: "the mayor, Ann Lee", "The X for Refugees, Ann Lee"."""
    for child in tok.children:
        if child.dep_ == "appos" and child.i in names:
            return names[child.i]
    # The parser hangs the name on the last noun of the title: "Commissioner for Refugees".
    for prep in (c for c in tok.rights if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for child in obj.children:
                held = names.get(child.i) if child.dep_ == "appos" else None
                if held is not None and held.kind == "name" and held.label == "person":
                    return held
    return None


def paragraph_of(doc: Doc, char: int) -> int:
    """Return the index of the paragraph holding a character offset."""
    bounds = doc._.brief_paragraphs
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if bounds[mid][0] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def is_heading(doc: Doc, paragraph: int) -> bool:
    """Tell whether a paragraph is a headline or subhead rather than body text."""
    return paragraph in doc._.brief_headings


def _title_before(doc: Doc, start: int, ent_start: int) -> list[str]:
    """Collect title words right before a name ("Sen.", "President", "Mrs.")."""
    words = [t.text for t in doc[ent_start:start]]
    i = ent_start - 1
    while i >= 0 and doc[i].lower_ in TITLE_WORDS and doc[i].text[:1].isupper():
        words.insert(0, doc[i].text)
        i -= 1
    return words


def _add_person(doc: Doc, ent: Span, index: ActorIndex, create: bool) -> Mention | None:
    toks = name_tokens(ent)
    if not toks:
        return None
    words = name_words(toks)
    words += _shared_surname(doc, ent, words)
    known = index.surname_index()
    last = person_key(words)[1].lower()
    if "-" in last and all(part in known for part in last.split("-")):
        return None  # "Putin-Zelensky": two people joined, not a hyphenated surname
    if not create and last not in known:
        return None
    titles = _title_before(doc, toks[0].i, ent.start)
    honorific = next((HONORIFICS[w.lower()] for w in titles if w.lower() in HONORIFICS), None)
    actor_i = index.person(words, toks[0].i, rename=create, gender=honorific)
    actor = index.actors[actor_i]
    actor.titles.extend(titles)
    if honorific:
        actor.vote_gender(honorific, 3)
    # A one-word name is a first name only for someone the article never gives a surname.
    one_word = len(words) == 1 and actor.first is None
    gender = name_gender(words[0]) if len(words) > 1 or one_word else None
    if gender:
        actor.vote_gender(gender, 2)
    par = paragraph_of(doc, toks[0].idx)
    return Mention(toks[0].i, toks[-1].i + 1, "name", "person", " ".join(words), par, actor_i)


def _shared_surname(doc: Doc, ent: Span, words: list[str]) -> list[str]:
    """The surname a given name shares with the next one: "Charles G. and David H. Koch"."""
    initial = len(words) == 2 and len(words[1].rstrip(".")) == 1
    if not (len(words) == 1 or initial) or name_gender(words[0]) is None:
        return []
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("and", "&"):
        return []
    other = next((e for e in doc.ents if e.start == ent.end + 1), None)
    if other is None or other.label_ != "PERSON" or len(other) < 2:
        return []
    if name_gender(other[0].text) is None or not other[-1].is_title:
        return []  # "Ann and Lee Foundation", "Ann and Acme Corp": no surname to share
    return [other[-1].text]


def _add_other(doc: Doc, ent: Span, kind: str, index: ActorIndex, create: bool) -> Mention | None:
    toks = [t for t in ent if t.text not in POSSESSIVE and t.tag_ != "POS"]
    # "the federal Securities and Exchange Commission": lower-case words before a name
    # describe it; they are not part of it.
    while len(toks) > 1 and toks[0].text.islower() and any(t.text[:1].isupper() for t in toks):
        toks = toks[1:]
    if len(toks) > 2 and toks[0].text == "The" and _opens_a_clause(toks[0]):
        toks = toks[1:]  # "The Acme Gulls won": the capital is the sentence's, not the name's
    if len(toks) > 2 and toks[0].i > ent.start and _hyphened_modifier(toks):
        toks = toks[2:]  # "the pro-Ann Lee Ledger": "pro-Lee" says what the body backs
    if not toks:
        return None
    # The quote marks of the “Fight for $15” movement are no part of its name.
    surface = _QUOTE_MARKS.sub("", doc[toks[0].i : _name_end(toks)].text)
    known = index.surname_index()
    last = toks[-1].lower_
    if len(toks) > 1 and last in known and surface in index.actors[known[last]].forms:
        # "Scooter Braun's company" tagged as an organization: the person's name (issue 10).
        actor_i = known[last]
        index.actors[actor_i].mentions += 1
        par = paragraph_of(doc, toks[0].idx)
        return Mention(toks[0].i, toks[-1].i + 1, "name", "person", surface, par, actor_i)
    if len(toks) > 2 and last in known and _titled_name(toks, index.actors[known[last]]):
        # "Actress Ann Lee" tagged as an organization: a title and a person's name.
        actor_i = known[last]
        index.actors[actor_i].mentions += 1
        start = toks[-2].i
        par = paragraph_of(doc, doc[start].idx)
        return Mention(
            start, toks[-1].i + 1, "name", "person", doc[start : toks[-1].i + 1].text, par, actor_i
        )
    if len(toks) == 1 and toks[0].lower_ in known:
        # The small model often tags a well-known surname as an organization or place.
        actor_i = known[toks[0].lower_]
        index.actors[actor_i].mentions += 1
        return Mention(
            toks[0].i,
            toks[0].i + 1,
            "name",
            "person",
            toks[0].text,
            paragraph_of(doc, toks[0].idx),
            actor_i,
        )
    if not create and org_key(surface) not in {org_key(f) for a in index.actors for f in a.forms}:
        return None
    actor_i = index.other(surface, kind, toks[0].i)
    return Mention(
        toks[0].i, toks[-1].i + 1, "name", kind, surface, paragraph_of(doc, toks[0].idx), actor_i
    )


def _opens_a_clause(tok: Token) -> bool:
    """A word a capital opens anyway: a sentence's first, or after a dateline's dash or a colon."""
    prev = tok.nbor(-1) if tok.i else None
    return bool(tok.is_sent_start) or (prev is not None and prev.text in _CLAUSE_OPENERS)


def _name_end(toks: list[Token]) -> int:
    """Where a body's name ends: a slogan of two words or more without its noun.

    "Black Lives Matter", "Fight for $15", "Save the Rivers"; "the Not1More campaign" and
    the "Remain" campaign keep theirs, which says what the one word names.
    """
    end = toks[-1].i + 1
    if len(toks) < 3 or not toks[-1].text.islower() or toks[-1].lower_ not in CAUSE_NOUNS:
        return end
    words = [t for t in toks[:-1] if not _QUOTE_MARKS.fullmatch(t.text)]
    return words[-1].i + 1 if len(words) >= 2 else end


def _hyphened_modifier(toks: list[Token]) -> bool:
    """Tell whether a name starts with the rest of a hyphened modifier ("-Lee" of "pro-Lee")."""
    hyphen, word = toks[0], toks[1]
    return hyphen.text == "-" and not hyphen.whitespace_ and bool(word.whitespace_)


def _titled_name(toks: list[Token], person: ActorDraft) -> bool:
    """Tell whether words are titles followed by a known person's first name and surname."""
    name = f"{toks[-2].text} {toks[-1].text}"
    titles = toks[:-2]
    return name in person.forms and all(
        t.lower_ in TITLE_WORDS or t.lower_ in ROLE_NOUNS for t in titles
    )


def _outside(ents: list[Span], skip: set[int]) -> list[Span]:
    """Entities with their words in datelines and credits cut off ("CLEVELAND - X")."""
    out = []
    for ent in ents:
        start = ent.start
        while start < ent.end and start in skip:
            start += 1
        if start == ent.end:
            continue
        out.append(ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_))
    return out


def _headline_like(doc: Doc, paragraph: int) -> bool:
    """Tell whether a paragraph is a heading or a line in title case ("A Blasts B For C").

    The tagger reads a title-case line's capitalised words as names, so such a line only
    mentions actors the body names.
    """
    if is_heading(doc, paragraph):
        return True
    lo, hi = doc._.brief_paragraphs[paragraph]
    words = [w for w in doc._.brief_text[lo:hi].split() if w[:1].isalpha()]
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(w[:1].isupper() for w in long_words)
    if len(long_words) < _TITLE_CASE_WORDS or capitalised < 0.8 * len(long_words):
        return False
    # "Acme Magazine chose Chancellor Ann Lee as its Person of the Year." is a sentence:
    # a headline in title case capitalises its verbs too.
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return span is None or not any(t.pos_ == "VERB" and t.is_lower for t in span)


def _name_mentions(doc: Doc, index: ActorIndex, skip: set[int]) -> list[Mention]:
    """Mentions by name: body text creates actors, headings only mention known ones."""
    found_ents = _outside(repair_entities(doc), skip)
    products = measured_products(found_ents)
    ents = [
        (e, None if org_key(e.text).removesuffix("s") in products else entity_kind(e))
        for e in found_ents
    ]
    headline = {n for n in range(len(doc._.brief_paragraphs)) if _headline_like(doc, n)}
    body = [(e, k) for e, k in ents if k and paragraph_of(doc, e.start_char) not in headline]
    heads = [(e, k) for e, k in ents if k and paragraph_of(doc, e.start_char) in headline]
    found: list[Mention] = []
    people = [(e, name_tokens(e)) for e, k in body if k == "person"]
    index.prepare([(name_words(toks), toks[0].i) for _e, toks in people if toks])
    # People first, so that a surname tagged as an organization is recognised as a person.
    for group, create in ((body, True), (heads, False)):
        for ent, kind in sorted(group, key=lambda ek: ek[1] != "person"):
            mention = (
                _add_person(doc, ent, index, create)
                if kind == "person"
                else _add_other(doc, ent, kind or "", index, create)
            )
            if mention:
                found.append(mention)
    return found


def _missed_surnames(doc: Doc, index: ActorIndex, taken: set[int]) -> list[Mention]:
    """Surnames of known people that the tagger did not mark as entities."""
    known = index.surname_index()
    found = []
    for tok in doc:
        # Capitalised is enough: the tagger reads "Trump" at a sentence start as a noun.
        if tok.i not in taken and tok.text[:1].isupper() and tok.lower_ in known:
            prev = doc[tok.i - 1] if tok.i else None
            if prev is not None and prev.tag_ in NAME_TAGS and prev.i not in taken:
                continue  # part of another name ("Bill" before "Clinton" was not tagged)
            actor_i = known[tok.lower_]
            index.actors[actor_i].mentions += 1
            index.actors[actor_i].forms.add(tok.text)
            found.append(
                Mention(
                    tok.i,
                    tok.i + 1,
                    "name",
                    "person",
                    tok.text,
                    paragraph_of(doc, tok.idx),
                    actor_i,
                )
            )
    return found


def _missed_team_names(doc: Doc, index: ActorIndex, taken: set[int]) -> list[Mention]:
    """A team's last word said alone ("the Lakers’ win") that the tagger did not mark."""
    teams: dict[str, list[int]] = {}
    for i, actor in enumerate(index.actors):
        words = actor.name.split()
        if actor.kind == "organization" and team_name(words):
            teams.setdefault(words[-1], []).append(i)
    found = []
    for tok in doc:
        ids = teams.get(tok.text, [])
        if tok.i in taken or len(ids) != 1:
            continue
        if _inside_another_name(doc, tok.i, taken):
            continue
        index.actors[ids[0]].mentions += 1
        index.actors[ids[0]].forms.add(tok.text)
        par = paragraph_of(doc, tok.idx)
        found.append(Mention(tok.i, tok.i + 1, "name", "organization", tok.text, par, ids[0]))
    return found


def _inside_another_name(doc: Doc, i: int, taken: set[int]) -> bool:
    """A capitalised word before this one makes it part of a name ("Acme Gulls")."""
    prev = doc[i - 1] if i else None
    if prev is None or not prev.text[:1].isupper() or prev.i in taken:
        return False
    return not (prev.is_sent_start and prev.lower_ == "the")  # "The Gulls won"


def _untagged_people(
    doc: Doc, index: ActorIndex, taken: set[int], quoted: list[bool]
) -> list[Mention]:
    """Find people the tagger missed.

    A capitalised name counts when it starts with a common first name, or stands in
    apposition to a role noun ("His deputy, Ines Salo, ...").
    """
    found = []
    i = 0
    while i < len(doc):
        run = _proper_run(doc, i, taken, quoted)
        if len(run) >= 2 and _person_run(run):
            words = drop_glued_repeat([t.text for t in run])
            actor_i = index.person(words, run[0].i)
            found.append(
                Mention(run[0].i, run[-1].i + 1, "name", "person", " ".join(words),
                        paragraph_of(doc, run[0].idx), actor_i)
            )  # fmt: skip
        i += max(1, len(run))
    return found


def _proper_run(doc: Doc, start: int, taken: set[int], quoted: list[bool]) -> list[Token]:
    run: list[Token] = []
    if doc[start].pos_ != "PROPN":  # most tokens: no run starts here (checked per token)
        return run
    for i in range(start, min(start + 5, len(doc))):
        tok = doc[i]
        # "NoemKristi" (a name glued to its own copy) still belongs to the run.
        capitalised = tok.is_title or (tok.text[:1].isupper() and not tok.text.isupper())
        if run and _capital_suffix(tok) and tok.i not in taken and not quoted[tok.i]:
            run.append(tok)  # "Civic Values PAC": the suffix ends the name
            break
        if tok.i in taken or quoted[tok.i] or tok.pos_ != "PROPN" or not capitalised:
            break
        run.append(tok)
    # Titles and party words before a name are not part of it ("Democrat Elijah Cummings").
    # A body's name keeps them ("Conservative Values PAC").
    body = run and run[-1].lower_ in _BODY_NAME_ENDS
    while (
        len(run) > 2 and not body and (run[0].lower_ in TITLE_WORDS or run[0].lower_ in ROLE_NOUNS)
    ):
        run = run[1:]
    return run


def _capital_suffix(tok: Token) -> bool:
    """A body's suffix in capitals ("PAC", "LLC") that ends a run of capitalised words."""
    return tok.text.isupper() and tok.lower_ in _CAPITAL_SUFFIXES


def _person_run(run: list[Token]) -> bool:
    last = run[-1]
    in_apposition = last.dep_ == "appos" and last.head.lemma_.lower() in ROLE_NOUNS
    return len(run) <= 3 and (
        in_apposition or name_gender(run[0].text) is not None or _after_a_title(run)
    )


def _after_a_title(run: list[Token]) -> bool:
    """Two or three names after a capitalised title ("Chief Executive Maren Holt")."""
    doc = run[0].doc
    before: list[Token] = []
    for i in range(run[0].i - 1, max(-1, run[0].i - 3), -1):
        if not (doc[i].is_title and (doc[i].lower_ in TITLE_WORDS or doc[i].lower_ in ROLE_NOUNS)):
            break
        before.append(doc[i])
    inside = {t.i for t in run}
    return (
        len(run) >= 2
        and any(t.lower_ in TITLE_WORDS for t in before)
        # The word just before names an office ("Executive", "Sen."), not a place ("U.S.").
        and (before[0].lower_ in ROLE_NOUNS or before[0].lower_.count(".") == 1)
        and all(t.head.i in inside for t in before)  # the title is the name's own
        and not any(t.lower_ in TITLE_WORDS or t.lower_ in ROLE_NOUNS for t in run)
    )


def _untagged_bodies(
    doc: Doc, index: ActorIndex, taken: set[int], quoted: list[bool]
) -> list[Mention]:
    """Find bodies the tagger missed: a name that acts again and again, or says it is a body.

    "Zentrix activated a tool ... Zentrix created it": a capitalised word the tagger left
    untagged, acting as a subject at least twice outside quotes and headings, is a body
    (a person's name would start with a first name and was found before); so is a run of
    capitalised words ending in a body's word ("the Anti-Drought League").
    """
    runs: dict[str, list[list[Token]]] = {}
    i = 0
    while i < len(doc):
        run = _proper_run(doc, i, taken, quoted)
        if run and not any(t.ent_type_ and t.ent_type_ not in _MISREAD_LABELS for t in run):
            run = _with_what_it_is_for(doc, _hyphened(doc, run, taken), taken)
            runs.setdefault(doc[run[0].i : run[-1].i + 1].text, []).append(run)
        i += max(1, len(run))
    found = []
    for surface, spans in runs.items():
        if not _body_name(spans[0]):
            continue
        if len(spans[0]) == 1 and capitalised_by_place(spans[0][0]):
            continue  # "Plague is spread by fleas" beside "the plague"
        in_body = _in_body_text(doc, spans)
        acting = [run for run in in_body if run[-1].dep_ in _SUBJECTS]
        # "Civic Values PAC", "Farmers League": a body's own last word says what it is.
        titled = len(spans[0]) > 1 and spans[0][-1].lower_ in _BODY_NAME_ENDS
        # "Black Girls Rock!" named again and again (the tagger calls it a building at times).
        repeated = len(spans[0]) > 1 and len(in_body) >= _BODY_NAME_TIMES
        the_named = _named_with_the(doc, in_body, taken)
        if len(acting) < _BODY_SUBJECT_TIMES and not titled and not repeated and not the_named:
            continue
        if the_named:
            surface = "The " + surface  # "The Advocate": the article's own name for it
        for run in spans:
            par = paragraph_of(doc, run[0].idx)
            actor_i = index.other(surface, "organization", run[0].i)
            found.append(
                Mention(run[0].i, run[-1].i + 1, "name", "organization", surface, par, actor_i)
            )
    return found


def _named_with_the(doc: Doc, runs: list[list[Token]], taken: set[int]) -> bool:
    """A name after a capitalised "The" inside a sentence ("the editors of The Advocate").

    Mid-sentence, "The" keeps its capital only as part of a title: a newspaper's, a
    band's, a company's.
    """
    for run in runs:
        before = doc[run[0].i - 1] if run[0].i else None
        if (
            before is not None
            and before.text == "The"
            and not before.is_sent_start
            and before.i not in taken
            and not doc[before.i - 1].is_punct  # '"The Gulls ...' opens a quote
        ):
            return True
    return False


def _state_agent_mentions(doc: Doc, index: ActorIndex, taken: set[int]) -> list[Mention]:
    """A country named by its people's adjective and its agents ("Sudanese officials")."""
    countries = {
        a.name.lower(): i
        for i, a in enumerate(index.actors)
        if a.kind == "place" and " " not in a.name
    }
    found = []
    for start, end, actor_i in state_agents(doc, countries, taken):
        text = doc[start:end].text
        found.append(
            Mention(start, end, "name", "place", text, paragraph_of(doc, doc[start].idx), actor_i)
        )
    return found


def _in_body_text(doc: Doc, runs: list[list[Token]]) -> list[list[Token]]:
    """The runs outside headings."""
    return [run for run in runs if not is_heading(doc, paragraph_of(doc, run[0].idx))]


def _hyphened(doc: Doc, run: list[Token], taken: set[int]) -> list[Token]:
    """Take in a capitalised word glued on by a hyphen ("Anti-" of "Anti-Defamation")."""
    i = run[0].i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return run
    before = doc[i - 2]
    if before.i in taken or not before.is_title or not before.is_alpha:
        return run
    return [before, doc[i - 1], *run]


def _with_what_it_is_for(doc: Doc, run: list[Token], taken: set[int]) -> list[Token]:
    """Take in a capitalised word and "for" before a body's name ("Ready for Ocean PAC")."""
    start = start_before_for(doc, run[0].i, run[-1], taken, _BODY_NAME_ENDS)
    return [*doc[start : run[0].i], *run]


def _body_name(run: list[Token]) -> bool:
    """Words that can name a body: no title, first name, dateline or sentence-opening word."""
    first = run[0]
    return (
        len([t for t in run if t.text != "-"]) <= _MAX_BODY_WORDS
        and first.lower_ not in TITLE_WORDS
        and (first.lower_ not in ROLE_NOUNS or run[-1].lower_ in _BODY_NAME_ENDS)
        and name_gender(first.text) is None
        and not any(t.text.isupper() for t in run[:-1])
        and (not run[-1].text.isupper() or _capital_suffix(run[-1]))
        and all(t.is_alpha or t.text == "-" for t in run)
    )


def _pronoun_and_role_mentions(doc: Doc, quoted: list[bool], taken: set[int]) -> list[Mention]:
    found = []
    for tok in doc:
        if not quoted[tok.i] and tok.i not in taken and nationality_description(tok):
            par = paragraph_of(doc, tok.idx)
            # "the Finn said" is the person in mind, as "he said" would be.
            found.append(Mention(tok.i, tok.i + 1, "pronoun", "person", tok.text, par))
            continue
        if quoted[tok.i] or tok.i in taken or tok.pos_ not in ("PRON", "NOUN"):
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low not in _PERSON_PRONOUNS and low not in GROUP_PRONOUNS:
            continue
        par = paragraph_of(doc, tok.idx)
        if is_heading(doc, par):
            continue
        if tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
            gender = "m" if low in MALE_PRONOUNS else "f"
            found.append(
                Mention(tok.i, tok.i + 1, "pronoun", "person", tok.text, par, gender=gender)
            )
        elif tok.pos_ == "PRON" and low in GROUP_PRONOUNS:
            found.append(Mention(tok.i, tok.i + 1, "pronoun", "group", tok.text, par))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in BODY_NOUNS and _definite(tok):
            # "the ministry said": the body named earlier, resolved by the sweep.
            found.append(
                Mention(tok.i, tok.i + 1, "role", "organization", tok.lemma_.lower(), par)
            )
        elif _role_noun_alone(tok, taken):
            found.append(Mention(tok.i, tok.i + 1, "role", "person", tok.lemma_.lower(), par))
    return found


def _role_noun_alone(tok: Token, names: set[int]) -> bool:
    """A definite role noun ("the senator said") not in apposition to a name beside it.

    "the prime minister, Ana Lee": the name says who; the noun is not resolved apart.
    """
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ROLE_NOUNS or not _definite(tok):
        return False
    if tok.dep_ == "appos" and tok.head.i in names:
        return False
    return not any(c.dep_ == "appos" and c.i in names for c in tok.children)


def _body_mentions(
    doc: Doc, index: ActorIndex, owners: dict[int, int], taken: set[int], quoted: list[bool]
) -> list[Mention]:
    """Bodies the article names by a description: "Russia's foreign ministry said".

    A body noun ("ministry", "administration", "campaign") heading its phrase, with a name
    before it that says whose body it is, is an organization named by the article's own
    words. Its noun is the mention, so "the ministry said" finds it as the speaker. One
    owner's body of one kind is one actor ("the Sanders campaign", "Bernie Sanders'
    presidential campaign"), shown by its longest description.
    """
    found = []
    bodies: dict[tuple[str, str], int] = {}
    for tok in doc:
        if tok.i in taken or quoted[tok.i] or not _body_head(tok):
            continue
        mods = [c for c in tok.lefts if c.dep_ in _BODY_MODIFIERS]
        owner = next((c for c in mods if _names_owner(c, taken)), None)
        after = None if owner is not None else _owner_after(tok, taken)
        owner = owner or after
        par = paragraph_of(doc, tok.idx)
        if owner is None or is_heading(doc, par):
            continue
        start = min([tok.i] + [t.i for c in mods for t in c.subtree])
        while start < tok.i and doc[start].dep_ in ("det", "predet", "punct", "case"):
            start += 1
        end = tok.i + 1 if after is None else after.right_edge.i + 1
        surface = doc[start:end].text
        key = (str(owners.get(owner.i, owner.lower_)), tok.lemma_.lower())
        if key in bodies:
            actor_i = bodies[key]
            actor = index.actors[actor_i]
            actor.forms.add(surface)
            if _fuller_body_name(surface, actor.name):
                actor.name = surface
        else:
            actor_i = bodies[key] = index.other(surface, "organization", start)
        found.append(Mention(tok.i, tok.i + 1, "name", "organization", surface, par, actor_i))
    return found


def _panels_named_nearby(bodies: list[Mention], names: list[Mention], index: ActorIndex) -> None:
    """A committee described by its owner is the one named just before or after it.

    "A House panel voted Thursday ... The House Oversight Committee voted 19-15": the
    article names the panel it described; "the panel" then finds that committee too.
    """
    firsts: dict[int, int] = {}
    for m in names:
        if m.actor is not None and m.label == "organization":
            firsts.setdefault(m.actor, m.start)
    for m in bodies:
        described = index.actors[m.actor] if m.actor is not None else None
        words = described.name.split() if described is not None else []
        if len(words) != 2 or words[-1].lower() not in _PANEL_NOUNS:
            continue
        near = [
            (abs(start - m.start), actor_i)
            for actor_i, start in firsts.items()
            if abs(start - m.start) <= _PANEL_REACH and _panel_of(index.actors[actor_i], words[0])
        ]
        if near:
            m.actor = min(near)[1]


def _panel_of(actor: ActorDraft, owner: str) -> bool:
    """A named committee of this owner ("House ... Committee" for "House panel")."""
    words = actor.name.split()
    return len(words) > 2 and words[0] == owner and words[-1].lower() in _PANEL_NOUNS


def _fuller_body_name(new: str, old: str) -> bool:
    """The longest description names a body, one without an owner's "'s" first.

    "the Clinton campaign" beats "Hillary Clinton's campaign"; "the Sanders presidential
    campaign" beats "the Sanders campaign".
    """
    owned_new, owned_old = ("'" in new or "’" in new), ("'" in old or "’" in old)
    if owned_new != owned_old:
        return owned_old
    return len(new) > len(old)


def _body_head(tok: Token) -> bool:
    """A lower-case body noun that heads its noun phrase ("the Obama administration")."""
    return (
        tok.lemma_.lower() in BODY_NOUNS
        and tok.text.islower()
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ not in ("compound", "amod", "nmod", "poss")
    )


def _owner_after(noun: Token, taken: set[int]) -> Token | None:
    """The name after "of" that says whose body it is ("the city council of Port Alder")."""
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            # A body of a body ("a panel of the Court of Appeals") is that body at work.
            return next(
                (
                    c
                    for c in prep.children
                    if c.dep_ == "pobj" and c.ent_type_ != "ORG" and _names_owner(c, taken)
                ),
                None,
            )
    return None


def _names_owner(mod: Token, taken: set[int]) -> bool:
    """A modifier that names whose body it is: a name, or a nationality ("French")."""
    if mod.ent_type_ == "NORP" and mod.dep_ == "amod":
        return True
    return mod.dep_ != "amod" and mod.i in taken and mod.pos_ == "PROPN"


def _state_government(doc: Doc, mention: Mention) -> bool:
    """A body named "government" of a people or a state ("the Turkish government")."""
    head = doc[mention.end - 1]
    if mention.kind != "name" or mention.label != "organization" or head.lemma_ != "government":
        return False
    after = [c for p in head.rights if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    owners = [*doc[mention.start : mention.end - 1], *head.lefts, *after]
    return any(t.ent_type_ in _STATE_LABELS and t.dep_ != "det" for t in owners)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _surnames_tagged_as_bodies(names: list[Mention], index: ActorIndex) -> None:
    """A one-word "organization" that is the surname of a person found later is that person.

    The tagger's entities are read before the people it missed, so "Noem said" may have
    made an organization before "Kristi Noem" was found.
    """
    known = index.surname_index()
    for m in names:
        surname = bare_surname(m.text)
        if m.label in ("organization", "place") and surname and surname in known:
            m.actor, m.label = known[surname], "person"


def _companies_named_by_first_word(names: list[Mention], index: ActorIndex) -> None:
    """A one-word "person" or place that opens a company's name is the company.

    "Pellrose said" after "Pellrose Therapeutics"; "Skyvale has offered" after "Skyvale
    Airways" (the tagger took it for a town).
    """
    for m in names:
        if m.label not in ("person", "place") or m.actor is None or " " in m.text:
            continue
        actor = index.actors[m.actor]
        if actor.first or actor.name != m.text:
            continue  # a surname of someone named in full is that person
        body = body_by_first_word(index.actors, m.text)
        if body is not None:
            m.actor, m.label = body, "organization"


def merge_late_surnames(doc: Doc) -> dict[int, int]:
    """Give a one-word body's mentions to the person whose surname it is; return the moves.

    The attribution sweep may find a person the tagger missed ("said Kristi Noem") after
    "Noem" was taken for an organization.
    """
    actors: list[ActorDraft] = doc._.brief_actors
    people: dict[str, int] = {}
    for i, actor in enumerate(actors):
        if actor.kind == "person" and actor.first and actor.last:
            people.setdefault(actor.last.lower(), i)
    moved = {
        i: people[surname]
        for i, a in enumerate(actors)
        if a.kind in ("organization", "place")
        and (surname := bare_surname(a.name))
        and surname in people
    }
    for m in doc._.brief_mentions:
        if m.actor in moved:
            m.actor, m.label = moved[m.actor], "person"
    return moved


def find_mentions(doc: Doc, quoted: list[bool]) -> None:
    """Write doc._.brief_mentions (in text order) and doc._.brief_actors."""
    index = ActorIndex()
    credits = credit_tokens(doc)
    names = _name_mentions(doc, index, credits)
    taken = credits | {i for m in names for i in range(m.start, m.end)}
    names += _untagged_people(doc, index, taken, quoted)
    _surnames_tagged_as_bodies(names, index)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += _missed_surnames(doc, index, taken)
    _companies_named_by_first_word(names, index)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += _missed_team_names(doc, index, taken)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += _untagged_bodies(doc, index, taken, quoted)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += _state_agent_mentions(doc, index, taken)
    taken |= {i for m in names for i in range(m.start, m.end)}
    owners = {i: m.actor for m in names if m.actor is not None for i in range(m.start, m.end)}
    bodies = _body_mentions(doc, index, owners, taken, quoted)
    _panels_named_nearby(bodies, names, index)
    names += bodies
    taken |= {i for m in names for i in range(m.start, m.end)}
    mentions = names + _pronoun_and_role_mentions(doc, quoted, taken)
    mentions.sort(key=lambda m: m.start)
    for actor in index.actors:
        actor.mentions = 0
    for m in mentions:
        if m.actor is not None:
            index.actors[m.actor].mentions += 1
            index.actors[m.actor].state |= _state_government(doc, m)
    doc._.brief_mentions = mentions
    doc._.brief_actors = index.actors
