"""Article extraction on pages the tests wrote themselves (tests/data), no network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import NotAnArticle
from bot.links.extract import Extracted, extract_article, extract_plain_text
from bot.links.extract_rules import clean_lines

DATA = Path(__file__).resolve().parent.parent / "data"
URL = "https://ledger.example/news/pier"


def load(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> Extracted:
    return extract_article(load("article.html"), URL)


def test_extract_article_keeps_the_body(article: Extracted) -> None:
    assert article.text.startswith("Councillors in the fictional town of Wellmouth voted")
    assert article.text.endswith("before any contract is signed.")


def test_extract_article_separates_paragraphs_with_a_blank_line(article: Extracted) -> None:
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 6
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)


def test_extract_article_keeps_blockquotes(article: Extracted) -> None:
    assert '> "We are not rebuilding a pier, we are reconnecting' in article.text


def test_extract_article_leaves_out_the_title(article: Extracted) -> None:
    assert "Harbour town votes" not in article.text
    assert article.meta.title == "Harbour town votes to rebuild its old ferry pier"


@pytest.mark.parametrize(
    "boilerplate",
    ["News", "Related stories", "Lighthouse gets a new lamp", "Copyright", "Privacy", "Read more"],
)
def test_extract_article_drops_navigation_and_boilerplate(
    article: Extracted, boilerplate: str
) -> None:
    assert boilerplate not in article.text


@pytest.mark.parametrize("url_part", ["http", "example.com", "pier.jpg", "tracker"])
def test_extract_article_drops_link_targets_and_images(article: Extracted, url_part: str) -> None:
    assert url_part not in article.text


def test_extract_article_keeps_link_text(article: Extracted) -> None:
    assert "said the sea wall report published last year" in article.text


def test_extract_article_reads_metadata(article: Extracted) -> None:
    meta = article.meta
    assert (meta.url, meta.site, meta.byline, meta.published, meta.language) == (
        URL,
        "The Coastal Ledger",
        "Mara Ellison",
        "2024-03-14",
        "en",
    )


def test_extract_article_marks_a_full_article_complete(article: Extracted) -> None:
    assert (article.meta.complete, article.meta.warnings) == (True, ())


def test_extract_article_flags_a_paywall_teaser() -> None:
    meta = extract_article(load("paywall.html"), URL).meta
    assert not meta.complete
    assert meta.warnings == (
        "Only the first 66 words were available (the page looks like a paywall teaser).",
    )


def test_extract_article_flags_a_body_shorter_than_announced() -> None:
    meta = extract_article(load("announced-length.html"), URL).meta
    assert not meta.complete
    assert "about 1200 words" in meta.warnings[0]


def test_extract_article_joins_a_body_split_by_ads() -> None:
    text = extract_article(load("split-body.html"), URL).text
    assert "Owner Delia Marsh" in text
    assert "slept, she says, for fourteen hours." in text
    assert "Advertisement" not in text


@pytest.mark.parametrize(
    "html",
    [load("not-an-article.html"), "", "   ", "<html><body></body></html>", "not html at all"],
    ids=["links-only", "empty", "blank", "empty-body", "one-short-line"],
)
def test_extract_article_raises_not_an_article(html: str) -> None:
    with pytest.raises(NotAnArticle):
        extract_article(html, URL)


def test_extract_article_handles_an_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + load("article.html")
    assert extract_article(html, URL).text.startswith("Councillors")


PROSE = "<p>" + "The pier vote was close, and the town is still divided over it. " * 4 + "</p>"


def test_extract_article_survives_absurdly_nested_json_ld() -> None:
    script = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    html = f"<html><head>{script}</head><body><article>{PROSE}</article></body></html>"
    assert extract_article(html).meta.complete


def test_extract_article_turns_table_rows_into_lines() -> None:
    table = "<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ines</td><td>412</td></tr></table>"
    html = f"<html><body><article>{PROSE}{table}{PROSE}</article></body></html>"
    assert "\n\nName | Votes\n\nInes | 412\n\n" in extract_article(html).text


@pytest.mark.parametrize(
    ("text", "title", "cleaned"),
    [
        ("Read more: Other story\n\nBody line.", None, "Body line."),
        ("Related stories\n\n- One\n- Two\n\nBody line.", None, "Body line."),
        ("DON'T MISS\n\nBody line.", None, "Body line."),
        ("Follow us on Twitter @ledger\n\nBody line.", None, "Body line."),
        ("https://example.com/x\n\nBody line.", None, "Body line."),
        ("# The Big Title\n\nBody line.", "The Big Title | Ledger", "Body line."),
        ("More than 100 people came.", None, "More than 100 people came."),
        ("- Keep this item\n- And this one", None, "- Keep this item\n- And this one"),
    ],
)
def test_clean_lines_drops_labels_only(text: str, title: str | None, cleaned: str) -> None:
    assert clean_lines(text, title) == cleaned


def test_extract_plain_text_unwraps_hard_wrapped_paragraphs() -> None:
    text = "First line of a\nwrapped paragraph.\r\n\r\nSecond   paragraph.\n\n\n\n"
    assert extract_plain_text(text, URL).text == (
        "First line of a wrapped paragraph.\n\nSecond   paragraph."
    )


def test_extract_plain_text_raises_not_an_article_when_blank() -> None:
    with pytest.raises(NotAnArticle):
        extract_plain_text(" \n\t\n", URL)


def test_fetch_and_extract_modules_import_no_telegram() -> None:
    code = (
        "import sys, bot.links.extract, bot.links.extract_rules, bot.links.netpolicy,"
        " bot.links.decode, bot.links.fetch;"
        "bad = [m for m in sys.modules if m.split('.')[0] == 'telegram'];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
