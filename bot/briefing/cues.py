"""Find the attribution cue of a quote: the speech verb, who it names, and the channel.

A cue sits in the text around a quote, in the same paragraph: `"...," she said.`,
`He said: "..."`, `"..." said the minister.`, `According to X, "..."`, `Name: "..."`,
`"..." — Name`. This module only reads the parse; resolving a pronoun or a role noun
to an actor is the job of `speakers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bot.briefing.cuewindows import (
    Window,
    according_to,
    colon_source,
    dash_source,
    ends_with,
)
from bot.briefing.lexicon import CHANNEL_NOUNS, PLATFORMS, SPEECH_VERBS

__all__ = ["Cue", "find_cue"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "pobj", "prep", "acl"})
_WRITER = frozenset({"i", "we"})
_LISTENER_VERBS = frozenset({"tell", "ask", "remind", "assure", "urge", "warn", "thank"})
_MAX_CLIMB = 4  # clause levels between a reported verb and the one that reports it
_RANK_REACH = 7  # tokens from a rank or role noun to the name it introduces
_RANK_TAGS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT"})
# Words that open a clause setting the scene for the main one ("After X criticized him, ...").
# Speech verbs that speak only without a direct object ("she charged", "he fired back").
_SPEECH_ONLY_WITHOUT_OBJECT = frozenset({"charge", "fire"})
# Verbs of clauses that describe, never the attribution beside a quote.
_NOT_ATTRIBUTING = frozenset({"amod", "acl", "relcl", "advcl", "xcomp"})
_BACKGROUND = frozenset({"after", "when", "while", "before", "since", "because", "once", "until"})


@dataclass(frozen=True, slots=True)
class Cue:
    """How a quote is attributed in the text around it."""

    source: int | None  # token index of the speaker's head (name, pronoun or noun)
    verb: str | None
    channel: str | None
    side: str  # "before", "after", or "" when there is no cue
    how: str  # "verb", "according", "colon", "dash"
    spoken: bool = True  # False: a verb that is no speech verb ("stocked with ...")


def _speech_verbs(doc: Doc, window: Window) -> list[Token]:
    verbs = [
        t
        for t in doc[window.start : window.end]
        if t.lemma_.lower() in SPEECH_VERBS
        and t.pos_ in ("VERB", "AUX")
        # "Cruz, who has proposed repealing it, said": a relative clause describes.
        and t.dep_ not in ("relcl", "acl")
        and not _object_sense(t)
    ]
    # The verb nearest the quote is the one that attributes it.
    return verbs[::-1] if window.side == "before" else verbs


def _object_sense(verb: Token) -> bool:
    """A speech verb in its other sense, with an object: "charged a fee", "fired two aides"."""
    return verb.lemma_.lower() in _SPEECH_ONLY_WITHOUT_OBJECT and any(
        c.dep_ == "dobj" for c in verb.children
    )


def _subject(verb: Token, window: Window) -> Token | None:
    for child in verb.children:
        # A subject the parser found on the far side of the quote is not this cue's.
        if child.dep_ in _SUBJECT_DEPS and window.start <= child.i < window.end:
            return _name_after_rank(child, window) if child.i > verb.i else child
        if child.dep_ in _SUBJECT_DEPS and _described_by_a_quote(child, window):
            return child
    named = _name_before_verb(verb, window)
    if named is not None:
        return named
    # "Beck joked": a name glued to the verb is its subject, whatever the parser says.
    left = verb.doc[verb.i - 1] if verb.i > window.start else None
    if left is not None and left.pos_ == "PROPN" and left.head.i == verb.i:
        return left
    climbed = _governing_subject(verb)
    if climbed is not None and window.start <= climbed.i < window.end:
        return climbed
    # '"...," said Alexander Baunov': the parser sometimes makes the inverted subject an object.
    leading = [t for t in verb.doc[window.start : verb.i] if not t.is_punct and not t.is_space]
    if window.side == "after" and not leading:
        for child in verb.children:
            if _inverted_subject(verb, child):
                return child
    return None


_QUOTE_MARKS = frozenset('"“”„«»')


def _described_by_a_quote(subject: Token, window: Window) -> bool:
    """A subject whose own phrase holds the quote that ends the window before this one.

    'Jonah Vale, who stars in the "Harbor Lights" films, wrote that he was "tired ...":
    the quoted title closes the window, but Vale is still the one who wrote.
    """
    between = subject.doc[subject.i : window.start]
    return (
        window.side == "before"
        and subject.pos_ == "PROPN"  # a named speaker: 'The ad, titled "X", concludes' is not
        and subject.i < window.start
        and subject.right_edge.i >= window.start - 1
        and subject.sent == subject.doc[window.start].sent
        # A quote closed the window, not a dateline ("PORTVILLE (Wire) — The party ...").
        and any(set(t.text) & _QUOTE_MARKS for t in between)
    )


def _name_after_rank(subject: Token, window: Window) -> Token:
    """`said Army Capt. Christian Pardo`, `mused Blaze co-host Stu Burguiere`: the name.

    After the verb the parser may take a rank or a role noun for the subject and leave the
    person's name that follows it aside.
    """
    if subject.ent_type_ == "PERSON":
        return subject
    doc = subject.doc
    end = min(window.end, subject.i + _RANK_REACH + 1)
    found = None
    for tok in doc[subject.i + 1 : min(len(doc), end + 3)]:
        if tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or found is not None):
            found = tok  # the last word of the name is its head
        elif tok.is_space:
            continue
        elif found is not None or tok.i >= end or not _in_a_rank(tok):
            break
    return found or subject


def _in_a_rank(tok: Token) -> bool:
    """A word of a rank or role phrase: "Skyreach co-founder and chief executive"."""
    return tok.pos_ in _RANK_TAGS or tok.lower_ == "and"


def _name_before_verb(verb: Token, window: Window) -> Token | None:
    """`"...," Gene Sperling, a top adviser, said`: the name between the quote and the verb."""
    # A subject the parser found inside the quote ("every affected customer") is no subject.
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if window.side != "after" or any(window.start <= c.i < window.end for c in subjects):
        return None
    names = [t for t in verb.doc[window.start : verb.i] if t.pos_ in ("PROPN", "PRON")]
    if not names or names[0].lower_ in _WRITER:
        return None
    first = names[0]
    # The head of a name is its last word: "Gene Sperling" -> "Sperling".
    while first.i + 1 < verb.i and verb.doc[first.i + 1].pos_ == "PROPN":
        first = verb.doc[first.i + 1]
    return first


def _governing_subject(verb: Token) -> Token | None:
    """Find the subject on a governing verb ("calling it", "by saying", "and said")."""
    head = verb
    found: list[Token] = []
    for _ in range(3):
        if head.dep_ not in _CLIMB_DEPS or head.head.i == head.i:
            break
        head = head.head
        found += [c for c in head.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
    # People speak: a name or a pronoun up the chain beats "the refugees" nearer the verb.
    people = [t for t in found if t.pos_ in ("PROPN", "PRON")]
    ranked = people or found
    return ranked[0] if ranked else None


def _inverted_subject(verb: Token, child: Token) -> bool:
    if child.dep_ not in ("dobj", "attr", "npadvmod", "dative") or child.i < verb.i:
        return False
    if not (child.pos_ == "PROPN" or (child.tag_ == "NN" and child.i - verb.i <= 4)):
        return False
    # "told reporters": the object of a verb of telling is the listener.
    return verb.lemma_.lower() not in _LISTENER_VERBS or child.dep_ != "dobj"


def _channel(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "in", "via", "during"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            # "on X." at a sentence end: the tokenizer keeps the full stop on the name.
            name = obj.text.rstrip(".") if len(obj.text) <= 3 else obj.text
            if name.lower() in PLATFORMS or (
                child.lower_ == "on" and obj.ent_type_ in ("ORG", "PRODUCT")
            ):
                return name
            if obj.lemma_.lower() in CHANNEL_NOUNS:
                return " ".join(t.text for t in obj.subtree if not t.is_punct or t.text == "'s")[
                    :80
                ]
        if (
            child.dep_ in ("dobj", "dative")
            and verb.lemma_.lower() == "tell"
            and child.ent_type_ == "ORG"
        ):
            return child.text
    return None


def _verb_cue(doc: Doc, window: Window, quoted: list[bool]) -> Cue | None:
    for verb in _speech_verbs(doc, window):
        subject = _subject(verb, window)
        # "Trump said, and I quote, ...": the writer's own aside is not the attribution.
        if subject is not None and not quoted[subject.i] and subject.lower_ not in _WRITER:
            outer = _reporter(verb, window, quoted) if window.side == "before" else None
            if outer is None and window.side == "before" and subject.lower_ == "it":
                # "X said it had offered a "fair deal"": "it" is X, who is reported.
                outer = _outer_reporter(verb, window, quoted)
            if outer is not None:
                verb, subject = outer
            main = _main_clause(doc, verb, window, quoted)
            if main is not None:
                return main
            return Cue(subject.i, verb.text, _channel(verb), window.side, "verb")
    return None


def _main_clause(doc: Doc, verb: Token, window: Window, quoted: list[bool]) -> Cue | None:
    """`After X criticized him, Y shot back, "..."`: the main clause, not the background.

    A speech verb in a clause opened by "after", "when", "because" ... sets the scene; the
    main verb between it and the quote introduces the quote.
    """
    if window.side != "before" or not ends_with(doc, window, ":,"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ in _BACKGROUND for c in verb.children):
        return None
    main = verb.head
    if main.i == verb.i or main.pos_ != "VERB" or not (verb.i < main.i < window.end):
        return None
    subject = _subject(main, window)
    if subject is None or quoted[subject.i] or subject.i < verb.i or subject.lower_ in _WRITER:
        return None
    spoken = main.lemma_.lower() in SPEECH_VERBS
    return Cue(subject.i, main.text, _channel(main), window.side, "verb", spoken)


def _reporter(verb: Token, window: Window, quoted: list[bool]) -> tuple[Token, Token] | None:
    """`X said that ... Y had concluded ... "quote"`: X said the quote, not Y (issue 10).

    The quote sits in a clause that Y's verb reports, and X's verb reports Y's in turn.
    Y keeps the quote when Y's verb governs it directly: `Y told him: "..."`, `Y called it
    "..."`, `Y warned of "..."`. The quote's tokens follow the window.
    """
    if not _embedded(verb, range(window.end, _quote_end(quoted, window.end))):
        return None
    return _outer_reporter(verb, window, quoted)


def _outer_reporter(verb: Token, window: Window, quoted: list[bool]) -> tuple[Token, Token] | None:
    """The speech verb that reports this verb's clause, with its subject, if any."""
    head, reported = verb, False
    for _ in range(_MAX_CLIMB):
        if head.head.i == head.i:
            return None
        reported = reported or head.dep_ == "ccomp"
        head = head.head
        if head.i < window.start:
            return None
        if reported and head.lemma_.lower() in SPEECH_VERBS and head.pos_ == "VERB":
            subject = _subject(head, window)
            if subject is not None and not quoted[subject.i] and subject.lower_ not in _WRITER:
                return head, subject
    return None


def _embedded(verb: Token, quote: range) -> bool:
    """Tell whether a quote sits in a clause inside the verb's, not right under the verb.

    "concluded the settlements were "..."": the quote hangs on "were", a clause of its own.
    A quote the verb takes directly, or through one noun or preposition, is not embedded.
    """
    doc = verb.doc
    roots = [doc[i] for i in quote if not doc[i].is_punct and doc[i].head.i not in quote]
    embedded = False
    for tok in roots:
        if tok.dep_ == "advmod" and tok.head.i == verb.i:
            # 'Y had responded "proportionately"': how Y acted, not words Y said.
            embedded = True
            continue
        node, hops, clause = tok, 0, False
        while node.i != verb.i and node.head.i != node.i and hops <= _MAX_CLIMB * 2:
            node, hops = node.head, hops + 1
            clause = clause or (node.i != verb.i and node.pos_ in ("VERB", "AUX"))
        if node.i != verb.i:
            continue  # not in the verb's clause at all
        if not clause and hops <= 2:
            return False
        embedded = True
    return embedded


def _quote_end(quoted: list[bool], start: int) -> int:
    end = start
    while end < len(quoted) and quoted[end]:
        end += 1
    return end


def _adjacent_cue(doc: Doc, window: Window, quoted: list[bool]) -> Cue | None:
    """`"...," Trump implored.` or `Kelly responded with a smile: "..."`: any verb attributes.

    Right after a quote that ends in a comma, or right before a colon that opens one, the
    verb of the attribution need not be a speech verb ("retaliated", "went on").
    """
    toks = [t for t in doc[window.start : window.end] if not t.is_space]
    if window.side == "after":
        toks = toks[:7]
    elif not ends_with(doc, window, ":,"):
        return None
    for tok in toks:
        if tok.pos_ != "VERB" or tok.dep_ in _NOT_ATTRIBUTING or _reported_in(tok, window):
            continue
        subject = _subject(tok, window)
        if (
            subject is not None
            and window.start <= subject.i < window.end
            and not quoted[subject.i]
        ):
            # "a hat reading, "..."": a speech verb next to the quote still says it is words.
            near = toks[:3] if window.side == "after" else toks[-3:]
            spoken = any(t.lemma_.lower() in SPEECH_VERBS for t in [tok, *near])
            return Cue(subject.i, tok.text, _channel(tok), window.side, "verb", spoken)
        return None
    return None


def _reported_in(verb: Token, window: Window) -> bool:
    """A verb of a clause another verb of the window reports ("arguing that it will go")."""
    head = verb.head
    return verb.dep_ in ("ccomp", "pcomp") and window.start <= head.i < window.end


def _prefer_after(doc: Doc, text: str, last_char: int, after: Window) -> bool:
    """A quote ending in a comma, or followed right away by a verb, is attributed after it."""
    if text[:last_char].rstrip(" ”\"’'").endswith((",", "?", "!", "—")):
        return True
    toks = [t for t in doc[after.start : min(after.end, after.start + 3)] if not t.is_punct]
    return bool(toks) and toks[0].lemma_.lower() in SPEECH_VERBS


def _new_sentence_after(doc: Doc, text: str, quote_end: int, after: Window) -> bool:
    """A quote ending in a full stop, followed by a capitalised word, ends its sentence."""
    if not text[:quote_end].rstrip(" ”\"’'").endswith("."):
        return False
    words = [t for t in doc[after.start : after.end] if not t.is_punct and not t.is_space]
    return bool(words) and words[0].text[:1].isupper() and words[0].lower_ not in _WRITER


def find_cue(
    doc: Doc, quoted: list[bool], before: Window, after: Window, quote_end: int
) -> Cue | None:
    """Find the cue of a quote in the windows around it, nearest and likeliest side first."""
    prefer_after = _prefer_after(doc, doc._.brief_text, quote_end, after)
    order: tuple[Window, ...] = (after, before) if prefer_after else (before, after)
    if not prefer_after and _new_sentence_after(doc, doc._.brief_text, quote_end, after):
        # '"... no." The association warned': a new sentence, not the quote's attribution.
        order = (before,)
    for window in order:
        cue = _verb_cue(doc, window, quoted)
        if cue:
            return cue
    for window in order:
        cue = _adjacent_cue(doc, window, quoted) if prefer_after or window is before else None
        if cue:
            return cue
    for window in (before, after):
        source = according_to(doc, window)
        if source is not None:
            return Cue(source.i, "according to", None, window.side, "according")
    source = colon_source(doc, before)
    if source is not None:
        return Cue(source.i, None, None, "before", "colon")
    source = dash_source(doc, after)
    if source is not None:
        return Cue(source.i, None, None, "after", "dash")
    return None
