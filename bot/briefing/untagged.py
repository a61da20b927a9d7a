"""Names the tagger missed: people, surnames, teams and bodies found by how they are written.

The small English model leaves out names it has not seen ("said Kristi Noem", "the Bears",
"Civic Values PAC") and takes some surnames and company names for other things. These
passes find them from capitals, titles, body nouns and the names already found.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from bot.briefing.actorindex import ActorIndex, body_by_first_word, team_name
from bot.briefing.demonyms import nationality_before_name
from bot.briefing.entities import start_before_for
from bot.briefing.entitykinds import capitalised_by_place
from bot.briefing.headwords import BODY_HEADS, NOT_BODY_HEADS
from bot.briefing.lexicon import CLUB_ENDS, ORG_NOUNS, ROLE_NOUNS, TITLE_WORDS, name_gender
from bot.briefing.mentions import Mention, is_heading, paragraph_of
from bot.briefing.names import NAME_TAGS, bare_surname, name_words

__all__ = [
    "companies_named_by_first_word",
    "missed_surnames",
    "missed_team_names",
    "surnames_tagged_as_bodies",
    "untagged_bodies",
    "untagged_people",
]


_ACRONYM_LETTERS = (3, 6)  # how long an untagged acronym may be ("NORVA")
_BODY_SUBJECT_TIMES = 2  # times an untagged name must act as a subject to be a body


_MAX_BODY_WORDS = 4


_BODY_NAME_TIMES = 3  # times a run of capitalised words must recur to be a body's name


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


# Nouns for a body that, put beside a name the tagger missed, make it a body's name (not
# the ones that also name a person's trade: "producer", "developer", "publisher").
_DESCRIBING_NOUNS = ORG_NOUNS - {"producer", "developer", "publisher", "contractor", "unit"}


# Labels the tagger gives a body's name it does not know (a building, a product, a work).
_MISREAD_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART"})


# Last words that make a run of capitalised words the name of a body.
_BODY_NAME_ENDS = frozenset(
    "pac league association committee coalition institute foundation council union party "
    "federation society alliance movement congress front llc inc ltd plc".split()
)


# Company and committee suffixes written in capitals that end a body's name ("X PAC").
_CAPITAL_SUFFIXES = frozenset("pac llc inc ltd plc".split())


def missed_surnames(doc: Doc, index: ActorIndex, taken: set[int]) -> list[Mention]:
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


def missed_team_names(doc: Doc, index: ActorIndex, taken: set[int]) -> list[Mention]:
    """A team's name said by one word that the tagger did not mark.

    Its last word ("the Lakers’ win"), or a club's first ("Harlow had led" for Harlow
    Athletic).
    """
    teams: dict[str, list[int]] = {}
    for i, actor in enumerate(index.actors):
        words = actor.name.split()
        if actor.kind == "organization" and team_name(words):
            teams.setdefault(words[-1], []).append(i)
        if actor.kind == "organization" and len(words) == 2 and words[1].lower() in CLUB_ENDS:
            teams.setdefault(words[0], []).append(i)
    found = []
    for tok in doc:
        ids = teams.get(tok.text, [])
        if tok.i in taken or len(ids) != 1:
            continue
        if _inside_another_name(doc, tok.i, taken) or _name_goes_on(doc, tok.i):
            continue
        index.actors[ids[0]].mentions += 1
        index.actors[ids[0]].forms.add(tok.text)
        par = paragraph_of(doc, tok.idx)
        found.append(Mention(tok.i, tok.i + 1, "name", "organization", tok.text, par, ids[0]))
    return found


def _name_goes_on(doc: Doc, i: int) -> bool:
    """A capitalised word after this one makes it part of a longer name ("Harlow Town")."""
    return i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN"


def _inside_another_name(doc: Doc, i: int, taken: set[int]) -> bool:
    """A capitalised word before this one makes it part of a name ("Acme Gulls")."""
    prev = doc[i - 1] if i else None
    if prev is None or not prev.text[:1].isupper() or prev.i in taken:
        return False
    return not (prev.is_sent_start and prev.lower_ == "the")  # "The Gulls won"


def untagged_people(
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
        i += max(1, len(run))
        if len(run) >= 2 and _person_run(run):
            hyphened = _hyphened(doc, run, taken)
            if hyphened is not run and name_gender(hyphened[0].text) is not None:
                run = hyphened  # "Eva-Marie Persson", not "Marie Persson"
            words = name_words(run)
            actor_i = index.person(words, run[0].i)
            found.append(
                Mention(run[0].i, run[-1].i + 1, "name", "person", " ".join(words),
                        paragraph_of(doc, run[0].idx), actor_i)
            )  # fmt: skip
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
        len(run) > 2
        and not body
        and (
            run[0].lower_ in TITLE_WORDS
            or run[0].lower_ in ROLE_NOUNS
            or nationality_before_name(run)  # "Australian Timothy Weeks"
        )
    ):
        run = run[1:]
    # "Minister for Health Eamon Fitzgerald": the department before the given name is the
    # title's, not the name's.
    while (
        len(run) > 2
        and run[0].i > 0
        and doc[run[0].i - 1].lower_ in ("for", "of")
        and name_gender(run[0].text) is None
        and name_gender(run[1].text) is not None
    ):
        run = run[1:]
    return run


def _capital_suffix(tok: Token) -> bool:
    """A body's suffix in capitals ("PAC", "LLC") that ends a run of capitalised words."""
    return tok.text.isupper() and tok.lower_ in _CAPITAL_SUFFIXES


def _person_run(run: list[Token]) -> bool:
    last = run[-1]
    if last.lower_ in _BODY_NAME_ENDS or last.lower_ in BODY_HEADS:
        return False  # "Umoja Democratic Alliance": a given name opens a body's name
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


def untagged_bodies(
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
    acronyms = _untagged_acronyms(doc, taken, quoted)
    for surface, spans in acronyms.items():
        runs.setdefault(surface, spans)
    found = []
    for surface, spans in runs.items():
        if surface in acronyms:
            # "NORVA, the Nordic space agency,": capitals alone may be a dateline or a shout
            if not _described_as_a_body(_in_body_text(doc, spans)):
                continue
        elif not _body_name(spans[0]):
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
        # "Stagepass, the ticketing company,", "Brenlow, a Dutch chip maker,": it says it is one.
        described = _described_as_a_body(in_body)
        if len(acting) < _BODY_SUBJECT_TIMES and not (
            titled or repeated or the_named or described
        ):
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


def _untagged_acronyms(
    doc: Doc, taken: set[int], quoted: list[bool]
) -> dict[str, list[list[Token]]]:
    """Words in capitals the tagger left untagged ("NORVA"), each with where it stands."""
    found: dict[str, list[list[Token]]] = {}
    for tok in doc:
        if (
            tok.is_alpha
            and tok.text.isupper()
            and _ACRONYM_LETTERS[0] <= len(tok.text) <= _ACRONYM_LETTERS[1]
            and tok.i not in taken
            and not quoted[tok.i]
            and (not tok.ent_type_ or tok.ent_type_ in _MISREAD_LABELS)
        ):
            found.setdefault(tok.text, []).append([tok])
    return found


def _described_as_a_body(runs: list[list[Token]]) -> bool:
    """Tell whether a name is put beside a noun for a body: "X, the ticketing company,"."""
    return any(
        child.dep_ == "appos" and child.lemma_.lower() in _DESCRIBING_NOUNS
        for run in runs
        for child in run[-1].children
    )


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
        and run[-1].lower_ not in NOT_BODY_HEADS  # "the Nasdaq Composite" is no body
    )


def surnames_tagged_as_bodies(names: list[Mention], index: ActorIndex) -> None:
    """A one-word "organization" that is the surname of a person found later is that person.

    The tagger's entities are read before the people it missed, so "Noem said" may have
    made an organization before "Kristi Noem" was found.
    """
    known = index.surname_index()
    for m in names:
        surname = bare_surname(m.text)
        if m.label in ("organization", "place") and surname and surname in known:
            m.actor, m.label = known[surname], "person"


def companies_named_by_first_word(names: list[Mention], index: ActorIndex) -> None:
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
