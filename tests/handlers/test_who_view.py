"""Rendering /who: pages of valid Telegram HTML within the limit, grouped by article."""

from __future__ import annotations

import pytest

from bot.briefing.render import TELEGRAM_LIMIT, visible_length
from bot.follow.quotebank import Person, WhoQuote
from bot.localapi.html_check import check_html
from handlers.who_view import page_starts, render_who, render_who_text
from storage import BankQuote, Speaker

SPEAKER = Speaker(id=7, key="lena ortiz", name="Lena <Ortiz>", role="Mayor & chair", quotes=3)


def _quote(n: int, article: int, text: str, **extra: str) -> BankQuote:
    fields = {
        "id": n, "brief_id": article, "article_id": article, "speaker": "Lena Ortiz",
        "role": "Mayor", "kind": "direct", "text": text, "before": "", "after": "",
        "said_at": f"2026-11-{30 - article:02d}T09:00:00.000+00:00",
        "title": f"Story {article} & more", "url": f"https://news.example/{article}?a=1&b=2",
        "site": "Alder Gazette",
    }  # fmt: skip
    return BankQuote(**{**fields, **extra})  # type: ignore[arg-type]


def _person(quotes: list[WhoQuote]) -> Person:
    return Person(SPEAKER, tuple(quotes), len({q.quote.article_id for q in quotes}))


def test_render_who_groups_quotes_under_their_article() -> None:
    person = _person([
        WhoQuote(_quote(1, 1, "We are <ready>"), sources=2),
        WhoQuote(_quote(2, 1, "Soon")),
        WhoQuote(_quote(3, 2, "Not yet")),
    ])  # fmt: skip
    view = render_who(person)
    assert check_html(view.text, strict=True) is None
    assert (view.page, view.has_older) == (0, False)
    assert view.text.startswith("🗣 <b>Lena &lt;Ortiz&gt;</b> — Mayor &amp; chair\n")
    assert "3 quotes from 2 articles, newest first" in view.text
    first = view.text.index("Story 1 &amp; more")
    assert first < view.text.index("“We are &lt;ready&gt;” <i>(reported by 2 sources)</i>")
    assert view.text.index("• “Soon”") < view.text.index("Story 2") < view.text.index("Not yet")
    assert "· Alder Gazette · 29 Nov 2026" in view.text
    assert 'href="https://news.example/1?a=1&amp;b=2"' in view.text


def test_render_who_shows_a_partial_quote_in_its_words() -> None:
    partial = _quote(1, 1, "reckless", kind="partial", before="She called the plan", after="")
    view = render_who(_person([WhoQuote(partial)]))
    assert "• <i>She called the plan</i> “reckless”" in view.text


@pytest.mark.parametrize("limit", [TELEGRAM_LIMIT, 1500])
def test_render_who_pages_stay_within_the_limit(limit: int) -> None:
    words = "The harbor plan needs more work before the storms " * 8
    quotes = [WhoQuote(_quote(n, n // 4, f"{words}{n}")) for n in range(60)]
    person = _person(quotes)
    starts = page_starts(person, limit)
    assert len(starts) > 2
    shown = []
    for page in range(len(starts)):
        view = render_who(person, page, limit)
        assert visible_length(view.text) <= limit
        assert check_html(view.text, strict=True) is None
        shown += [n for n in range(60) if f"{words}{n}”" in view.text]
    assert shown == list(range(60))  # every quote once, in order


def test_render_who_heads_an_article_again_on_the_next_page() -> None:
    words = "Every section of the plan will be checked twice " * 10
    person = _person([WhoQuote(_quote(n, 1, f"{words}{n}")) for n in range(12)])
    second = render_who(person, 1, 2000)
    assert second.page == 1
    assert "Story 1 &amp; more" in second.text
    pages = len(page_starts(person, 2000))
    assert f"<i>Page 2 of {pages}; the buttons show newer and older quotes.</i>" in second.text


def test_render_who_past_the_last_page_shows_the_last() -> None:
    view = render_who(_person([WhoQuote(_quote(1, 1, "Yes"))]), page=9)
    assert (view.page, view.has_older) == (0, False)
    assert "Page" not in view.text


def test_render_who_says_whether_older_quotes_follow() -> None:
    words = "The harbor plan needs more work before the storms " * 8
    person = _person([WhoQuote(_quote(n, n, f"{words}{n}")) for n in range(30)])
    last = len(page_starts(person)) - 1
    assert render_who(person, 0).has_older
    assert not render_who(person, last).has_older
    assert render_who(person, last).page == last


def test_render_who_shortens_a_very_long_quote() -> None:
    view = render_who(_person([WhoQuote(_quote(1, 1, "word " * 400))]))
    assert " …”" in view.text
    assert visible_length(view.text) < 1000


def test_render_who_text_prints_everything_plainly() -> None:
    person = _person([WhoQuote(_quote(1, 1, "We are ready"), 2), WhoQuote(_quote(2, 2, "No"))])
    text = render_who_text(person)
    assert text.splitlines()[:2] == [
        "🗣 Lena <Ortiz> — Mayor & chair",
        "2 quotes from 2 articles, newest first",
    ]
    assert (
        "Story 1 & more · Alder Gazette · 29 Nov 2026\n  https://news.example/1?a=1&b=2\n" in text
    )
    assert "  - “We are ready” (reported by 2 sources)\n" in text
    assert "<" not in text.replace("<Ortiz>", "")
