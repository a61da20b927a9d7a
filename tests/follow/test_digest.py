"""Building and rendering a digest: strongest quotes, shared voices, parts Telegram accepts."""

from __future__ import annotations

from dataclasses import replace

from bot.briefing.model import Actor, Article, Brief, Quote
from bot.briefing.render import visible_length
from bot.follow.digest import DigestArticle, build_digest, quote_key, strongest_quote
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


def _articles(briefs: list[tuple[int, Brief]]) -> list[DigestArticle]:
    """Each brief a story of its own, all indexed at the same time."""
    return [DigestArticle(brief_id, brief) for brief_id, brief in briefs]


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
    digest = build_digest("harbor", _articles(briefs))
    assert next((v.speaker, v.sources) for v in digest.voices) == ("Lena Ortiz", 2)
    assert len(digest.voices) == 3
    assert quote_key(words + ",") == quote_key(words.upper() + ".")


def test_render_digest_shows_items_voices_and_sources() -> None:
    words = "We will open the harbor bridge to traffic in May"
    briefs = [
        (7, _brief("A <b>story</b>", [(words, "Lena Ortiz", "direct")])),
        (8, _brief("B", [(words, "Lena Ortiz", "direct")], url="https://m.example/b")),
    ]
    days_apart = [  # the same quote three days apart: two events, not one
        DigestArticle(brief_id, brief, seen_at=f"2026-03-{day}T09:00:00.000+00:00")
        for (brief_id, brief), day in zip(briefs, (10, 13), strict=True)
    ]
    (part,) = render_digest(build_digest("harbor & co", days_apart))
    parsed = parse_html(part.text, strict=True)
    assert "📬 harbor & co — 2 new articles" in parsed.text
    assert "1. A <b>story</b> · Alder Gazette" in parsed.text
    assert f"Lena Ortiz: “{words}” (reported by 2 sources)" in parsed.text
    assert [data for _label, data in part.buttons] == [open_data(7), open_data(8)]


def test_render_digest_splits_into_valid_parts_with_buttons_last() -> None:
    long_quote = "The harbor plan needs more work before the winter storms arrive " * 9
    briefs = [
        (
            n,
            _brief(
                f"Story {n} " + "x" * 250, [(f"{n}: {long_quote}".strip(), "Lena Ortiz", "direct")]
            ),
        )  # distinct quotes: 20 events
        for n in range(1, 21)
    ]
    parts = render_digest(build_digest("harbor", _articles(briefs), skipped=3))
    assert len(parts) >= 2
    for part in parts:
        assert visible_length(part.text) <= 4096
        parse_html(part.text, strict=True)  # each part is valid HTML on its own
    assert [bool(p.buttons) for p in parts] == [False] * (len(parts) - 1) + [True]
    assert "3 older matching articles were left out" in parse_html(parts[-1].text).text


def test_render_digest_of_a_real_looking_brief() -> None:
    brief = replace(make_brief(), summary=())
    (part,) = render_digest(build_digest("bridge", _articles([(1, brief)])))
    assert "Ann Lee" in part.text
    assert all(len(data.encode()) < 64 for _label, data in part.buttons)


def _report(title: str, url: str, paragraphs: int, quotes: list[tuple[str, str]]) -> Brief:
    """A report of `paragraphs` filler paragraphs, then these (words, speaker) quotes."""
    text = " ".join(f"Filler paragraph {n} about the harbor works." for n in range(paragraphs))
    spans = []
    for words, speaker in quotes:
        start = len(text) + 2
        text += f" “{words}” said {speaker}."
        spans.append(Quote(words, start, start + len(words), speaker, "a1", "direct"))
    actors = tuple(Actor(f"a{n}", speaker, "person") for n, (_w, speaker) in enumerate(quotes))
    site = url.split("/")[2]
    return Brief(Article(text, title=title, url=url, site=site), ("A line.",), actors,
                 tuple(spans))  # fmt: skip


OPENING = ("We are ready to open the bridge to traffic in May,", "Lena Ortiz")
AUDIT = ("Taxpayers deserve to know where every dollar of the extra cost went,", "Peter Vance")


def test_build_digest_shows_a_story_once_with_its_copies_as_sources() -> None:
    articles = [  # newest first; 12 is a copy of 11 (the same story), with more text
        DigestArticle(12, _report("Copy headline", "https://b.example/c", 9, [OPENING]), 11,
                      "2026-03-10T10:00:00.000+00:00"),
        DigestArticle(11, _report("First headline", "https://a.example/o", 5, [OPENING]), 11,
                      "2026-03-10T09:00:00.000+00:00"),
    ]  # fmt: skip
    (item,) = build_digest("harbor", articles).items
    assert (item.title, item.url) == ("First headline", "https://a.example/o")
    assert item.brief_id == 12  # the most complete text
    assert item.sources == 2
    assert [(s.name, s.url) for s in item.also] == [("b.example", "https://b.example/c")]


def test_build_digest_groups_two_outlets_reporting_one_event() -> None:
    articles = [
        DigestArticle(21, _report("Bridge opens in May", "https://a.example/1", 4, [OPENING]), 21,
                      "2026-03-10T09:00:00.000+00:00"),
        DigestArticle(22, _report("Crossing back soon", "https://b.example/2", 3, [OPENING]), 22,
                      "2026-03-10T15:00:00.000+00:00"),
    ]  # fmt: skip
    digest = build_digest("harbor", articles)
    (item,) = digest.items
    assert item.sources == 2
    assert digest.voices[0].sources == 2


def test_build_digest_keeps_two_events_with_the_same_people_apart() -> None:
    opening = _report("Bridge opens in May", "https://a.example/1", 4, [OPENING])
    audit = _report("Council delays payment", "https://a.example/2", 4, [AUDIT, OPENING[::-1]])
    articles = [DigestArticle(31, opening, 31), DigestArticle(32, audit, 32)]
    assert [item.sources for item in build_digest("harbor", articles).items] == [1, 1]


def test_render_digest_names_the_other_sources_with_links() -> None:
    articles = [
        DigestArticle(41, _report("First", "https://a.example/1", 4, [OPENING]), 41),
        DigestArticle(42, _report("Copy", "https://b.example/2?x=1&y=2", 4, [OPENING]), 41),
    ]
    (part,) = render_digest(build_digest("harbor", articles))
    parsed = parse_html(part.text, strict=True)
    assert "1. First · a.example · 2 sources" in parsed.text
    assert "Also in: b.example" in parsed.text
    assert '<a href="https://b.example/2?x=1&amp;y=2">b.example</a>' in part.text
    assert [data for _label, data in part.buttons] == [open_data(41)]


def test_build_digest_takes_the_headline_of_the_source_published_first() -> None:
    articles = [  # indexed in the other order: the copy was briefed first
        DigestArticle(51, _report("Original", "https://a.example/1", 4, [OPENING]), 51,
                      "2026-03-10T10:00:00.000+00:00", "2026-03-10T07:00:00+00:00"),
        DigestArticle(52, _report("Copy", "https://b.example/2", 4, [OPENING]), 51,
                      "2026-03-10T09:00:00.000+00:00", "2026-03-10T08:30:00+00:00"),
    ]  # fmt: skip
    (item,) = build_digest("harbor", articles).items
    assert item.title == "Original"
    assert [s.url for s in item.also] == ["https://b.example/2"]


def test_render_digest_names_five_other_sources_and_counts_the_rest() -> None:
    articles = [
        DigestArticle(60 + n, _report(f"T{n}", f"https://s{n}.example/x", 4, [OPENING]), 60)
        for n in range(9)
    ]
    (part,) = render_digest(build_digest("harbor", articles))
    parsed = parse_html(part.text, strict=True)
    assert "· 9 sources" in parsed.text
    assert "Also in: s1.example, s2.example, s3.example, s4.example, s5.example, and 3 more" in (
        parsed.text
    )
