"""Names: possessive places, laws and model numbers are not people, title-case lines."""

from __future__ import annotations

import pytest

from tests.engine.conftest import MakeBrief

OPENING = "The summit opened in Geneva on Monday with many delegations present and talks began.\n"


def test_possessive_place_is_not_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Anna Keller spent the summer on Martha's Vineyard with her family before "
        "the talks."
    )
    assert all(a.kind != "person" or a.name == "Anna Keller" for a in brief.actors)


def test_program_number_is_not_an_organization(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "The EB-5 program lets investors gain visas. Critics say EB-5 is abused. "
        "Senator Anna Keller wants EB-5 reformed."
    )
    assert "EB-5" not in [a.name for a in brief.actors]


@pytest.mark.parametrize(
    "name", ["North Atlantic Free Trade Agreement", "Clean Water Act"], ids=["treaty", "law"]
)
def test_law_or_treaty_is_not_an_actor(make_brief: MakeBrief, name: str) -> None:
    brief = make_brief(
        OPENING + f"Senator Anna Keller said the {name} had cost jobs. The {name} was signed "
        f"long ago. Keller wants the {name} changed."
    )
    assert name not in [a.name for a in brief.actors]


def test_role_noun_before_a_name_is_not_part_of_it(make_brief: MakeBrief) -> None:
    brief = make_brief(OPENING + "Actress Ella Moss spoke at the gala and thanked the crowd.")
    assert "Ella Moss" in [a.name for a in brief.actors]


def test_title_case_line_names_no_new_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Ella Moss Blasts Harbor Board For Closing The Old Bridge Early.\n\n"
        "Ella Moss said on Monday that the board had closed the bridge too early. Moss wants "
        "it reopened."
    )
    assert [a.name for a in brief.actors if a.kind == "person"] == ["Ella Moss"]


def test_surname_like_a_law_keeps_its_person(make_brief: MakeBrief) -> None:
    brief = make_brief(OPENING + "Steven Law said the group would spend more. Law smiled.")
    assert "Steven Law" in [a.name for a in brief.actors if a.kind == "person"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SpaceX launched a rocket on Monday. SpaceX said the launch went well.", "SpaceX"),
        (
            "Zentrix said sales rose on Monday, said Ann Lee, the chief executive of Zentrix. "
            "Zentrix plans to hire.",
            "Zentrix",
        ),
    ],
    ids=["camel-case", "employer"],
)
def test_body_tagged_as_person_is_an_organization(
    make_brief: MakeBrief, text: str, name: str
) -> None:
    kinds = {a.name: a.kind for a in make_brief(OPENING + text).actors}
    assert kinds[name] == "organization"


@pytest.mark.parametrize("name", ["Mitch McConnell", "Ron DeSantis"])
def test_surname_prefix_is_no_brand(make_brief: MakeBrief, name: str) -> None:
    brief = make_brief(OPENING + f"{name} watched the launch and said it went well.")
    assert {a.name: a.kind for a in brief.actors}[name] == "person"


def test_extraction_debris_is_cut_from_a_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + '"The wall works," Kristi NoemKristi Noem told reporters. Noem said the '
        "state would act."
    )
    assert [a.name for a in brief.actors if a.kind == "person"] == ["Kristi Noem"]
    assert all(a.kind == "person" for a in brief.actors if a.name.endswith("Noem"))
