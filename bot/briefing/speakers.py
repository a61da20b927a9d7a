"""Name the speaker of every quote: cues, pronouns, role nouns and continuation quotes.

One left-to-right sweep over the paragraphs. Mentions update a salience model (pronouns
and role nouns are resolved against it as they come), then the paragraph's quotes get
their cues. A quote with no cue of its own takes the speaker of a cued quote in the same
paragraph (a quote split by its attribution), of the quote it continues (a quote running
over paragraphs), of a paragraph that announced it ("He said:"), or the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bot.briefing.cues import Cue, find_cue, windows_of
from bot.briefing.lexicon import MALE_PRONOUNS, ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS
from bot.briefing.mentions import ActorDraft, Mention, is_heading
from bot.briefing.quotemarks import MarkedSpan
from bot.briefing.quotes import CUED, speech_kind
from bot.briefing.salience import Salience, clause_weight, is_subject

__all__ = ["QuoteDraft", "attribute_quotes"]

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’']?\s+")
_CONTINUATION_REACH = 3  # paragraphs a speaker stays current without being named again
_SUBJECT_ONLY = 80.0  # clause_weight of a subject outside the main clause
_SIGNATURE_WORDS = 12  # an undashed signature line is a name and an affiliation, no more


@dataclass(slots=True)
class QuoteDraft:
    """A quoted span with what is known of its speaker."""

    span: MarkedSpan
    first: int  # first token of the quote
    last: int  # token after the quote
    actor: int | None = None
    speaker: str | None = None  # shown when no actor is known ("a campaign spokesman")
    verb: str | None = None
    channel: str | None = None
    how: str = "none"  # verb, according, colon, dash, split, continued, announced, last
    side: str = ""
    lead: str = ""  # unquoted words before the quote in its sentence
    kind: str | None = None  # direct, partial, or None for a scare quote or a title
    source: int | None = None  # token the cue names as the speaker


@dataclass(slots=True)
class _Sweep:
    doc: Doc
    quoted: list[bool]
    actors: list[ActorDraft]
    salience: Salience
    by_token: dict[int, Mention]
    last: QuoteDraft | None = None
    last_paragraph: int = -10
    announced: QuoteDraft | None = None  # a cue that ended its paragraph with a colon
    introduced: tuple[int, int] | None = (
        None  # (actor, paragraph): a quote-less paragraph's subject
    )


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def _resolve_mentions(sweep: _Sweep, mentions: list[Mention], sentence_of: list[int]) -> None:
    for m in mentions:
        sweep.salience.at_sentence(sentence_of[m.start])
        head = sweep.doc[m.end - 1]
        if m.kind == "pronoun":
            m.actor = sweep.salience.best(m.label, m.gender, subject=is_subject(head))
            if m.actor is not None and m.gender:
                sweep.actors[m.actor].vote_gender(m.gender)
        elif m.kind == "role":
            m.actor = sweep.salience.best("person", None, m.text)
        # Names inside a quote are what the speaker talks about, not who the text is about.
        if m.actor is not None and not sweep.quoted[m.start]:
            sweep.salience.mention(m.actor, clause_weight(head), is_subject(head))
            if _reports_speech(head):
                # "X said that ...": X is now the source a following "he said" continues.
                sweep.salience.spoke(m.actor)


def _reports_speech(head: Token) -> bool:
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


def _noun_phrase(tok: Token) -> str:
    """The words of a speaker noun phrase, without relative clauses or trailing commas."""
    cut = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    words = [t for t in tok.subtree if t.i not in cut and not t.is_punct]
    left = [t for t in words if t.i <= tok.i]
    right = [t for t in words if t.i > tok.i][:6]
    return " ".join(t.text for t in left + right).strip()


def _source_actor(sweep: _Sweep, tok: Token) -> tuple[int | None, str | None]:
    """Map a cue's source token to an actor, or to a description when none fits."""
    mention = sweep.by_token.get(tok.i)
    # "the mayor, Anna Keller, said": the name in apposition says who, better than the role.
    named = [c for c in tok.children if c.dep_ == "appos" and c.i in sweep.by_token]
    if named and (mention is None or mention.kind != "name"):
        mention = sweep.by_token[named[0].i]
    if mention is not None and (mention.kind != "role" or mention.actor is not None):
        if mention.kind == "pronoun" and mention.gender:
            return _pronoun_speaker(sweep, mention), None
        return mention.actor, None
    if tok.lower_ == "i" or tok.pos_ == "PRON":
        return None, None
    if tok.pos_ in ("PROPN", "NOUN"):
        inside = _person_inside(sweep, tok)
        if inside is not None:
            return inside, None
    if tok.pos_ == "PROPN":
        return _new_person(sweep, tok), None
    if tok.lemma_.lower() in ROLE_NOUNS:
        actor = sweep.salience.best("person", None, tok.lemma_.lower())
        if actor is not None and any(c.lower_ == "the" for c in tok.children):
            return actor, None
    return None, _noun_phrase(tok)


def _pronoun_speaker(sweep: _Sweep, pronoun: Mention) -> int | None:
    """A speaker pronoun refers to the person this paragraph has made its subject, if any.

    "Armstrong Williams, Carson's adviser, suggested ... "...," he told the AP": the
    subject of the paragraph's main clause beats a person the article mentions more.
    """
    found = _paragraph_subject(sweep, pronoun.start, pronoun.gender)
    if found is not None:
        return found
    return _recent_speaker(sweep, pronoun) or pronoun.actor


def _recent_speaker(sweep: _Sweep, pronoun: Mention) -> int | None:
    """With no subject in its paragraph, "he said" continues the source just quoted."""
    last = sweep.last
    if last is None or last.actor is None or pronoun.paragraph - sweep.last_paragraph > 1:
        return None
    compatible = sweep.salience.compatible(last.actor, "person", pronoun.gender, None)
    return last.actor if compatible else None


def _paragraph_subject(
    sweep: _Sweep, before: int, gender: str | None, named: bool = True
) -> int | None:
    """The last person this paragraph made a subject before a token, main clauses first."""
    doc = sweep.doc
    found: list[tuple[bool, int]] = []
    for i in range(before - 1, -1, -1):
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
    return _last_named(sweep, before, gender) if named else None


def _last_named(sweep: _Sweep, before: int, gender: str | None) -> int | None:
    """The last person named in the paragraph before a token, when no subject was parsed."""
    doc = sweep.doc
    for i in range(before - 1, -1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            return None
        m = sweep.by_token.get(i)
        if m is None or m.kind != "name" or m.actor is None or sweep.quoted[i]:
            continue
        if m.label == "person" and sweep.salience.compatible(m.actor, "person", gender, None):
            return m.actor
    return None


def _prefer_last_speaker(sweep: _Sweep, mention: Mention) -> int | None:
    """A pronoun speaker usually continues the last speaker when the gender allows it."""
    last = sweep.last.actor if sweep.last else None
    if last is None or not sweep.salience.compatible(last, "person", mention.gender, None):
        return mention.actor
    if mention.actor is None or sweep.salience.score(last) * 2 >= sweep.salience.score(
        mention.actor
    ):
        return last
    return mention.actor


def _person_inside(sweep: _Sweep, tok: Token) -> int | None:
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


def _name_run(tok: Token) -> list[Token]:
    """The capitalised words around a token that form a name, titles and ranks trimmed.

    "Army Capt. Christian Pardo" -> "Christian Pardo"; only adjacent words count, so the
    "King" of "the nephew of the late King Abdullah" never joins "Alwaleed".
    """
    doc = tok.doc
    lo = hi = tok.i
    while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].text[:1].isupper():
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].text[:1].isupper():
        hi += 1
    words = list(doc[lo : hi + 1])
    while len(words) > 1 and (words[0].lower_ in TITLE_WORDS or words[0].lower_ in ROLE_NOUNS):
        words = words[1:]
    return words


def _new_person(sweep: _Sweep, tok: Token) -> int:
    """Make an actor of a name the tagger missed ("said Stu Burguiere")."""
    words = _name_run(tok)
    tok = words[-1]
    name = " ".join(t.text for t in words)
    for i, actor in enumerate(sweep.actors):
        if actor.kind == "person" and actor.last.lower() == tok.lower_:
            return i
    first = words[0].text if len(words) > 1 else None
    sweep.actors.append(
        ActorDraft(
            name=name,
            kind="person",
            forms={name},
            first=first,
            last=tok.text,
            mentions=1,
            first_token=tok.i,
        )
    )
    return len(sweep.actors) - 1


def _apply_cue(sweep: _Sweep, draft: QuoteDraft, cue: Cue) -> None:
    draft.verb, draft.channel, draft.how, draft.side = cue.verb, cue.channel, cue.how, cue.side
    if cue.source is not None:
        draft.source = cue.source
        draft.actor, draft.speaker = _source_actor(sweep, sweep.doc[cue.source])


def _inherit(draft: QuoteDraft, other: QuoteDraft, how: str) -> None:
    draft.actor, draft.speaker, draft.how = other.actor, other.speaker, how
    draft.verb, draft.channel = other.verb, other.channel


def _paragraph_tokens(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int]:
    span = doc.char_span(bounds[0], bounds[1], alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _quote_tokens(doc: Doc, span: MarkedSpan) -> tuple[int, int]:
    chars = doc.char_span(span.start, span.end, alignment_mode="expand")
    if chars is None:
        return 0, 0
    first, last = chars.start, chars.end
    # Step over the marks themselves so the windows hold only unquoted words.
    if first > 0 and doc[first - 1].is_quote:
        first -= 1
    # Any mark closes: scraped text often has the wrong one ('...,“ she said').
    if last < len(doc) and doc[last].is_quote:
        last += 1
    return first, last


def _cue_paragraph(sweep: _Sweep, drafts: list[QuoteDraft], lo: int, hi: int) -> None:
    doc = sweep.doc
    for draft in drafts:
        before, after = windows_of(doc, sweep.quoted, draft.first, draft.last, lo, hi)
        draft.lead = (
            doc._.brief_text[doc[before.start].idx : draft.span.start]
            if before.end > before.start
            else ""
        )
        # Only the lead's own sentence counts ("...," she wrote on X. "The sky ...").
        lead = _SENTENCE_BREAK.split(draft.lead.rstrip(" “\"‘'«„"))[-1]
        # A lead that ends its own sentence ('she wrote on X.') leads into nothing.
        draft.lead = "" if lead.endswith((".", "!", "?")) else lead
        cue = find_cue(doc, sweep.quoted, before, after, draft.span.end)
        if cue is not None:
            _apply_cue(sweep, draft, cue)
            draft.kind = _kind(doc, draft)
    cued = [d for d in drafts if d.kind and (d.actor is not None or d.speaker)]
    # A split quote continues the paragraph's direct quote, not a phrase quoted in passing.
    cued = [d for d in cued if d.kind == "direct"] or cued
    for draft in drafts:
        if draft.how == "none" and cued:
            earlier = [d for d in cued if d.first < draft.first]
            _inherit(draft, earlier[-1] if earlier else cued[0], "split")
        elif draft.how == "none" and draft.first > lo:
            # "Clinton touted her record. "We need ...": the paragraph's subject speaks.
            actor = _paragraph_subject(sweep, draft.first, None)
            if actor is not None:
                draft.actor, draft.how = actor, "paragraph"


def _kind(doc: Doc, draft: QuoteDraft) -> str | None:
    return speech_kind(doc._.brief_text[draft.span.start : draft.span.end], draft.lead, draft.how)


def _opens_paragraph(sweep: _Sweep, draft: QuoteDraft, paragraph: int) -> bool:
    """A quote running on from the last paragraph opens this one with its quote mark."""
    start = sweep.doc._.brief_paragraphs[paragraph][0]
    return not sweep.doc._.brief_text[start : draft.span.start].strip(" “\"‘'«„")


def _continue_speaker(sweep: _Sweep, draft: QuoteDraft, paragraph: int) -> None:
    previous = sweep.last
    if (
        previous is not None
        and not previous.span.closed
        and previous.span.paragraph == paragraph - 1
        and _opens_paragraph(sweep, draft, paragraph)
    ):
        _inherit(draft, previous, "continued")
    elif sweep.announced is not None and sweep.announced.span.paragraph == paragraph - 1:
        _inherit(draft, sweep.announced, "announced")
    elif (
        sweep.introduced is not None
        and sweep.introduced[1] == paragraph - 1
        and _opens_paragraph(sweep, draft, paragraph)
    ):
        # "Trump bristled when asked about the hotel." then a bare quote: Trump speaks.
        draft.actor, draft.how = sweep.introduced[0], "introduced"
    elif previous is not None and paragraph - sweep.last_paragraph <= _CONTINUATION_REACH:
        _inherit(draft, previous, "last")


def _announcement(sweep: _Sweep, paragraph: int, lo: int, hi: int) -> QuoteDraft | None:
    """A paragraph that ends with 'He said:' announces the quote that follows."""
    doc = sweep.doc
    end = hi
    while end > lo and doc[end - 1].is_space:
        end -= 1
    if end <= lo or doc[end - 1].text != ":" or (end - 1 > lo and sweep.quoted[end - 2]):
        return None
    span = MarkedSpan(doc[end - 1].idx, doc[end - 1].idx + 1, paragraph, True, True)
    draft = QuoteDraft(span, end, end)
    before, after = windows_of(doc, sweep.quoted, end, end, lo, hi)
    cue = find_cue(doc, sweep.quoted, before, after, span.end)
    if cue is None:
        return None
    _apply_cue(sweep, draft, cue)
    return draft if draft.actor is not None or draft.speaker else None


def _note_speaker(sweep: _Sweep, draft: QuoteDraft, paragraph: int) -> None:
    if draft.actor is not None:
        sweep.salience.spoke(draft.actor)
    if draft.actor is not None or draft.speaker:
        sweep.last, sweep.last_paragraph = draft, paragraph


def _signature(sweep: _Sweep, paragraph: int) -> int | None:
    """A line after a quote that signs it: "- Bernie Sanders." or "Josh Bivens, EPI"."""
    doc = sweep.doc
    if paragraph >= len(doc._.brief_paragraphs):
        return None
    lo, hi = _paragraph_tokens(doc, doc._.brief_paragraphs[paragraph])
    toks = [t for t in doc[lo:hi] if not t.is_space]
    if not toks or any(sweep.quoted[t.i] for t in toks):
        return None
    dashed = toks[0].text.strip("-—―–") == ""
    head = toks[1:7] if dashed else toks[:4]
    if not dashed and (sum(t.is_alpha for t in toks) > _SIGNATURE_WORDS or _has_verb(toks[:6])):
        return None
    for tok in head:
        m = sweep.by_token.get(tok.i)
        if m is not None and m.kind == "name" and m.label == "person":
            return m.actor
    return None


def _has_verb(toks: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") for t in toks)


def attribute_quotes(doc: Doc, quoted: list[bool]) -> list[QuoteDraft]:
    """Attribute every quoted span of the document; return them in text order."""
    actors: list[ActorDraft] = doc._.brief_actors
    mentions: list[Mention] = doc._.brief_mentions
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    sweep = _Sweep(doc, quoted, actors, Salience(actors), by_token)
    sentence_of = _sentence_index(doc)
    spans: list[MarkedSpan] = doc._.brief_spans
    drafts: list[QuoteDraft] = []
    for paragraph, bounds in enumerate(doc._.brief_paragraphs):
        lo, hi = _paragraph_tokens(doc, bounds)
        _resolve_mentions(sweep, [m for m in mentions if m.paragraph == paragraph], sentence_of)
        here = [QuoteDraft(s, *_quote_tokens(doc, s)) for s in spans if s.paragraph == paragraph]
        if is_heading(doc, paragraph):
            continue
        _cue_paragraph(sweep, here, lo, hi)
        signed = _signature(sweep, paragraph + 1) if here else None
        for draft in here:
            if draft.how == "none" and signed is not None:
                draft.actor, draft.how = signed, "dash"
            if draft.how == "none":
                _continue_speaker(sweep, draft, paragraph)
            if draft.how not in CUED:
                draft.kind = _kind(doc, draft)
            if draft.kind:
                _note_speaker(sweep, draft, paragraph)
        speech = [d for d in here if d.kind]
        announced = _announcement(sweep, paragraph, lo, hi) if not speech else None
        sweep.announced = announced or (None if speech else sweep.announced)
        subject = None if speech else _paragraph_subject(sweep, hi, None, named=False)
        sweep.introduced = (subject, paragraph) if subject is not None else None
        drafts.extend(speech)
    return drafts


def pronoun_gender(word: str) -> str:
    """Return 'm' or 'f' for a third-person singular pronoun."""
    return "m" if word.lower() in MALE_PRONOUNS else "f"
