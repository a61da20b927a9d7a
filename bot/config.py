"""Configuration: one frozen dataclass built once from the environment (and an optional .env).

No other module reads `os.environ`; everything else receives a `Config` or a part of it.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DEFAULT_API_URL",
    "Config",
    "ConfigError",
    "DeliveryLimits",
    "FetchSettings",
    "load_config",
    "read_env_file",
    "read_feeds_file",
]

DEFAULT_API_URL = "https://api.telegram.org"


class ConfigError(ValueError):
    """A setting in the environment has a value that cannot be used."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits for fetching a page chosen by a stranger."""

    # DANGEROUS when not empty: these networks become reachable even if private.
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    allowed_ports: tuple[int, ...] = (80, 443)
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "briefbot/0.1 (+https://github.com/briefbot/briefbot)"


@dataclass(frozen=True, slots=True)
class DeliveryLimits:
    """The digest sender's flood limits: (messages, seconds) windows; a count of 0 is off.

    Telegram allows about 1 message a second in a chat, 20 a minute in a group and 30 a
    second overall; digests keep to 25 a second so that replies always have room.
    """

    per_chat: tuple[int, float] = (1, 1.0)
    per_group: tuple[int, float] = (20, 60.0)
    overall: tuple[int, float] = (25, 1.0)
    margin: float = 0.05  # seconds added to each window for clock and network jitter
    max_retries: int = 5  # RetryAfter answers waited out for one message
    api_per_second: float = 30.0  # every Bot API call (handlers.pacing.Pacer); 0 is no limit

    @classmethod
    def unlimited(cls) -> DeliveryLimits:
        """Return limits that are all off (benchmarks against a server without limits)."""
        return cls(per_chat=(0, 1.0), per_group=(0, 60.0), overall=(0, 1.0), api_per_second=0)


@dataclass(frozen=True, slots=True)
class Config:
    """Every setting the bot reads, with its default."""

    telegram_token: str | None = None
    telegram_api_url: str = DEFAULT_API_URL
    db_path: Path = Path("data/briefbot.db")
    admins: frozenset[int] = frozenset()
    workers: int = 2
    job_seconds: int = 30  # wall-clock limit of one worker job (extraction or briefing)
    briefs_per_minute: int = 10
    max_text_chars: int = 100_000
    log_level: str = "INFO"
    webhook_secret: str | None = None
    feeds_file: Path | None = None
    feed_poll_minutes: int = 15
    cache_hours: int = 24  # how long a link's brief is reused; 0 keeps it for good
    retention_days: int = 30  # cached briefs, the topic index and the delivery log are pruned
    quote_bank_days: int = 365  # /who forgets quotes said longer ago than this
    inline_answer_seconds: float = 7.0  # Telegram drops inline answers after about 10 s
    fetch: FetchSettings = field(default_factory=FetchSettings)
    delivery: DeliveryLimits = field(default_factory=DeliveryLimits)

    @property
    def api_base_url(self) -> str:
        """Return the Bot API base URL that python-telegram-bot appends the token to."""
        return self.telegram_api_url.rstrip("/") + "/bot"


def read_env_file(path: Path) -> dict[str, str]:
    """Read KEY=VALUE lines from a .env file; comments and blank lines are skipped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def read_feeds_file(path: Path) -> list[str]:
    """Read the operator's default feeds: one URL a line; blank lines and # comments skipped."""
    urls = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            urls.append(line.split()[0])  # anything after the URL is a note
    return list(dict.fromkeys(urls))


def _int(env: Mapping[str, str], key: str, default: int, minimum: int = 0) -> int:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{key} must be a whole number, not {raw!r}") from exc
    if value < minimum:
        raise ConfigError(f"{key} must be at least {minimum}")
    return value


def _networks(raw: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    nets = []
    for part in raw.split(","):
        if part.strip():
            try:
                nets.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise ConfigError(
                    f"BRIEFBOT_FETCH_ALLOW_NETWORKS: {part.strip()!r} is not a CIDR"
                ) from exc
    return tuple(nets)


def _ports(raw: str) -> tuple[int, ...]:
    try:
        ports = tuple(int(p) for p in raw.replace(" ", ",").split(",") if p.strip())
    except ValueError as exc:
        raise ConfigError("BRIEFBOT_FETCH_ALLOW_PORTS must be a comma-separated list") from exc
    if any(not 0 < port < 65536 for port in ports):
        raise ConfigError("BRIEFBOT_FETCH_ALLOW_PORTS: a port is a number from 1 to 65535")
    return ports


def _admins(raw: str) -> frozenset[int]:
    try:
        return frozenset(int(p) for p in raw.replace(" ", ",").split(",") if p.strip())
    except ValueError as exc:
        raise ConfigError("BRIEFBOT_ADMINS must be a comma-separated list of user ids") from exc


def load_config(
    environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
) -> Config:
    """Build the configuration from the environment, with a .env file filling the gaps."""
    env: dict[str, str] = read_env_file(env_file) if env_file else {}
    env.update(os.environ if environ is None else environ)
    feeds = env.get("BRIEFBOT_FEEDS", "").strip()
    return Config(
        telegram_token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
        telegram_api_url=env.get("TELEGRAM_API_URL", "").strip() or DEFAULT_API_URL,
        db_path=Path(env.get("BRIEFBOT_DB", "").strip() or "data/briefbot.db"),
        admins=_admins(env.get("BRIEFBOT_ADMINS", "")),
        workers=_int(env, "BRIEFBOT_WORKERS", min(2, os.cpu_count() or 1), minimum=1),
        job_seconds=_int(env, "BRIEFBOT_JOB_SECONDS", 30, minimum=1),
        briefs_per_minute=_int(env, "BRIEFBOT_BRIEFS_PER_MINUTE", 10, minimum=1),
        max_text_chars=_int(env, "BRIEFBOT_MAX_TEXT_CHARS", 100_000, minimum=1000),
        log_level=env.get("BRIEFBOT_LOG_LEVEL", "").strip().upper() or "INFO",
        webhook_secret=env.get("BRIEFBOT_WEBHOOK_SECRET", "").strip() or None,
        feeds_file=Path(feeds) if feeds else None,
        feed_poll_minutes=_int(env, "BRIEFBOT_FEED_POLL_MINUTES", 15, minimum=1),
        cache_hours=_int(env, "BRIEFBOT_CACHE_HOURS", 24),
        retention_days=_int(env, "BRIEFBOT_RETENTION_DAYS", 30, minimum=1),
        quote_bank_days=_int(env, "BRIEFBOT_QUOTE_BANK_DAYS", 365, minimum=1),
        inline_answer_seconds=_int(env, "BRIEFBOT_INLINE_ANSWER_SECONDS", 7, minimum=1),
        fetch=FetchSettings(
            allow_networks=_networks(env.get("BRIEFBOT_FETCH_ALLOW_NETWORKS", "")),
            allowed_ports=tuple(
                dict.fromkeys((80, 443, *_ports(env.get("BRIEFBOT_FETCH_ALLOW_PORTS", ""))))
            ),
        ),
        delivery=DeliveryLimits(
            overall=(_int(env, "BRIEFBOT_SEND_PER_SECOND", 25, minimum=1), 1.0)
        ),
    )
