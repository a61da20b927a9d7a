"""Find campaigns and movements named by a slogan, which the tagger misses or cuts up.

"the Save the Rivers campaign", "the Black Lives Matter movement", the "Fight for $15"
movement: a name made of ordinary words ("Save", "Fight", "Matter") before a noun that says
it is a cause. The small tagger leaves such names untagged, tags a piece of them ("Rivers",
"$15") or calls them a work of art; the brief then lists "Rivers campaign" or nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["CAUSE_NOUNS", "named_causes"]

# Lower-case nouns after a cause's name ("the Vote Leave campaign").
CAUSE_NOUNS = frozenset(
    "campaign movement coalition alliance initiative network collective drive group".split()
)
# Words that open a slogan ("Save Kestrel Meadows", "Stop the Dam"), whatever follows.
_SLOGAN_OPENERS = frozenset(
    "save stop keep protect defend free fight vote ban end back stand bring hands no yes "
    "justice".split()
)
# Lower-case words that may stand inside a slogan's name ("Stand Up to Cancer").
_INNER_WORDS = frozenset("the for of to and on in a our your".split())
_OPENING_MARKS = frozenset({"“", '"', "‘‘", "``"})
_CLOSING_MARKS = frozenset({"”", '"', "’’", "''"})
# Labels that show one word names an owner, not the cause: "the Sanders campaign".
_OWNER_LABELS = frozenset({"PERSON", "GPE", "NORP", "LOC", "ORG", "DATE", "CARDINAL"})
_MAX_WORDS = 6


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _the(tok: Token) -> bool:
    return tok.lower_ == "the" and (tok.text == "the" or bool(tok.is_sent_start))


def _quoted_name(noun: Token) -> tuple[int, int] | None:
    """The quoted words right before the noun: the "Fight for $15" movement."""
    doc = noun.doc
    close = noun.i - 1
    if close < 2 or doc[close].text not in _CLOSING_MARKS:
        return None
    for start in range(close - 1, max(close - 1 - _MAX_WORDS, -1), -1):
        if doc[start].text in _OPENING_MARKS:
            inner = doc[start + 1 : close]
            if len(inner) and _capitalised(inner[0]) and not any(t.is_sent_end for t in inner):
                return start + 1, close
            return None
    return None


def _slogan_run(noun: Token) -> int | None:
    """Where a capitalised name right before the noun starts, after its "the"."""
    doc = noun.doc
    start = noun.i
    while start > 0 and noun.i - start < _MAX_WORDS:
        tok = doc[start - 1]
        inner = tok.lower_ in _INNER_WORDS and tok.text.islower() and start < noun.i
        # "Fight for $15": a sum may end the name
        money = tok.text == "$" or (tok.like_num and start == noun.i)
        if not (_capitalised(tok) or inner or money):
            break
        start -= 1
    # The name opens with a capitalised word right after "the"; the first such "the" is
    # its own ("of the Save the Rivers campaign"), the next one the name's.
    start = next(
        (i for i in range(max(start, 1), noun.i) if _capitalised(doc[i]) and _the(doc[i - 1])),
        noun.i,
    )
    if start == noun.i:
        return None
    if not _capitalised(doc[noun.i - 1]) and not doc[noun.i - 1].like_num:
        return None  # "the Vote for the campaign": the name ends in a capitalised word
    run = doc[start : noun.i]
    slogan = any(t.text.islower() or t.text == "$" for t in run) or (
        len(run) > 1 and run[0].lower_ in _SLOGAN_OPENERS
    )
    if not slogan and any(t.ent_type_ in _OWNER_LABELS for t in run):
        return None  # "the Sanders campaign", "the New Hampshire campaign": whose it is
    return start


def _cause_spans(doc: Doc) -> list[Span]:
    found = []
    for noun in doc:
        if noun.lower_ not in CAUSE_NOUNS or not noun.text.islower():
            continue
        if quoted := _quoted_name(noun):
            # the noun too: it is what acts ("the “Remain” campaign said")
            found.append(Span(doc, quoted[0], noun.i + 1, label="ORG"))
        elif (start := _slogan_run(noun)) is not None:
            found.append(Span(doc, start, noun.i + 1, label="ORG"))
    return found


def named_causes(doc: Doc, ents: list[Span]) -> list[Span]:
    """The entities with every cause named by a slogan whole, in place of its pieces."""
    causes = _cause_spans(doc)
    if not causes:
        return ents
    covered = {i for c in causes for i in range(c.start, c.end)}
    kept = [e for e in ents if not any(i in covered for i in range(e.start, e.end))]
    return sorted(kept + causes, key=lambda e: e.start)
