"""Building and rendering a digest: strongest quotes, shared voices, parts Telegram accepts."""

from __future__ import annotations

from dataclasses import replace

from bot.briefing.model import Actor, Article, Brief, Quote
from bot.briefing.render import visible_length
from bot.follow.digest import build_digest, quote_key, strongest_quote
from bot.localapi.html_check import parse_html
from handlers.digest_view import open_data, render_digest
from tests.helpers.briefs import make_brief


def _brief(
    title: str, quotes: list[tuple[str, str | None, str]], url: str = "https://n.example/a"
) -> Brief:
    text, spans = "", []
    for words, speaker, kind in quotes:
        start = len(text) + 1
        text += f"“{words}” said someone. "
        spans.append(
            Quote(words, start, start + len(words), speaker, "a1" if speaker else None, kind)
        )
    actors = (Actor("a1", "Lena Ortiz", "person", "Mayor"),)
    return Brief(
        Article(text, title=title, url=url, site="Alder Gazette"),
        ("One line.",),
        actors,
        tuple(spans),
    )


def test_strongest_quote_prefers_direct_attributed_readable() -> None:
    brief = _brief(
        "T",
        [
            ("Short.", None, "direct"),
            ("We will open the harbor bridge to traffic in May,", "Lena Ortiz", "direct"),
            ("reckless", "Lena Ortiz", "partial"),
        ],
    )
    assert strongest_quote(brief).text.startswith("We will open")  # type: ignore[union-attr]


def test_build_digest_counts_a_quote_carried_by_several_outlets_once() -> None:
    words = "We will open the harbor bridge to traffic in May"
    briefs = [
        (1, _brief("A", [(words + ",", "Lena Ortiz", "direct")])),
        (
            2,
            _brief(
                "B",
                [
                    (words + ".", "Lena Ortiz", "direct"),
                    ("The money is there and the work is done now.", "Tom Becker", "direct"),
                ],
            ),
        ),
        (
            3,
            _brief(
                "C", [("Something else entirely was said at the meeting.", "Ann Lee", "direct")]
            ),
        ),
    ]
    digest = build_digest("harbor", briefs)
    assert next((v.speaker, v.sources) for v in digest.voices) == ("Lena Ortiz", 2)
    assert len(digest.voices) == 3
    assert quote_key(words + ",") == quote_key(words.upper() + ".")


def test_render_digest_shows_items_voices_and_sources() -> None:
    words = "We will open the harbor bridge to traffic in May"
    briefs = [
        (7, _brief("A <b>story</b>", [(words, "Lena Ortiz", "direct")])),
        (8, _brief("B", [(words, "Lena Ortiz", "direct")], url="https://m.example/b")),
    ]
    (part,) = render_digest(build_digest("harbor & co", briefs))
    parsed = parse_html(part.text, strict=True)
    assert "📬 harbor & co — 2 new articles" in parsed.text
    assert "1. A <b>story</b> · Alder Gazette" in parsed.text
    assert f"Lena Ortiz: “{words}” (reported by 2 sources)" in parsed.text
    assert [data for _label, data in part.buttons] == [open_data(7), open_data(8)]


def test_render_digest_splits_into_valid_parts_with_buttons_last() -> None:
    long_quote = "The harbor plan needs more work before the winter storms arrive " * 9
    briefs = [
        (n, _brief(f"Story {n} " + "x" * 250, [(long_quote.strip(), "Lena Ortiz", "direct")]))
        for n in range(1, 21)
    ]
    parts = render_digest(build_digest("harbor", briefs, skipped=3))
    assert len(parts) >= 2
    for part in parts:
        assert visible_length(part.text) <= 4096
        parse_html(part.text, strict=True)  # each part is valid HTML on its own
    assert [bool(p.buttons) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert "3 older matching articles were left out" in parse_html(parts[-1].text).text


def test_render_digest_of_a_real_looking_brief() -> None:
    brief = replace(make_brief(), summary=())
    (part,) = render_digest(build_digest("bridge", [(1, brief)]))
    assert "Ann Lee" in part.text
    assert all(len(data.encode()) < 64 for _label, data in part.buttons)
