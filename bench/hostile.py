"""Crafted texts that once cost the engine far more than news of the same length (issue 11).

Each function returns a text of about `size` characters. bench/engine.py briefs every one
next to ordinary news of the same length; tests/engine/test_hostile.py feeds small ones.
"""

from __future__ import annotations

from collections.abc import Callable

NAMES = (
    "Lena Ortiz", "Tom Becker", "Maria Chen", "Ana Ruiz", "Sam Rivera", "Ines Abara",
    "Tomas Greaves", "Priya Natarajan", "Daniel Okafor", "Elena Marsh", "Jon Weller",
    "Ruth Amsel", "Kofi Mensah", "Hana Sato", "Pavel Novak", "Grace Obi",
)  # fmt: skip
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f\uff02\u301d\u301e"
WORDS = (
    "the council will vote on the harbor plan before the storm season and the mayor said".split()
)


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def quote_mark_lines(size: int) -> str:
    """Line after line that holds only a quote mark."""
    return _fill('"\n', size)


def said_quotes(size: int) -> str:
    """One paragraph of short quotes, each with "he said"."""
    return _fill('"We will wait," he said. ', size)


def name_list(size: int) -> str:
    """A list of names, one a line."""
    lines = [f"{NAMES[n % len(NAMES)].split()[0]} {NAMES[(n * 7 + 3) % len(NAMES)].split()[1]}"
             for n in range(size // 8)]  # fmt: skip
    return "\n".join(lines)[:size]


def mixed_marks(size: int) -> str:
    """Words with unbalanced and mixed quote marks of every kind."""
    parts = []
    for n in range(size // 6):
        mark = QUOTE_MARKS[(n * 5) % len(QUOTE_MARKS)]
        parts.append(f"{mark}{WORDS[n % len(WORDS)]}" if n % 3 else WORDS[n % len(WORDS)])
    return " ".join(parts)[:size]


def endless_sentence(size: int) -> str:
    """One sentence that never ends: no full stop, no line break."""
    return _fill("the mayor and the council and the harbor board ", size)


def control_and_bidi(size: int) -> str:
    """News words laced with control and bidirectional formatting characters."""
    return _fill(
        "The \u202emayor\u202c said \u200f\u201cwe\u2066 will\u2069 vote\u201d on "
        "\u200bTuesday.\x0b\u2028The\u061c council\x0b agreed.\u2029 ",
        size,
    )


def nested_quotes(size: int) -> str:
    """Quotes opened inside quotes, never closed, with attributions between them."""
    return _fill("\u201cShe said \u2018he told them \u00abwe will \u201ewait, said Ortiz. ", size)


HOSTILE: dict[str, Callable[[int], str]] = {
    "lines holding only a quote mark": quote_mark_lines,
    'short quotes with "he said", one paragraph': said_quotes,
    "a list of names": name_list,
    "unbalanced and mixed quote marks": mixed_marks,
    "one endless sentence": endless_sentence,
    "control and bidi characters": control_and_bidi,
    "quotes nested and never closed": nested_quotes,
}
