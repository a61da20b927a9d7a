"""The `briefbot` command line: brief an article, brief a batch, run the bot.

    briefbot brief SOURCE [--format text|html|json] [--view full|quotes|actors|stakes]
    briefbot batch IN.jsonl [-o OUT.jsonl]
    briefbot who NAME [--db PATH]
    briefbot run [--webhook-url URL [--listen ADDR] [--port N]]
    briefbot console
    briefbot run-or-console

SOURCE is a URL, a file path, or '-' for standard input. Errors print one line to
standard error and exit with status 1 (2 for a usage error); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from bot.briefing.render import VIEWS, render_html, render_text
from bot.briefing.serialize import brief_to_dict
from bot.errors import BriefingError

__all__ = ["main"]

logger = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    brief = sub.add_parser("brief", help="brief one article (URL, file, or - for stdin)")
    brief.add_argument("source")
    brief.add_argument("--format", choices=("text", "html", "json"), default="text")
    brief.add_argument("--view", choices=VIEWS, default="full")
    batch = sub.add_parser("batch", help="brief every line of a JSONL file")
    batch.add_argument("input", help='JSONL, one {"id": ..., "text"|"html"|"url": ...} per line')
    batch.add_argument("-o", "--output", help="output JSONL (default: standard output)")
    batch.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    who = sub.add_parser("who", help="what a person has said in the public articles briefed")
    who.add_argument("name", nargs="+", help="a full name or a surname, in any letter case")
    who.add_argument("--db", help="the bot's SQLite file (default: BRIEFBOT_DB)")
    for name, text in _bot_commands():
        command = sub.add_parser(name, help=text)
        if name in ("run", "run-or-console"):
            _webhook_options(command)
    return parser


def _bot_commands() -> list[tuple[str, str]]:
    return [
        ("run", "run the Telegram bot (long polling, or a webhook with --webhook-url)"),
        ("console", "try the bot offline in this terminal, against a local Bot API server"),
        ("run-or-console", "run the bot when TELEGRAM_BOT_TOKEN is set, else the console"),
    ]


def _webhook_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to")
    command.add_argument("--listen", default="0.0.0.0", help="address to listen on")
    command.add_argument("--port", type=int, default=8443, help="port to listen on")


def _print_brief(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.pipeline import brief_source

    config = load_config()
    brief = brief_source(args.source, config.fetch, config.max_text_chars)
    if args.format == "json":
        sys.stdout.write(json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=1) + "\n")
    elif args.format == "html":
        sys.stdout.write("\n\n---\n\n".join(render_html(brief, args.view)) + "\n")
    else:
        sys.stdout.write(render_text(brief, args.view))
    return 0


def _run_batch(args: argparse.Namespace) -> int:
    from bot.batch import run_batch
    from bot.config import load_config

    config = load_config()
    return run_batch(
        args.input,
        args.output,
        workers=max(1, args.workers),
        settings=config.fetch,
        max_chars=config.max_text_chars,
    )


def _print_who(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.config import load_config
    from bot.follow.quotebank import QuoteBank
    from handlers.who_view import render_who_text
    from storage import open_db

    path = Path(args.db) if args.db else load_config().db_path
    if not path.is_file():
        print(f"briefbot: there is no database at {path}.", file=sys.stderr)
        return 1
    db = open_db(path)
    try:
        answer = QuoteBank(db).who(" ".join(args.name))
    finally:
        db.close()
    if answer.person is not None:
        sys.stdout.write(render_who_text(answer.person))
        return 0
    if answer.choices:
        names = "; ".join(s.name + (f" ({s.role})" if s.role else "") for s in answer.choices)
        print(f"briefbot: {answer.query} could be: {names}. Give the full name.", file=sys.stderr)
    else:
        print(f"briefbot: no quotes from {answer.query} in this database.", file=sys.stderr)
    return 1


def _run_bot(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.runner import run_bot

    return run_bot(load_config(), args.webhook_url, args.listen, args.port)


def _run_console(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.runner import run_console

    return run_console(load_config())


def _run_or_console(args: argparse.Namespace) -> int:
    from bot.config import load_config

    if load_config().telegram_token:
        return _run_bot(args)
    print(
        "briefbot: TELEGRAM_BOT_TOKEN is not set; starting the offline console.", file=sys.stderr
    )
    return _run_console(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the briefbot command line and return its exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # trafilatura logs "discarding data" for every page without an article; the user gets
    # a clear error for that, so its own chatter stays out of the terminal.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    args = _parser().parse_args(argv)
    handlers = {
        "brief": _print_brief,
        "batch": _run_batch,
        "who": _print_who,
        "run": _run_bot,
        "console": _run_console,
        "run-or-console": _run_or_console,
    }
    try:
        return handlers[args.command](args)
    except BriefingError as exc:
        print(f"briefbot: {exc.user_message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("briefbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
