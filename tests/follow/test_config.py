"""The subscription settings in the configuration: default feeds and the sender's rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, DeliveryLimits, load_config, read_feeds_file


def test_read_feeds_file_skips_comments_blanks_and_repeats(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# the operator's feeds\nhttps://a.example/rss  Alder Gazette\n\n"
        "https://b.example/atom.xml#fragment\nhttps://a.example/rss\n"
    )
    assert read_feeds_file(path) == [
        "https://a.example/rss",
        "https://b.example/atom.xml#fragment",
    ]


def test_load_config_reads_feeds_and_send_rate(tmp_path: Path) -> None:
    env = {"BRIEFBOT_FEEDS": str(tmp_path / "f.txt"), "BRIEFBOT_SEND_PER_SECOND": "10"}
    config = load_config(env, env_file=None)
    assert config.feeds_file == tmp_path / "f.txt"
    assert config.delivery.overall == (10, 1.0)
    assert config.delivery.per_chat == DeliveryLimits().per_chat


def test_load_config_refuses_a_zero_send_rate() -> None:
    with pytest.raises(ConfigError):
        load_config({"BRIEFBOT_SEND_PER_SECOND": "0"}, env_file=None)


def test_load_config_adds_allowed_fetch_ports() -> None:
    config = load_config({"BRIEFBOT_FETCH_ALLOW_PORTS": "8080, 443"}, env_file=None)
    assert config.fetch.allowed_ports == (80, 443, 8080)


@pytest.mark.parametrize("raw", ["http", "0", "70000"])
def test_load_config_refuses_a_bad_fetch_port(raw: str) -> None:
    with pytest.raises(ConfigError):
        load_config({"BRIEFBOT_FETCH_ALLOW_PORTS": raw}, env_file=None)


def test_load_config_reads_retention_and_job_limit() -> None:
    config = load_config(
        {"BRIEFBOT_RETENTION_DAYS": "7", "BRIEFBOT_JOB_SECONDS": "12",
         "BRIEFBOT_QUOTE_BANK_DAYS": "90"},
        env_file=None,
    )  # fmt: skip
    assert (config.retention_days, config.job_seconds, config.quote_bank_days) == (7, 12, 90)
    defaults = load_config({}, env_file=None)
    assert (defaults.retention_days, defaults.job_seconds, defaults.quote_bank_days) == (
        30,
        30,
        365,
    )
