"""Name the speaker of every quote: cues, pronouns, role nouns and continuation quotes.

One left-to-right sweep over the paragraphs. Mentions update a salience model (pronouns
and role nouns are resolved against it as they come), then the paragraph's quotes get
their cues. A quote with no cue of its own takes the speaker of a cued quote in the same
paragraph (a quote split by its attribution), of the quote it continues (a quote running
over paragraphs), of a paragraph that announced it ("He said:"), or the last speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Token

from bot.briefing.cues import Cue, find_cue
from bot.briefing.cuewindows import dateline_tokens, windows_of
from bot.briefing.issuers import issuer_of
from bot.briefing.mentions import ActorDraft, Mention, is_heading
from bot.briefing.quotemarks import MarkedSpan
from bot.briefing.quotes import CUED, looks_like_work_title, speech_kind
from bot.briefing.referents import paragraph_subject, resolve_mentions, source_actor
from bot.briefing.salience import Salience
from bot.briefing.sweep import QuoteDraft, Sweep
from bot.briefing.terms import in_quoted_list, naming_cue

__all__ = ["QuoteDraft", "attribute_quotes"]

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’']?\s+")
_CONTINUATION_REACH = 3  # paragraphs a speaker stays current without being named again
_SIGNATURE_WORDS = 12  # an undashed signature line is a name and an affiliation, no more
_BEFORE_CHARS = 60  # text before a quote searched for a term it answers ("The slogan?")


def _sentence_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


def _apply_cue(sweep: Sweep, draft: QuoteDraft, cue: Cue) -> None:
    draft.verb, draft.channel, draft.how, draft.side = cue.verb, cue.channel, cue.how, cue.side
    draft.spoken = cue.spoken
    if cue.source is not None:
        draft.source = cue.source
        draft.actor, draft.speaker = source_actor(sweep, sweep.doc[cue.source])
        if draft.actor is None:
            # "the statement read", "the company said": whoever issued it speaks (issue 10).
            issuer = issuer_of(sweep, sweep.doc[cue.source])
            if issuer is not None:
                draft.actor, draft.speaker = issuer, None


def _inherit(draft: QuoteDraft, other: QuoteDraft, how: str) -> None:
    draft.actor, draft.speaker, draft.how = other.actor, other.speaker, how
    draft.verb, draft.channel, draft.spoken = other.verb, other.channel, other.spoken
    draft.source = other.source


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


def _cue_paragraph(sweep: Sweep, drafts: list[QuoteDraft], lo: int, hi: int) -> None:
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
    # `X called “Title” "a fine game."`: the title is no speech, but X's verb leads on.
    cued = cued or [d for d in drafts if d.named and d.spoken and d.actor is not None]
    for draft in drafts:
        if draft.how == "none" and cued:
            earlier = [d for d in cued if d.first < draft.first]
            _inherit(draft, earlier[-1] if earlier else cued[0], "split")
        elif draft.how == "none" and draft.first > lo:
            # "Clinton touted her record. "We need ...": the paragraph's subject speaks.
            actor = paragraph_subject(sweep, draft.first, None)
            if actor is not None:
                draft.actor, draft.how = actor, "paragraph"


def _kind(doc: Doc, draft: QuoteDraft) -> str | None:
    text = doc._.brief_text
    kind = speech_kind(
        text[draft.span.start : draft.span.end], draft.lead, draft.how, draft.spoken
    )
    before = text[max(0, draft.span.start - _BEFORE_CHARS) : draft.span.start]
    # Terms, handles and slogans set off by quote marks are nobody's words (issue 10).
    words = text[draft.span.start : draft.span.end]
    draft.named = bool(kind) and bool(
        naming_cue(doc, draft.first, draft.last, draft.lead, before)
        # "including “Listen to the Music,” “Black Water” and ..."
        or (looks_like_work_title(words) and in_quoted_list(text, *_span(draft)))
    )
    return None if draft.named else kind


def _span(draft: QuoteDraft) -> tuple[int, int]:
    return draft.span.start, draft.span.end


def _opens_paragraph(sweep: Sweep, draft: QuoteDraft, paragraph: int) -> bool:
    """A quote running on from the last paragraph opens this one with its quote mark."""
    start = sweep.doc._.brief_paragraphs[paragraph][0]
    return not sweep.doc._.brief_text[start : draft.span.start].strip(" “\"‘'«„")


def _continue_speaker(sweep: Sweep, draft: QuoteDraft, paragraph: int) -> None:
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
        _inherit(draft, _dialogue_turn(sweep, draft, previous), "last")


def _dialogue_turn(sweep: Sweep, draft: QuoteDraft, previous: QuoteDraft) -> QuoteDraft:
    """In an exchange, an answer goes to whoever was asked, a question back to the asker."""
    other = sweep.other
    if other is None or other.span.paragraph < previous.span.paragraph - 2:
        return previous
    text = sweep.doc._.brief_text
    asks = _is_question(text, draft)
    asked = _is_question(text, previous)
    answers = asked and not asks
    asks_back = asks and not asked and _is_question(text, other)
    if answers or asks_back:
        return other
    return previous


def _is_question(text: str, draft: QuoteDraft) -> bool:
    return text[draft.span.start : draft.span.end].rstrip(" ,”\"’'").endswith("?")


def _announcement(sweep: Sweep, paragraph: int, lo: int, hi: int) -> QuoteDraft | None:
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


def _note_speaker(sweep: Sweep, draft: QuoteDraft, paragraph: int) -> None:
    if draft.actor is not None:
        sweep.salience.spoke(draft.actor)
    if draft.actor is not None or draft.speaker:
        if sweep.last is not None and (sweep.last.actor, sweep.last.speaker) != (
            draft.actor,
            draft.speaker,
        ):
            sweep.other = sweep.last
        sweep.last, sweep.last_paragraph = draft, paragraph


def _signature(sweep: Sweep, paragraph: int) -> int | None:
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
    # A dateline is nobody's words, like a quote: no cue, subject or speaker comes from it.
    quoted = list(quoted)
    for i in dateline_tokens(doc):
        quoted[i] = True
    sweep = Sweep(doc, quoted, actors, Salience(actors), by_token)
    sentence_of = _sentence_index(doc)
    spans: list[MarkedSpan] = doc._.brief_spans
    mentions_in: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        mentions_in[m.paragraph].append(m)
    spans_in: dict[int, list[MarkedSpan]] = defaultdict(list)
    for s in spans:
        spans_in[s.paragraph].append(s)
    drafts: list[QuoteDraft] = []
    for paragraph, bounds in enumerate(doc._.brief_paragraphs):
        lo, hi = _paragraph_tokens(doc, bounds)
        resolve_mentions(sweep, mentions_in[paragraph], sentence_of)
        here = [QuoteDraft(s, *_quote_tokens(doc, s)) for s in spans_in[paragraph]]
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
        subject = None if speech else paragraph_subject(sweep, hi, None, named=False)
        sweep.introduced = (subject, paragraph) if subject is not None else None
        drafts.extend(speech)
    return drafts
