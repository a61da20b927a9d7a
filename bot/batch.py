"""`briefbot batch`: brief every line of a JSONL file, in input order, the model loaded once."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from bot.briefing.engine import DEFAULT_MAX_CHARS
from bot.briefing.model import ArticleMeta
from bot.briefing.serialize import brief_to_dict
from bot.config import FetchSettings
from bot.errors import BriefingError, InputError

__all__ = ["brief_record", "run_batch"]


def brief_record(
    line: str, settings: FetchSettings | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> dict[str, Any]:
    """Brief one input line ({"id", "text"|"html"|"url"}) and return its output object."""
    from bot.pipeline import brief_html, brief_text, brief_url

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not a JSON line: {exc.msg}"}
    if not isinstance(record, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    rid = record.get("id")
    try:
        if isinstance(record.get("text"), str):
            meta = (
                ArticleMeta(title=record.get("title"))
                if isinstance(record.get("title"), str)
                else None
            )
            brief = brief_text(record["text"], meta, max_chars)
        elif isinstance(record.get("html"), str):
            brief = brief_html(record["html"], record.get("url"), max_chars)
        elif isinstance(record.get("url"), str):
            brief = brief_url(record["url"], settings, max_chars)
        else:
            return {"id": rid, "error": 'each line needs "text", "html" or "url"'}
    except BriefingError as exc:
        return {"id": rid, "error": exc.user_message}
    return {"id": rid, **brief_to_dict(brief)}


@dataclass(frozen=True, slots=True)
class _Limits:
    """Where the lines' links may be fetched from, and how long a text may be."""

    settings: FetchSettings
    max_chars: int


def _warm_up() -> None:
    from bot.briefing.nlp import load_model
    from bot.briefing.sentvec import load_encoder

    load_model()
    load_encoder()


def _results(
    lines: list[str], workers: int, settings: FetchSettings, max_chars: int
) -> Iterator[dict[str, Any]]:
    brief_one = partial(brief_record, settings=settings, max_chars=max_chars)
    if workers <= 1:
        _warm_up()
        yield from map(brief_one, lines)
        return
    with ProcessPoolExecutor(workers, initializer=_warm_up) as pool:
        yield from pool.map(brief_one, lines, chunksize=4)


def _progress(done: int, total: int, stream: IO[str]) -> None:
    width = 30
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    stream.flush()


def run_batch(
    input_path: str,
    output_path: str | None,
    workers: int = 1,
    settings: FetchSettings | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> int:
    """Brief every line of a JSONL file into a JSONL output, in input order."""
    limits = _Limits(settings or FetchSettings(), max_chars)
    try:
        lines = [
            ln for ln in Path(input_path).read_text(encoding="utf-8").splitlines() if ln.strip()
        ]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"I could not read {input_path!r}: {exc}.") from exc
    if output_path:
        with Path(output_path).open("w", encoding="utf-8") as out:
            _write_results(lines, workers, limits, out)
    else:
        _write_results(lines, workers, limits, sys.stdout)
    return 0


def _write_results(lines: list[str], workers: int, limits: _Limits, out: IO[str]) -> None:
    show = sys.stderr.isatty()
    results = _results(lines, workers, limits.settings, limits.max_chars)
    for done, result in enumerate(results, start=1):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        if show:
            _progress(done, len(lines), sys.stderr)
    if show:
        sys.stderr.write("\n")
