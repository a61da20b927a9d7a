"""The `briefbot` command line: brief and batch, as other tools call them, and bad input.

Most runs call `bot.cli.main` in-process (see conftest.py); two run the installed console
script in a subprocess to prove it works as a real program.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.briefing.language import ENGLISH_WARNING
from bot.briefing.model import SCHEMA
from bot.briefing.render import VIEWS
from bot.localapi.html_check import check_message_html
from tests.cli.conftest import CliResult, RunCli
from tests.helpers.articles import ArticleSite, page, story
from tests.helpers.texts import SAMPLE_ARTICLE

SAMPLE = str(SAMPLE_ARTICLE)
SAMPLE_TITLE = "Harbor Vote Splits Council as Port Expansion Deadline Looms"
HTML_SEPARATOR = "\n\n---\n\n"
ARTICLE = (
    "The harbour council met on Monday to decide the future of the old ferry pier. "
    '"We will repair it before the summer," said Ana Ruiz, who chairs the council. '
    "Critics warn the repairs could cost twice as much as a new pier."
)
GERMAN = (
    "Der Gemeinderat hat am Montag über die Zukunft des alten Hafens beraten. Die meisten "
    "Mitglieder wollen den Steg lieber reparieren als einen neuen bauen, weil das Geld "
    "knapp ist und die Fähre im Sommer wieder fahren soll."
)
CONSOLE_SCRIPT = Path(sys.executable).with_name("briefbot")


def _assert_one_line_error(result: CliResult, words: str) -> None:
    assert result.code == 1
    assert result.out == ""
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1
    assert result.err.startswith("briefbot: ")
    assert words in result.err


def _assert_verbatim(data: dict[str, Any]) -> None:
    text = data["article"]["text"]
    for span in data["quotes"] + data["statements"] + data["stakes"]:
        assert text[span["start"] : span["end"]] == span["text"]


# brief


@pytest.mark.parametrize("view", VIEWS)
def test_brief_text_view(cli: RunCli, view: str) -> None:
    result = cli("brief", SAMPLE, "--format", "text", "--view", view)
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith(SAMPLE_TITLE)


@pytest.mark.parametrize("heading", ["KEY ACTORS", "QUOTES", "STAKES"])
def test_brief_text_defaults_to_full_view(cli: RunCli, heading: str) -> None:
    assert heading in cli("brief", SAMPLE).out


def test_brief_text_quotes_view_lists_quotes_only(cli: RunCli) -> None:
    out = cli("brief", SAMPLE, "--view", "quotes").out
    assert "QUOTES ONLY (" in out
    assert "KEY ACTORS" not in out


@pytest.mark.parametrize("view", VIEWS)
def test_brief_html_view_passes_bot_api_check(cli: RunCli, view: str) -> None:
    result = cli("brief", SAMPLE, "--format", "html", "--view", view)
    assert (result.code, result.err) == (0, "")
    parts = result.out.rstrip("\n").split(HTML_SEPARATOR)
    assert [check_message_html(part, strict=True) for part in parts] == [None] * len(parts)


@pytest.mark.parametrize("view", VIEWS)
def test_brief_json_view_gives_whole_brief(cli: RunCli, view: str) -> None:
    result = cli("brief", SAMPLE, "--format", "json", "--view", view)
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["schema"] == SCHEMA
    assert data["quotes"]
    assert data["actors"]


def test_brief_json_has_schema_fields(cli: RunCli) -> None:
    data = json.loads(cli("brief", SAMPLE, "--format", "json").out)
    assert set(data) == {
        "schema",
        "article",
        "summary",
        "actors",
        "quotes",
        "statements",
        "stakes",
        "topics",
    }
    assert data["article"]["title"] == SAMPLE_TITLE


def test_brief_json_spans_are_verbatim(cli: RunCli) -> None:
    data = json.loads(cli("brief", SAMPLE, "--format", "json").out)
    _assert_verbatim(data)


def test_brief_json_offsets_point_into_source_file(cli: RunCli) -> None:
    data = json.loads(cli("brief", SAMPLE, "--format", "json").out)
    source = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    assert all(source[q["start"] : q["end"]] == q["text"] for q in data["quotes"])


def test_brief_reads_stdin(cli: RunCli) -> None:
    result = cli("brief", "-", "--format", "json", stdin=ARTICLE.encode())
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["article"]["text"] == ARTICLE
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == [
        ("We will repair it before the summer,", "Ana Ruiz")
    ]


def test_brief_reads_stdin_with_byte_order_mark(cli: RunCli) -> None:
    result = cli("brief", "-", "--format", "json", stdin=b"\xef\xbb\xbf" + ARTICLE.encode())
    assert json.loads(result.out)["article"]["text"] == ARTICLE


def test_brief_other_language_warns_tuned_for_english(cli: RunCli) -> None:
    result = cli("brief", "-", "--format", "json", stdin=GERMAN.encode())
    assert (result.code, result.err) == (0, "")
    warnings = json.loads(result.out)["article"]["warnings"]
    assert warnings == [ENGLISH_WARNING]
    assert "tuned for English" in warnings[0]


def test_brief_other_language_text_shows_warning(cli: RunCli) -> None:
    assert "tuned for English" in cli("brief", "-", stdin=GERMAN.encode()).out


# Bad input: one line on stderr, exit 1, no traceback


@pytest.mark.parametrize("data", [b"", b"   \n\n\t"], ids=["empty", "blank"])
def test_brief_empty_stdin(cli: RunCli, data: bytes) -> None:
    _assert_one_line_error(cli("brief", "-", stdin=data), "no text to brief")


def test_brief_empty_file(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _assert_one_line_error(cli("brief", str(path)), "no text to brief")


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary\x00data" * 100, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256)],
    ids=["nul-bytes", "png-header"],
)
def test_brief_binary_stdin(cli: RunCli, data: bytes) -> None:
    _assert_one_line_error(cli("brief", "-", stdin=data), "not text")


def test_brief_binary_file(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "image.bin"
    path.write_bytes(bytes(range(256)) * 40)
    _assert_one_line_error(cli("brief", str(path)), "not text")


def test_brief_five_megabyte_file(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The council met again on Monday. " * (5 * 1024 * 1024 // 33 + 1))
    _assert_one_line_error(cli("brief", str(path)), "over 5 MB")


def test_brief_five_megabyte_stdin(cli: RunCli) -> None:
    data = b"The council met again on Monday. " * (5 * 1024 * 1024 // 33 + 1)
    _assert_one_line_error(cli("brief", "-", stdin=data), "over 5 MB")


def test_brief_text_over_engine_limit(cli: RunCli) -> None:
    data = b"The council met again on Monday. " * 10_000
    _assert_one_line_error(cli("brief", "-", stdin=data), "one article at a time")


def test_brief_too_few_words(cli: RunCli) -> None:
    _assert_one_line_error(cli("brief", "-", stdin=b"Hello there."), "not enough article text")


def test_brief_missing_file(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    _assert_one_line_error(cli("brief", str(missing)), "could not read")


def test_brief_directory(cli: RunCli, tmp_path: Path) -> None:
    _assert_one_line_error(cli("brief", str(tmp_path)), "could not read")


def test_brief_local_url_refused_before_connecting(
    cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: attempts.append(address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kw: attempts.append(args))
    _assert_one_line_error(cli("brief", "http://127.0.0.1/x"), "private or local address")
    assert attempts == []


def test_brief_unknown_format_is_usage_error(cli: RunCli) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("brief", SAMPLE, "--format", "pdf")
    assert exited.value.code == 2


# batch


def _jsonl(*records: object) -> str:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    )


def _batch(cli: RunCli, tmp_path: Path, *records: object) -> tuple[CliResult, list[Any]]:
    source = tmp_path / "in.jsonl"
    source.write_text(_jsonl(*records), encoding="utf-8")
    result = cli("batch", str(source))
    return result, [json.loads(line) for line in result.out.splitlines()]


THREE = (
    {"id": "first", "text": ARTICLE},
    {"id": 2, "text": GERMAN},
    {"id": "third", "text": ARTICLE.replace("Ana Ruiz", "Ben Cole")},
)


def test_batch_keeps_input_order_and_ids(cli: RunCli, tmp_path: Path) -> None:
    result, lines = _batch(cli, tmp_path, *THREE)
    assert (result.code, result.err) == (0, "")
    assert [line["id"] for line in lines] == ["first", 2, "third"]


def test_batch_lines_are_briefs(cli: RunCli, tmp_path: Path) -> None:
    _, lines = _batch(cli, tmp_path, *THREE)
    assert [line["schema"] for line in lines] == [SCHEMA] * 3
    assert [q["speaker"] for q in lines[2]["quotes"]] == ["Ben Cole"]


def test_batch_spans_are_verbatim(cli: RunCli, tmp_path: Path) -> None:
    _, lines = _batch(cli, tmp_path, *THREE)
    for line in lines:
        _assert_verbatim(line)


def test_batch_uses_title_field(cli: RunCli, tmp_path: Path) -> None:
    _, lines = _batch(cli, tmp_path, {"id": 1, "text": ARTICLE, "title": "Pier vote"})
    assert lines[0]["article"]["title"] == "Pier vote"


@pytest.mark.parametrize(
    ("bad", "error_id", "words"),
    [
        ('{"id": 7, "text": ', None, "not a JSON line"),
        ("[1, 2, 3]", None, "JSON object"),
        ({"id": 7}, 7, '"text", "html" or "url"'),
        ({"id": 7, "text": 42}, 7, '"text", "html" or "url"'),
        ({"id": 7, "text": ""}, 7, "no text to brief"),
        ({"id": 7, "text": "Too short."}, 7, "not enough article text"),
    ],
    ids=["bad-json", "not-object", "no-text", "text-not-string", "empty-text", "too-short"],
)
def test_batch_bad_line_gives_error_line_and_goes_on(
    cli: RunCli, tmp_path: Path, bad: object, error_id: object, words: str
) -> None:
    result, lines = _batch(cli, tmp_path, THREE[0], bad, THREE[2])
    assert result.code == 0
    assert [line["id"] for line in lines] == ["first", error_id, "third"]
    assert set(lines[1]) == {"id", "error"}
    assert words in lines[1]["error"]
    assert lines[2]["quotes"]


def test_batch_skips_blank_lines(cli: RunCli, tmp_path: Path) -> None:
    _, lines = _batch(cli, tmp_path, THREE[0], "", "   ", THREE[2])
    assert [line["id"] for line in lines] == ["first", "third"]


def test_batch_writes_output_file(cli: RunCli, tmp_path: Path) -> None:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(_jsonl(*THREE), encoding="utf-8")
    result = cli("batch", str(source), "-o", str(target))
    assert (result.code, result.out, result.err) == (0, "", "")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["first", 2, "third"]


def test_batch_missing_input_file(cli: RunCli, tmp_path: Path) -> None:
    _assert_one_line_error(cli("batch", str(tmp_path / "missing.jsonl")), "could not read")


# The installed console script, as a real process


def test_console_script_briefs_file_as_json() -> None:
    assert CONSOLE_SCRIPT.is_file(), f"console script not installed at {CONSOLE_SCRIPT}"
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "brief", SAMPLE, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["schema"] == SCHEMA
    _assert_verbatim(data)


def test_console_script_bad_input_prints_one_line() -> None:
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "brief", "-"],
        input=b"\x00\x01binary\x00",
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode().startswith("briefbot: ")
    assert result.stderr.count(b"\n") == 1


# Configuration from the environment, as the bot reads it (issue 11)


@pytest.fixture
def site() -> Iterator[ArticleSite]:
    served = ArticleSite().start()
    yield served
    served.stop()


def test_brief_url_uses_fetch_settings_from_environment(
    cli: RunCli, site: ArticleSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_PORTS", str(site.port))
    result = cli("brief", site.url("/article/4"), "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out)["article"]["title"] == "Harbor bridge 4 to reopen in May"


def test_brief_url_without_allowed_network_refuses_loopback(
    cli: RunCli, site: ArticleSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_PORTS", str(site.port))
    _assert_one_line_error(cli("brief", site.url("/article/4")), "private or local address")
    assert site.requests == []


def test_batch_url_line_uses_fetch_settings_from_environment(
    cli: RunCli, site: ArticleSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("BRIEFBOT_FETCH_ALLOW_PORTS", str(site.port))
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "url": site.url("/article/5")}) + "\n")
    result = cli("batch", str(source))
    assert result.code == 0
    assert json.loads(result.out)["article"]["title"] == "Harbor bridge 5 to reopen in May"


def test_brief_uses_max_text_chars_from_environment(
    cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFBOT_MAX_TEXT_CHARS", "1000")
    _assert_one_line_error(cli("brief", "-", stdin=((ARTICLE + " ") * 5).encode()), "1,000")


def test_brief_html_file_extracts_the_article(cli: RunCli, tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(page(*story(6)), encoding="utf-8")
    result = cli("brief", str(saved), "--format", "json")
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data["article"]["title"] == "Harbor bridge 6 to reopen in May"
    assert "<p>" not in data["article"]["text"]
