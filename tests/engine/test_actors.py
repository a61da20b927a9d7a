"""Actors: people with their roles, aliases merged, kinds and ranking."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.engine import DEFAULT_MAX_CHARS, _parse, _read
from bot.briefing.model import ArticleMeta
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import actor_named, quote_with

OPENING = "The summit opened in Geneva on Monday with many delegations present and talks began.\n"

# (id, text, person, expected role)
ROLE_CASES = [
    (
        "apposition",
        OPENING
        + "Laura Stein, head of the Northern Grain Board, met the delegates in the morning.",
        "Laura Stein",
        "head of the Northern Grain Board",
    ),
    (
        "apposition-with-the",
        "Mark Dorn, the city engineer, argued that the bridge was safe and would open in spring.",
        "Mark Dorn",
        "city engineer",
    ),
    (
        "title-prefix",
        OPENING + "Foreign Minister Karl Brandt arrived late and left early without a word.",
        "Karl Brandt",
        "Foreign Minister",
    ),
    (
        "one-word-title",
        "Senator Paul Grant arrived in the capital with his staff on Monday for the talks.",
        "Paul Grant",
        "Senator",
    ),
    (
        "possessive-his",
        "Senator Paul Grant arrived in the capital with his staff on Monday. "
        "His adviser, Daniel Price, stayed behind in the hotel.",
        "Daniel Price",
        "adviser to Paul Grant",
    ),
    (
        "possessive-her",
        "Mayor Karen Holt arrived at the port with her staff on Monday. "
        "Her deputy, Tomas Berg, stayed behind at the city hall.",
        "Tomas Berg",
        "deputy to Karen Holt",
    ),
    (
        "role-noun-parsed-apart",
        # Issue 10: the parser hangs "host" on the verb; it is still the title before the name.
        "Dana Reyes was sent home on Monday in what host Tom Bergeron described as the "
        "hardest verdict so far.",
        "Tom Bergeron",
        "host",
    ),
    (
        "two-nouns-after-of",
        "Nadia Klein, director for Europe and Central Asia at the Lowfield Trust, said on "
        "Monday that the fund would grow next year.",
        "Nadia Klein",
        "director for Europe and Central Asia at the Lowfield Trust",
    ),
    (
        "the-writers-own-words-before-a-role",
        "The library will close in May. That bank manager, Pieter Claes, has used it for forty "
        "years and says he will miss it.",
        "Pieter Claes",
        "bank manager",
    ),
    (
        "school-principal",
        "The school reopened on Thursday after the storm. Principal Martin Okoye said "
        "counselors would be available all week.",
        "Martin Okoye",
        "Principal",
    ),
    (
        "honorific-against-apposition",
        '"The harbour walls are cracked," said Professor Ito Akira, a seismologist at Tohoku '
        "Coastal University, on Sunday.",
        "Ito Akira",
        "seismologist at Tohoku Coastal University",
    ),
    (
        "chief-against-apposition",
        "The president of the Nigeria Football Association, Chief Adewale Ogunleye, was "
        "suspended on Thursday after an audit of the accounts.",
        "Adewale Ogunleye",
        "president of the Nigeria Football Association",
    ),
    (
        "minister-for-a-department",
        "Minister for Health Eamon Fitzgerald urged both sides to return to the talks on "
        'Monday. "Nobody wins if this drags on," Mr Fitzgerald said.',
        "Eamon Fitzgerald",
        "Minister for Health",
    ),
    (
        "agent-noun-before-a-given-name",
        "Songwriter Jakob Pelletier has filed a lawsuit against the label over the melody of "
        "his ballad.",
        "Jakob Pelletier",
        "Songwriter",
    ),
    (
        "title-after-a-participle-clause",
        "Jakob Pelletier has filed a lawsuit accusing pop singer Lena Moravec of copying the "
        "melody of his ballad.",
        "Lena Moravec",
        "pop singer",
    ),
    (
        "a-saints-hospital",
        "More than 600 nurses at St Brendan's University Hospital began a strike on Monday. "
        '"Patient safety remains our top priority," according to Dr Ciaran Doyle, the '
        "hospital's chief executive.",
        "Ciaran Doyle",
        "chief executive of St Brendan's University Hospital",
    ),
    (
        "second-role-after-a-place",
        "Tom Vance, the mayor of Eastbrook and a former teacher, opened the school on Monday.",
        "Tom Vance",
        "mayor of Eastbrook",
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [case[1:] for case in ROLE_CASES],
    ids=[case[0] for case in ROLE_CASES],
)
def test_role_of_person(make_brief: MakeBrief, text: str, name: str, role: str) -> None:
    assert actor_named(make_brief(text), name).role == role


def test_role_of_possessive_its_names_organization(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The Bay Fishermen's Association warned on Monday that dredging could destroy the "
        "oyster beds. Its president, Daniel Okafor, said his members were not against growth."
    )
    assert (
        actor_named(brief, "Daniel Okafor").role == "president of the Bay Fishermen's Association"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Oscar Reed arrived in the capital with his staff on Monday morning. "
            "Reed later left the building alone.",
            "Oscar Reed",
        ),
        (
            "Mayor Karen Holt opened the new library on Monday morning after a long delay. "
            "On Tuesday, Holt visited the school.",
            "Karen Holt",
        ),
    ],
    ids=["surname-as-subject", "surname-after-comma"],
)
def test_actors_merge_surname_with_full_name(make_brief: MakeBrief, text: str, name: str) -> None:
    people = [a for a in make_brief(text).actors if a.kind == "person"]
    # One actor; its mentions count the name, the surname and any pronoun for it.
    assert [a.name for a in people] == [name]
    assert people[0].mentions >= 2


def test_actors_list_surname_as_alias(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Anna Keller, the mayor, spoke first at the meeting on Monday. "
        "Keller said the city had no money left."
    )
    assert actor_named(brief, "Anna Keller").aliases == ("Keller",)


def test_actors_list_untagged_surname_as_alias(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Oscar Reed arrived in the capital with his staff on Monday morning. "
        "Reed later left the building alone."
    )
    assert actor_named(brief, "Oscar Reed").aliases == ("Reed",)


def test_actors_merge_surname_mentioned_first(make_brief: MakeBrief) -> None:
    brief = make_brief(
        '"We cannot wait any longer," Keller, the mayor, said on Monday after the vote. '
        "Anna Keller has led the city for six years."
    )
    people = [a for a in brief.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Anna Keller"]


def test_actors_keep_two_people_with_same_surname_apart(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Anna Keller and her brother Paul Keller both ran for the council on Monday in the "
        "harbour town."
    )
    assert {a.name for a in brief.actors if a.kind == "person"} == {"Anna Keller", "Paul Keller"}


def test_actor_kind_of_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Mayor Karen Holt opened the new library on Monday. "
        "Holt said the building had cost less than planned."
    )
    assert actor_named(brief, "Karen Holt").kind == "person"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            '"We will strike," said Amara Okafor, the union\'s regional officer. Okafor said '
            "the vote was clear.",
            "Amara Okafor",
            "person",
        ),
        (
            "South Africa, the tournament's host, said on Monday that the stadiums were ready. "
            "South Africa has spent $2 billion on them.",
            "South Africa",
            "place",
        ),
    ],
    ids=["a-persons-apposition", "a-place-that-hosts"],
)
def test_name_tagged_as_a_place_by_its_apposition(
    make_brief: MakeBrief, text: str, name: str, kind: str
) -> None:
    # A given name the tagger does not know makes a person a place; "the union's officer"
    # is no place. A place's name ("South Africa") keeps its kind.
    assert actor_named(make_brief(text), name).kind == kind


def test_company_the_tagger_calls_a_person_speaks_as_the_company(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Painkiller linked to heart risk\n\nResearchers at the University of Lund followed "
        "420,000 adults for ten years.\n\nThe drug's maker, Veralis Pharma, said the study "
        'showed an association, not a cause. "Patients should not stop taking their medicine," '
        "the company said.\n"
    )
    assert actor_named(brief, "Veralis Pharma").kind == "organization"
    # "the company" is the company in mind, not the university named before it.
    assert quote_with(brief, "Patients should not").speaker == "Veralis Pharma"


def test_party_members_named_by_a_group_are_no_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Farm bill passes\n\nThe Senate passed a farm bill on Thursday. Hill Democrats, "
        "however, were vague about the plan. Sen. Mara Quill said she had not read the "
        'president\'s plan, but called it "a starting point."'
    )
    democrats = [a for a in brief.actors if a.name == "Hill Democrats"]
    assert all(a.kind == "organization" and a.role is None for a in democrats)


def test_a_product_given_with_its_size_is_no_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Laptop review\n\nThe new 16-inch MacBook Pro is a lot like the old 15-inch MacBook "
        "Pro. The MacBook Pro looks like a fine laptop, and Apple said it would ship in May. "
        '"We listened to our users," said Dana Reyes, an Apple vice president.'
    )
    names = {a.name for a in brief.actors}
    assert "Dana Reyes" in names
    assert not any("MacBook" in name for name in names)


def test_a_model_named_after_its_size_and_maker_is_no_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Laptop maker beats estimates\n\nSales of the 16-inch Lumen Pro X16 grew 38%, "
        "Corvane said. Memory chips used in the X16 cost more this year. The new 16-inch "
        'Apple MacBook went on sale too, and Apple said demand was strong. "We built for '
        'this," said Dana Reyes, a Corvane vice president.'
    )
    names = {a.name for a in brief.actors}
    assert "Apple" in names  # the maker named after the size is still a body
    assert not any("X16" in name for name in names)


def test_an_acronym_that_leaves_out_the_names_and_part_is_the_same_body(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Measles cases climb\n\nMeasles cases have risen in three states, the Centers for "
        "Disease Control and Prevention said on Friday. The CDC said 214 cases had been "
        'reported by May. "Vaccination remains the best protection," the CDC said.'
    )
    bodies = [a for a in brief.actors if a.kind == "organization"]
    assert [a.name for a in bodies] == ["Centers for Disease Control and Prevention"]
    assert "CDC" in bodies[0].aliases
    assert quote_with(brief, "Vaccination remains").speaker == bodies[0].name


def test_a_name_the_tagger_missed_after_an_office_is_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Corvane beats estimates\n\nCorvane Inc reported revenue above expectations on "
        'Tuesday.\n\n"We built for this upgrade cycle," Chief Executive Maren Holt said on a '
        "call with analysts. She said the company would double production."
    )
    holt = actor_named(brief, "Maren Holt")
    assert (holt.kind, holt.role) == ("person", "Chief Executive")
    assert quote_with(brief, "We built for").speaker == "Maren Holt"


def test_a_person_described_by_nationality_is_no_actor_of_that_name(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Herons chase a striker\n\nAshmere City have made a bid for a new striker before "
        "the window closes.\n\nAshmere boss Stefan Korhonen refused to be drawn on the bid. "
        '"I don\'t talk about players at other clubs," the Finn said. "But we need goals."'
    )
    assert "Finn" not in {a.name for a in brief.actors}
    assert quote_with(brief, "players at other clubs").speaker == "Stefan Korhonen"


def test_a_company_named_later_by_its_first_word_is_the_same_body(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Migraine drug trial\n\nThe drug, developed by Pellrose Therapeutics, cut migraine "
        "days by half. The study was funded by Pellrose. Pellrose said it planned to apply "
        'for approval next year. "It is a good trial," said Colin Reddaway, a professor.'
    )
    pellrose = [a for a in brief.actors if a.name.startswith("Pellrose")]
    assert [(a.name, a.kind) for a in pellrose] == [("Pellrose Therapeutics", "organization")]


def test_a_group_named_after_a_meadow_is_a_body_and_the_meadow_no_person(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Homes approved on meadow\n\nPlans for 420 homes on Kestrel Meadows were approved "
        "on Tuesday. The Save Kestrel Meadows group said it would consider a legal challenge. "
        "Its chair, retired ecologist Margaret Lyle, said the site was home to skylarks."
    )
    assert actor_named(brief, "Margaret Lyle").role == "chair of Save Kestrel Meadows"
    assert all(a.kind != "person" for a in brief.actors if "Meadows" in a.name)


def test_a_company_named_by_its_first_word_the_tagger_calls_a_town(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Airline strike\n\nSkyvale Airways cancelled 240 flights on Friday as cabin crew "
        "began a strike. Skyvale has offered 6% over two years. Skyvale said in a statement "
        'that the demands were "unaffordable" and would hurt the airline.'
    )
    assert [a.name for a in brief.actors if "Skyvale" in a.name] == ["Skyvale Airways"]


def test_an_acronym_of_a_hyphenated_name_is_the_same_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Measles outbreak\n\nThe Tri-County Health Authority confirmed 14 cases on Monday. "
        'TCHA said more were likely. "Measles spreads fast," TCHA medical director Naomi '
        "Feldstein said. TCHA urged parents to check their children's records."
    )
    assert [a.name for a in brief.actors if a.kind == "organization"] == [
        "Tri-County Health Authority"
    ]


def test_a_company_named_by_what_it_sells_is_no_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Frozen food deal\n\nCorvane Foods is in talks to buy Halden Brands. The merged "
        "company would control 31% of frozen-dinner sales, according to Tallis Retail Data, "
        'a market researcher. "Scale matters," said Dana Whitford, Corvane\'s chief executive.'
    )
    assert all(a.kind != "person" for a in brief.actors if a.name == "Tallis Retail Data")


def test_a_lender_named_mutual_is_no_person_and_no_speaker_for_she(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Rates rise\n\nKeystone Mutual said it was \u201creviewing pricing across its "
        "range.\u201d\n\nFor Priya Nandakumar, a 31-year-old nurse, the timing could hardly be "
        "worse.\n\n\u201cWe did everything right,\u201d she said.\n"
    )
    assert quote_with(brief, "We did everything right").speaker == "Priya Nandakumar"


def test_the_after_a_dateline_is_no_part_of_a_bodys_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Regulator fines Quorra\n\nBRUSSELS — The European Commission on Wednesday fined "
        "Quorra $2 billion for favouring its own shopping service. The Commission said the "
        "company had denied rivals a fair chance."
    )
    assert "European Commission" in {a.name for a in brief.actors}


def test_actor_kind_of_quoted_person_tagged_as_place(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The new rules were published on Monday by the transport agency in the capital. "
        'According to Helen Park, "the rules will raise fares."'
    )
    assert actor_named(brief, "Helen Park").kind == "person"


def test_actors_rank_speaker_first(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Anna Keller met Mark Dorn on Monday to discuss the new bridge over the river. "
        '"We cannot afford another delay," he said.'
    )
    assert [a.name for a in brief.actors][:2] == ["Mark Dorn", "Anna Keller"]


def test_actors_have_distinct_ids(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Anna Keller met Mark Dorn on Monday to discuss the new bridge over the river. "
        "Sofia Berg joined them later and said the city had the money."
    )
    assert len({a.id for a in brief.actors}) == len(brief.actors) == 3


def test_actors_count_quotes(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "“It is a good day for the city,” Anna Keller said on Monday. "
        "“We waited ten years for this bridge.”"
    )
    assert actor_named(brief, "Anna Keller").quote_count == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Protesters gathered in Riverton on Monday as the council met. Mayor Anna Keller "
            "said the new bridge in Riverton would open in the spring.",
            "Riverton",
        ),
        (
            "Mayor Anna Keller told the Daily Ledger on Monday that the bridge would open in "
            "spring. Keller said the city had the money.",
            "Daily Ledger",
        ),
        (
            "Mayor Anna Keller said on Monday that Americans were tired of waiting for the "
            "bridge. Keller said the city had the money.",
            "Americans",
        ),
        (
            "The bridge over the Tern River will open in the spring, according to the Riverton "
            "Gazette. Mayor Anna Keller said the city had the money.",
            "Riverton Gazette",
        ),
    ],
    ids=["setting", "outlet-that-reports", "people", "outlet-as-source"],
)
def test_actors_leave_out_settings_and_sources(
    make_brief: MakeBrief, text: str, name: str
) -> None:
    assert name not in [a.name for a in make_brief(text).actors]


def test_agency_that_reports_stays_a_speaker(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Farm income fell by a tenth last year, according to the Riverton Farm Bureau. "
        "Mayor Anna Keller said the city would help growers."
    )
    assert "Riverton Farm Bureau" in [a.name for a in brief.actors]


def test_actors_list_place_that_acts(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Ohio sued the federal government on Monday over the new rules for coal plants. "
        "Ohio argued that the rules would cost thousands of jobs across the state."
    )
    assert "Ohio" in [a.name for a in brief.actors]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Norland's foreign ministry said on Monday that the treaty would damage the talks.",
            "Norland's foreign ministry",
        ),
        (
            "The Keller administration approved the bridge on Monday after a long debate.",
            "Keller administration",
        ),
        (
            "Anna Keller spoke at the rally. The Keller family said on Monday that it would "
            "fund the new library.",
            "Keller family",
        ),
        (
            "The city council of Leeds voted on Monday to raise the flood wall.",
            "city council of Leeds",
        ),
    ],
    ids=["possessive", "compound-name", "family", "of-a-place"],
)
def test_actors_list_body_named_by_description(
    make_brief: MakeBrief, text: str, body: str
) -> None:
    brief = make_brief("Mayor Anna Keller spoke to the council on Monday. " + text)
    assert body in [a.name for a in brief.actors]


def test_body_noun_alone_speaks_for_the_body_named_before(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Norland's foreign ministry said on Monday that the treaty would damage the talks. "
        '"This is a dangerous step," the ministry said in a statement.'
    )
    assert quote_with(brief, "dangerous step").speaker == "Norland's foreign ministry"


def test_body_noun_alone_speaks_for_the_body_of_a_place(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The government of Norway said on Monday that the treaty would damage the talks. "
        '"This is a dangerous step," the government said in a statement.'
    )
    assert quote_with(brief, "dangerous step").speaker == "government of Norway"


NURSES = (
    "Nurses at Alder Vale General Hospital voted to strike next month. The Alder Vale "
    "Nurses Union said most members backed the walkout.\n\n"
    "Chief executive Dan Hsu said a strike would put patients at risk.\n\n"
    "The union wants one nurse for every four patients. The hospital says that would cost "
    "$12 million a year, and the hospital has no such money.\n\n"
    '"We will not be bullied," the union said in a statement.'
)


def test_head_noun_of_a_named_body_speaks_for_it(make_brief: MakeBrief) -> None:
    brief = make_brief(NURSES)
    assert quote_with(brief, "bullied").speaker == "Alder Vale Nurses Union"


def test_body_named_once_then_by_its_head_noun_is_listed(make_brief: MakeBrief) -> None:
    names = [a.name for a in make_brief(NURSES).actors]
    assert "Alder Vale General Hospital" in names


def test_a_general_head_noun_is_the_body_described_so(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Harbor Building Group bought the old mill on Monday. Greenway Futures, a residents' "
        'group, opposed the sale.\n\n"We will fight this in court," the group said.'
    )
    assert quote_with(brief, "fight this").speaker == "Greenway Futures"


def test_a_place_noun_in_lower_case_is_not_the_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The White House said on Monday that the house on Elm Road would be sold. "
        "Officials said the house was empty."
    )
    assert actor_named(brief, "White House").mentions == 1


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "The Turkish government said on Monday that it would close the border.",
            "Turkish government",
            "place",
        ),
        (
            "The government of Norway said on Monday that it would close the border.",
            "government of Norway",
            "place",
        ),
        (
            "Norway's foreign ministry said on Monday that it would close the border.",
            "Norway's foreign ministry",
            "organization",
        ),
    ],
    ids=["people", "of-a-state", "a-ministry"],
)
def test_a_states_government_acts_as_the_country(
    make_brief: MakeBrief, text: str, name: str, kind: str
) -> None:
    # Issue 10: the tagger's label of the owner (a people, a state) makes it the country.
    brief = make_brief(text + ' "This is a dangerous step," the government said.')
    assert actor_named(brief, name).kind == kind


def test_a_body_of_a_body_is_no_new_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "A three-judge panel of the Norland Court of Appeals ruled on Monday that the law "
        "was void. The Norland Court of Appeals said the state could appeal."
    )
    assert not [a.name for a in brief.actors if a.name.startswith("three-judge")]


def test_actors_leave_out_names_met_only_in_a_list(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Mayor Anna Keller said on Monday that the bridge would open in the spring. Keller "
        "told the council that the city had found the money. The mayors who promised the same "
        "bridge include Tom Hart, Lisa Moor, Sam Reed and Ida Brandt. Keller said this "
        "time the work had already begun."
    )
    assert "Lisa Moor" not in [a.name for a in brief.actors]


def test_actors_list_speaker_before_person_in_passing(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The council met on Monday to vote on the bridge, a plan first drawn up under "
        'Mayor Tom Hart. "We have waited long enough," said Anna Keller, the council\'s '
        'chair. "The money is there and the work can begin," Keller said.'
    )
    assert brief.actors[0].name == "Anna Keller"


def test_one_owners_body_is_one_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The summit opened in Geneva on Monday with many delegations present and talks began. "
        "The Keller campaign said on Monday it would fight on. Anna Keller's presidential "
        "campaign has raised more money than expected."
    )
    bodies = [a.name for a in brief.actors if a.kind == "organization"]
    assert bodies == ["Keller campaign"]  # the name without an owner's "'s" shows it


def test_longest_body_description_names_it(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The summit opened in Geneva on Monday with many delegations present and talks began. "
        "The Keller campaign said on Monday it would fight on. The Keller presidential "
        "campaign has raised more money than expected."
    )
    bodies = [a.name for a in brief.actors if a.kind == "organization"]
    assert bodies == ["Keller presidential campaign"]


# (case, text, name, kind the brief gives the name, or None when it is not listed)
UNTAGGED_NAMES = [
    (
        "acting-again-and-again",
        "Quorvel activated its safety tool on Friday, which lets users mark themselves safe. "
        "Quorvel created the tool to help in a crisis, a spokeswoman said.",
        "Quorvel",
        "organization",
    ),
    (
        "acting-once",
        "Quorvel activated its safety tool on Friday, which lets users mark themselves safe. "
        "The tool was made to help in a crisis, a spokeswoman said.",
        "Quorvel",
        None,
    ),
    (
        "ending-in-a-body-word",
        "Rita Vance spoke on Monday. The Anti-Drought Quorvel League has protested her use of "
        "old tropes.",
        "Anti-Drought Quorvel League",
        "organization",
    ),
    (
        # Issue 10: "PAC" in capitals ended the run, and the party word was cut off its front.
        "ending-in-a-capital-suffix",
        "Rita Vance spoke on Monday. Conservative Quorvel PAC raised $5 million for her campaign.",
        "Conservative Quorvel PAC",
        "organization",
    ),
    (
        # Issue 10: a body's name of ordinary words, repeated, was never found as a name.
        "named-again-and-again",
        "Rita Vance founded Lantern Sisters Rise ten years ago. Last week Lantern Sisters Rise "
        "held its gala in Newark. Vance said the gala of Lantern Sisters Rise was a success.",
        "Lantern Sisters Rise",
        "organization",
    ),
    (
        # A place's name and a club's word the tagger left out: the team, not the town.
        "place-and-a-clubs-word",
        "Harbor Athletic led until the 89th minute, when Westbridge Rovers scored twice. "
        "Rovers will play in the final in May.",
        "Westbridge Rovers",
        "organization",
    ),
    (
        "named-once",
        "Rita Vance founded Lantern Sisters Rise ten years ago. Last week the group held its "
        "gala in Newark. Vance said the gala was a success.",
        "Lantern Sisters Rise",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [case[1:] for case in UNTAGGED_NAMES],
    ids=[case[0] for case in UNTAGGED_NAMES],
)
def test_untagged_name(make_brief: MakeBrief, text: str, name: str, kind: str | None) -> None:
    assert {a.name: a.kind for a in make_brief(text).actors}.get(name) == kind


def test_role_noun_beside_its_name_is_that_person(nlp: Language) -> None:
    text = (
        "But the former cabinet minister Tomas Berg said the rise would hurt workers. "
        '"We promised not to do this," he said. Number ten said the prime minister, Ines Salo, '
        "remained confident the bill would pass."
    )
    doc, title = _parse(text, ArticleMeta(), nlp, DEFAULT_MAX_CHARS)
    _read(doc, title)
    after = text.index("Number ten")
    names = [doc._.brief_actors[m.actor].name for m in doc._.brief_mentions
             if m.actor is not None and doc[m.start].idx > after]  # fmt: skip
    assert "Ines Salo" in names
    assert "Tomas Berg" not in names


def test_people_named_with_their_ages_in_a_list_are_listed(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Police arrested five people on Tuesday after officers found stolen electronics in a "
        "warehouse, Sheriff Dolores Quinn said.\n\nThose arrested were Marcus Bell, 34, of "
        "Eastfield; Tanya Reyes, 29, of Millbrook; and Devon Clarke, 41, Jamal Price, 25, and "
        "Owen Hardy, 38, all of Carver City. Bell is also charged with organised theft."
    )
    names = [a.name for a in brief.actors]
    for arrested in ("Marcus Bell", "Tanya Reyes", "Devon Clarke", "Jamal Price", "Owen Hardy"):
        assert arrested in names


def test_a_list_of_names_without_ages_is_still_named_in_passing(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Mayor Ellen Voss opened the new library on Monday. Voss said the building had cost "
        "$4 million and would open every day.\n\nDonors included Marcus Bell, Tanya Reyes, "
        "Devon Clarke and Owen Hardy."
    )
    assert [a.name for a in brief.actors] == ["Ellen Voss"]
