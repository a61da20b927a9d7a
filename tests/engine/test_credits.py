"""Credits: datelines and credit lines name no actors."""

from __future__ import annotations

import pytest

from bot.briefing.credits import dateline_end
from tests.engine.conftest import MakeBrief

STORY = (
    "Mayor Anna Keller opened the new bridge over the river on Monday after two years of "
    "work. Keller said the city had paid for it without new taxes."
)


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("PHILADELPHIA (AP) — The convention opened.", "PHILADELPHIA (AP) — "),
        ("WASHINGTON (Reuters) - The court ruled.", "WASHINGTON (Reuters) - "),
        ("NEW YORK — Prices rose.", "NEW YORK — "),
        ("The FBI said on Monday it had closed the case.", ""),
        ("US - China talks resumed.", ""),
        ("  (Wire) -- The court ruled.", "  (Wire) -- "),
        ("Portville (Wire) - The court ruled.", "Portville (Wire) - "),
    ],
    ids=[
        "agency",
        "agency-hyphen",
        "two-words",
        "no-dateline",
        "short-caps",
        "agency-alone",
        "town-and-agency",
    ],
)
def test_dateline_end(paragraph: str, dateline: str) -> None:
    assert paragraph[: dateline_end(paragraph)] == dateline


@pytest.mark.parametrize(
    ("credit", "author"),
    [
        ("(Reporting by Tomas Berg; Editing by Ines Salo)", "Tomas Berg"),
        ("Follow Tomas Berg on Twitter @tberg.", "Tomas Berg"),
        ("Tomas Berg contributed to this report.", "Tomas Berg"),
        ("Tomas Berg is a senior editor at the Daily Ledger.", "Tomas Berg"),
        ("Contributing: Tomas Berg, City News Service.", "Tomas Berg"),
        ("Tomas Berg, Ledger diplomatic correspondent", "Tomas Berg"),
        ("Our reporter Tomas Berg is at the bridge and will bring updates.", "Tomas Berg"),
    ],
    ids=[
        "reporting-by",
        "follow",
        "contributed",
        "is-an-editor",
        "contributing",
        "signed",
        "our-reporter",
    ],
)
def test_credit_line_names_no_actor(make_brief: MakeBrief, credit: str, author: str) -> None:
    brief = make_brief(STORY + "\n\n" + credit)
    assert author not in [a.name for a in brief.actors]


def test_dateline_is_no_actor(make_brief: MakeBrief) -> None:
    brief = make_brief("RIVERTON (AP) — " + STORY)
    assert "RIVERTON" not in [a.name for a in brief.actors]


def test_name_after_dateline_is_kept(make_brief: MakeBrief) -> None:
    brief = make_brief("RIVERTON - " + STORY)
    assert "Anna Keller" in [a.name for a in brief.actors]
