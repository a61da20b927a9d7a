"""Names: possessive places, laws and model numbers are not people, title-case lines."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from bot.briefing.actorindex import ActorIndex
from bot.briefing.entitykinds import entity_kind
from bot.briefing.lexicon import name_gender
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import actor_named, quote_with

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


def test_sentence_with_capitalised_names_is_no_title_case_line(make_brief: MakeBrief) -> None:
    # Issue 10: a first sentence full of names was read as a headline and its names lost.
    brief = make_brief(
        OPENING + "\nQuorvel Magazine chose German Chancellor Ella Moss as its Person of the Year "
        "on Wednesday.\n\nQuorvel said Moss had led Europe through a hard year. Quorvel praised "
        "her work."
    )
    assert "Quorvel Magazine" in [a.name for a in brief.actors]


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
        (
            "Harbor Capital said on Monday that it gave $2 million to Jim Ortiz PAC, a group "
            "backing the mayor. Jim Ortiz PAC spent the money on ads.",
            "Jim Ortiz PAC",
        ),
    ],
    ids=["camel-case", "employer", "named-after-a-person"],
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


@pytest.mark.parametrize("name", ["DeMar Okafor", "LeVar Grant", "W. Neil Keller"])
def test_camel_case_or_initial_first_name_stays_in_the_name(
    make_brief: MakeBrief, name: str
) -> None:
    surname = name.split()[-1]
    brief = make_brief(
        OPENING + f'{name} scored 30 points on Friday as the home side won. "We played '
        f'well," {name} said. {surname} said the team could win the title.'
    )
    assert name in [a.name for a in brief.actors]


def test_team_by_its_last_word_is_the_same_team(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "The Harbor City Gulls beat the Lakeside Owls on Sunday. The Gulls trailed "
        "by 14 points, and Gulls coach Marta Lindgren said the win could lift the team. The "
        "Gulls host the Owls on Wednesday, and Gulls fans expect a win."
    )
    names = [a.name for a in brief.actors]
    assert "Harbor City Gulls" in names  # not "The Harbor City Gulls": the sentence's capital
    assert "Gulls" not in names


def test_team_said_by_its_last_word_is_counted(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Ana Ruiz scored 30 points as the surging Harbor City Gulls won again. It was "
        "the Gulls’ fifth straight victory, and the NBA-leading Gulls have won 12 of 13. Ruiz "
        "said the Gulls’ defense made the difference, and she said the Gulls could win it all."
    )
    gulls = actor_named(brief, "Harbor City Gulls")
    assert gulls.mentions >= 4


def test_partys_members_are_not_joined_to_a_longer_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "House Democrats voted against the bill on Monday. Democrats said the bill "
        "would cut jobs, and Democrats vowed to fight it. House Democrats met again on Friday."
    )
    aliases = {f for a in brief.actors for f in (a.name, *a.aliases) if "House" in a.name}
    assert "Democrats" not in aliases


def test_extraction_debris_is_cut_from_a_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + '"The wall works," Kristi NoemKristi Noem told reporters. Noem said the '
        "state would act."
    )
    assert [a.name for a in brief.actors if a.kind == "person"] == ["Kristi Noem"]
    assert all(a.kind == "person" for a in brief.actors if a.name.endswith("Noem"))


def test_bare_body_noun_is_no_actor(nlp: Language) -> None:
    doc = nlp("Ana Lee gave money to the PAC on Monday. The PAC spent it on ads.")
    tagged = [e for e in doc.ents if e.text == "PAC"]
    assert tagged  # the small model tags the bare noun as an organization
    assert all(entity_kind(e) is None for e in tagged)


def test_body_named_without_its_first_word_is_the_same_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Money went to the Clean Rivers Committee on Monday. Officials at Rivers "
        "Committee said it would be spent on ads. Rivers Committee bought airtime."
    )
    names = [a.name for a in brief.actors]
    assert "Clean Rivers Committee" in names
    assert "Rivers Committee" not in names


@pytest.mark.parametrize(
    ("first", "second", "name"),
    [
        ("Grain Board", "EU Grain Board", "EU Grain Board"),
        ("Grain Board", "Key Grain Board", "Grain Board"),
        ("Grain Board", "Ana Lee's Grain Board", "Grain Board"),
    ],
    ids=["acronym-added", "word-added", "owner-added"],
)
def test_body_name_ending_another_keeps_the_better_name(
    first: str, second: str, name: str
) -> None:
    index = ActorIndex()
    a = index.other(first, "organization", 0)
    b = index.other(second, "organization", 5)
    if "'" in second:
        assert a != b  # an owner's body may be another one
    else:
        assert a == b
    assert index.actors[a].name == name


def test_first_word_of_a_known_body_is_that_body() -> None:
    index = ActorIndex()
    bank = index.other("Harbor Sachs", "organization", 0)
    index.other("Lake Partners", "organization", 3)
    assert index.other("Harbor", "organization", 9) == bank
    assert index.actors[bank].name == "Harbor Sachs"
    assert index.other("Stone", "organization", 12) not in (bank,)


def test_longer_body_name_that_adds_a_known_name_is_shown() -> None:
    index = ActorIndex()
    index.other("Harbor", "organization", 0)
    school = index.other("Law School", "organization", 4)
    assert index.other("Harbor University Law School", "organization", 9) == school
    assert index.actors[school].name == "Harbor University Law School"


def test_title_and_a_person_tagged_as_a_body_is_a_person(nlp: Language) -> None:
    doc = nlp("The plan contradicts former Secretary of Defense Leon Dorn on the timing.")
    ent = Span(doc, 6, 9, label="ORG")  # "Defense Leon Dorn", as the tagger may cut it
    assert entity_kind(ent) == "person"


@pytest.mark.parametrize(
    "names",
    [["Maria Lopez Garcia", "Lopez Garcia"], ["Lopez Garcia", "Maria Lopez Garcia"]],
    ids=["full-first", "surname-first"],
)
def test_compound_surname_said_alone_is_the_same_person(names: list[str]) -> None:
    index = ActorIndex()
    found = {index.person(name.split(), n) for n, name in enumerate(names)}
    assert len(found) == 1
    actor = index.actors[found.pop()]
    assert (actor.name, actor.first) == ("Maria Lopez Garcia", "Maria")


def test_title_run_is_no_compound_surname() -> None:
    index = ActorIndex()
    a = index.person("Sandy Cove School Principal".split(), 0)
    assert index.person("Sandy Cove".split(), 5) != a


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Norland's president Lin Ai-wen said the island would resist the pressure. "
            '"We will not bow," Lin said.',
            "Lin Ai-wen",
            "Norland's president",
        ),
        (
            "Police spokesman Cheuk Mo-yip told reporters the campus was closed. Cheuk said "
            "officers would stay until the students left.",
            "Cheuk Mo-yip",
            "police spokesman",
        ),
    ],
    ids=["quoted-by-surname", "reported-by-surname"],
)
def test_hyphenated_given_name_is_whole_and_its_surname_comes_first(
    make_brief: MakeBrief, text: str, name: str, role: str
) -> None:
    brief = make_brief(OPENING + text)
    people = [a for a in brief.actors if a.kind == "person"]
    assert [(a.name, a.role) for a in people] == [(name, role)]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ella Moss backed the Grant-era rules on Monday.",
        "Ella Moss, a Grant-backed candidate, won the seat on Monday.",
    ],
    ids=["era", "backed"],
)
def test_word_hyphened_to_a_name_is_not_a_given_name(make_brief: MakeBrief, text: str) -> None:
    names = [a.name for a in make_brief(OPENING + text).actors]
    assert "Ella Moss" in names
    assert not any("-" in name for name in names)


def test_name_after_the_is_a_body_not_a_person(make_brief: MakeBrief) -> None:
    # The tagger takes a club's nickname for a person; "the" before it says otherwise.
    brief = make_brief(
        OPENING + "The Marlins beat the Gulls 3-2 on Saturday. Coach Ella Moss said the Marlins "
        "had played well. The Marlins will host the Gulls again on Friday."
    )
    kinds = {a.name: a.kind for a in brief.actors}
    assert kinds["Marlins"] == "organization"
    assert kinds["Ella Moss"] == "person"


def test_name_qualifying_a_noun_after_the_stays_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Senator Ella Moss spoke on Monday. Critics said the Moss plan was too costly, "
        "and the Moss campaign said it would answer them."
    )
    assert {a.name: a.kind for a in brief.actors}["Ella Moss"] == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Commission President Ella von der Moss said the bloc would act. Von der Moss "
            "added that talks could resume.",
            "Ella von der Moss",
        ),
        (
            "Mayor Paul de Grant said the bridge would reopen. De Grant spoke at noon.",
            "Paul de Grant",
        ),
        (
            "Officials said Khalid bin Tarek would invest in ports. Bin Tarek spoke later.",
            "Khalid bin Tarek",
        ),
    ],
    ids=["von-der", "de", "bin"],
)
def test_particle_inside_a_name_is_kept_and_its_surname_said_alone_is_the_person(
    make_brief: MakeBrief, text: str, name: str
) -> None:
    people = [a.name for a in make_brief(OPENING + text).actors if a.kind != "place"]
    assert people == [name]


def test_particles_are_not_taken_from_outside_a_name(make_brief: MakeBrief) -> None:
    names = [a.name for a in make_brief(OPENING + "Ella Moss of the Harbor Board spoke.").actors]
    assert "Ella Moss" in names


def test_hyphenated_first_name_tagged_as_a_body_is_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Hans-Dieter Kranz said the plan would fail. Kranz added that talks could "
        "resume."
    )
    assert [(a.name, a.kind) for a in brief.actors] == [("Hans-Dieter Kranz", "person")]


def test_hyphenated_company_name_stays_a_body(nlp: Language) -> None:
    doc = nlp("Norwex-Vanta Holdings said the plan would fail. Holdings shares fell.")
    assert [entity_kind(e) for e in doc.ents if e.label_ == "ORG"] == ["organization"]


def test_headline_gives_a_bare_surname_its_first_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Ella Moss: 'I Will Not Back Down'\n\n" + OPENING + "Moss said the plan would fail. "
        '"We will fight this," Moss said.'
    )
    assert [a.name for a in brief.actors] == ["Ella Moss"]
    assert brief.quotes[0].speaker == "Ella Moss"


def test_headline_word_that_is_no_first_name_is_not_taken(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Harbor Board Blasts Moss Over Bridge\n\n" + OPENING + "Moss said the plan would fail. "
        "Moss added that talks could resume."
    )
    assert "Moss" in [a.name for a in brief.actors]


def test_name_tagged_as_a_body_whose_surname_speaks_is_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "He watched the final between Tomaz Kestrovic and Ella Moss. Kestrovic said "
        "he was tired."
    )
    kinds = {a.name: a.kind for a in brief.actors}
    assert kinds.get("Tomaz Kestrovic") == "person"
    assert "Kestrovic" not in kinds


def test_nickname_before_a_known_surname_is_not_a_new_person(nlp: Language) -> None:
    doc = nlp("Donald Trump spoke. Then Demogorgon Trump arrived, and Trump said he was happy.")
    kinds = {e.text: entity_kind(e) for e in doc.ents}
    assert kinds.get("Demogorgon Trump", "organization") != "person"


def test_person_after_an_outlets_plural_possessive_is_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "In an interview with Harbor News’ Ella Moss on Monday, Mayor Paul Grant said "
        "the bridge would reopen. Moss said viewers would agree."
    )
    assert "Ella Moss" in [a.name for a in brief.actors if a.kind == "person"]


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "Trade talks went on.\n\nHe spent an hour with President Enrique Peña Nieto on "
            "Wednesday. Peña Nieto said trade must be fair. Peña Nieto called him a friend.",
            "Enrique Peña Nieto",
        ),
        (
            "Trade talks went on.\n\nHe met President Andrés Manuel López Obrador on Friday. "
            "López Obrador said the talks went well. López Obrador smiled.",
            "Andrés Manuel López Obrador",
        ),
    ],
    ids=["name-cut-before-the-second-surname", "double-surname-tagged-as-a-body"],
)
def test_double_surname_said_alone_is_the_person_named_in_full(
    make_brief: MakeBrief, text: str, full: str
) -> None:
    brief = make_brief(text)
    people = [a for a in brief.actors if a.kind == "person"]
    assert [a.name for a in people] == [full]
    assert people[0].role == "President"


@pytest.mark.parametrize(
    ("full", "short", "kind"),
    [
        ("Andrés Manuel Ruiz Obrado", "Ruiz Obrado", "person"),
        ("Obama White House", "White House", "organization"),
        ("Jeff Bezos’s Blue Horizon", "Blue Horizon", "organization"),
    ],
    ids=["double-surname", "body-word", "after-a-possessive"],
)
def test_body_that_ends_a_persons_name(nlp: Language, full: str, short: str, kind: str) -> None:
    doc = nlp(f"Talks began with {full} on Monday. Later {short} said no.")
    start = next(t.i for t in doc if t.text == full.split()[0])
    later = next(t.i for t in doc if t.text == "Later") + 1
    long = Span(doc, start, start + len(nlp.make_doc(full)), label="PERSON")
    body = Span(doc, later, later + len(short.split()), label="ORG")
    doc.ents = [long, body]
    assert entity_kind(body) == kind


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Outbreak in the north.\n\nDoctors confirmed two new cases of the plague on Monday. "
            "Relatives were asked to stay at home.\n\nPlague kills most patients who go without "
            "antibiotics for a week.\n\nWhere does the plague come from?\n\nPlague lives in "
            "rodents such as marmots and squirrels.\n\nPlague reaches people through the bites "
            "of their fleas.",
            "Plague",
        ),
        (
            "Seizures rise.\n\nThe trade in drugs is growing, the senator said.\n\nBorder agents "
            '"tell us the numbers keep climbing," he said. The figures came from Customs and '
            "Border Protection. The border runs for 2,000 miles.",
            "Border",
        ),
    ],
    ids=["acting-subject", "tagged-as-a-person"],
)
def test_common_word_that_only_opens_sentences_is_no_actor(
    make_brief: MakeBrief, text: str, word: str
) -> None:
    assert word not in [a.name for a in make_brief(text).actors]


def test_name_capitalised_inside_a_sentence_stays_an_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Markets fall.\n\nShares of Zentrix fell on Monday. Zentrix said it would cut costs. "
        "Zentrix expects a weak quarter, and the zentrix logo was changed."
    )
    assert [a.name for a in brief.actors] == ["Zentrix"]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Sea levels.\n\nThe International Ocean Organization (IOO) said on Monday that the "
            "risk was low. The IOO said it was monitoring the coasts.",
            "International Ocean Organization",
        ),
        (
            "Outbreak in the north.\n\nThe illness spreads after a few days, says the Northern "
            'Ports Authority.\n\nDoctors are worried.\n\nUntreated, the illness is "always '
            'fatal", says NPA.',
            "Northern Ports Authority",
        ),
    ],
    ids=["acronym-in-brackets", "acronym-after-says"],
)
def test_body_and_its_acronym_are_one_actor(make_brief: MakeBrief, text: str, body: str) -> None:
    brief = make_brief(text)
    assert [(a.name, a.kind) for a in brief.actors] == [(body, "organization")]


def test_speaker_named_by_an_unknown_acronym_is_a_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        'Outbreak in the north.\n\nDoctors are worried.\n\n"The risk is rising," says NPA.'
    )
    assert actor_named(brief, "NPA").kind == "organization"


def test_surname_that_is_also_a_common_word_stays_a_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Campaign trail.\n\nGovernor Anna Price toured the farms on Monday.\n\nPrice said the "
        "drought was the worst in years. Farmers said the price of feed had doubled."
    )
    assert actor_named(brief, "Anna Price").mentions >= 2


def test_given_names_joined_by_and_share_the_surname_after_them(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Donors gather.\n\nThe group was founded by the billionaire brothers Charles G. and David "
        "H. Walden; dues start at $100,000. Charles Walden said the group would spend heavily. "
        "David Walden declined to comment."
    )
    assert sorted(a.name for a in brief.actors) == ["Charles G. Walden", "David H. Walden"]


def test_speech_verb_opening_a_speakers_line_is_no_first_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        'Radio.\n\nThe show aired on Friday.\n\nStated Stone:\n\n"I think the stakes are high," '
        "he said. Stone added that he would vote."
    )
    assert [a.name for a in brief.actors] == ["Stone"]


def test_honorific_picks_the_bearer_of_its_gender() -> None:
    index = ActorIndex()
    index.prepare([(["Helen", "Varga"], 0), (["Peter", "Varga"], 5)])
    helen = index.person(["Varga"], 10, gender="f")
    peter = index.person(["Varga"], 15, gender="m")
    assert (index.actors[helen].name, index.actors[peter].name) == ("Helen Varga", "Peter Varga")


def test_mrs_with_a_surname_two_people_share_is_the_woman(make_brief: MakeBrief) -> None:
    text = (
        OPENING + "Helen Varga is running for governor this year against a crowded field.\n"
        "Her husband, former Governor Peter Varga, campaigned for her on Sunday in Tarnow.\n"
        "Mrs. Varga told voters she would cut property taxes. Mrs. Varga also promised a new "
        "bridge, and Mrs. Varga said the plan was paid for."
    )
    brief = make_brief(text)
    assert actor_named(brief, "Helen Varga").mentions > actor_named(brief, "Peter Varga").mentions


def test_a_newspaper_tagged_as_a_title_or_a_person_is_a_body(nlp: Language) -> None:
    doc = nlp("On Sunday, The Pellbrook Courier said the plan had failed, as Tobias Wren wrote.")
    start = next(t.i for t in doc if t.text == "The")
    doc.ents = [Span(doc, start, start + 3, label="WORK_OF_ART")]
    assert entity_kind(doc.ents[0]) == "organization"
    doc = nlp("Tobias Wren of the Carroway Ledger said so.")
    doc.ents = [Span(doc, 4, 6, label="PERSON")]
    assert entity_kind(doc.ents[0]) == "organization"


def test_a_newspaper_named_by_its_last_word_is_the_same_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Housing Row\n\n"
        "The Pellbrook Courier said on Sunday the governor had failed on housing. "
        "Front-page editorials are rare for the Courier, which has 60,000 readers."
    )
    names = [a.name for a in brief.actors]
    assert "Courier" not in names


@pytest.mark.parametrize("label", ["ORG", "WORK_OF_ART", "GPE"])
def test_a_courtesy_title_and_a_name_is_a_person(nlp: Language, label: str) -> None:
    doc = nlp('"Nobody wants that," Ms Marant told reporters.')
    start = next(t.i for t in doc if t.text == "Ms")
    assert entity_kind(Span(doc, start, start + 2, label=label)) == "person"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Canadian Paul Hart and Irish Sean Doyle were released on Monday. Hart thanked the "
            "government, and Doyle thanked his family.",
            ["Paul Hart", "Sean Doyle"],
        ),
        (
            "American Kevin King and Australian Timothy Weeks were handed over on Tuesday. King "
            "and Weeks were flown to Doha, where Weeks spoke to doctors.",
            ["Kevin King", "Timothy Weeks"],
        ),
    ],
    ids=["tagged-with-the-adjective", "untagged"],
)
def test_nationality_before_a_name_is_not_part_of_it(
    make_brief: MakeBrief, text: str, names: list[str]
) -> None:
    listed = {a.name for a in make_brief(text).actors}
    assert set(names) <= listed


def test_hyphenated_given_name_stays_whole(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Deputy Director of Public Prosecution Eva-Marie Persson took the decision to end the "
        'inquiry. "The evidence has weakened," Persson said.'
    )
    assert [a.name for a in brief.actors] == ["Eva-Marie Persson"]
    assert brief.quotes[0].speaker == "Eva-Marie Persson"


def test_club_named_by_its_first_word_is_the_club(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Westbridge United reached the semi-finals on Saturday, beating Harlow Athletic 2-1 "
        "after extra time. Harlow had led through a first-half penalty, and Westbridge "
        "equalised late.\n\nWestbridge will face Kingsmead next month."
    )
    clubs = {a.name: a for a in brief.actors if a.kind == "organization"}
    assert {"Westbridge United", "Harlow Athletic"} <= set(clubs)
    assert "Westbridge" not in {a.name for a in brief.actors}
    assert "Harlow" in clubs["Harlow Athletic"].aliases


def test_club_tagged_as_a_person_is_an_organization(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Leeds United sacked their manager on Sunday. Leeds United said in a statement that "
        "a new appointment would follow within a week."
    )
    assert actor_named(brief, "Leeds United").kind == "organization"


def test_club_tagged_as_a_place_is_an_organization(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Mourinho left Manchester United in December. Manchester United said in a statement "
        "that a new appointment would follow within a week."
    )
    assert actor_named(brief, "Manchester United").kind == "organization"


def test_company_named_by_its_first_word_after_an_industry_word(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Shares in Lumora Semiconductor fell 14% on Wednesday after the chipmaker cut its "
        "forecast. Lumora plans to cut about 900 jobs and to delay a new factory by a year."
    )
    lumora = actor_named(brief, "Lumora Semiconductor")
    assert lumora.kind == "organization"
    assert lumora.mentions == 2
    assert [a.name for a in brief.actors] == ["Lumora Semiconductor"]


def test_untagged_acronym_described_as_a_body_is_that_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "NORVA, the Nordic space agency, said on Monday that the launch of its comet probe "
        "would slip to next spring. The agency blamed a faulty valve."
    )
    assert [(a.name, a.kind, a.role) for a in brief.actors] == [
        ("NORVA", "organization", "Nordic space agency")
    ]


def test_body_named_again_by_its_capitalised_last_word_is_the_same_body(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "The Medicines Safety Board on Thursday approved a nasal spray flu vaccine for "
        "children as young as two.\n\nOnly about a third of toddlers were vaccinated last "
        "season, according to the Board. Health officials want to raise that to half within "
        "two years."
    )
    assert [a.name for a in brief.actors] == ["Medicines Safety Board"]


def test_its_chief_executive_is_the_biotech_company_named_last(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The Medicines Safety Board approved the vaccine, made by Calder Biologics. Calder "
        "Biologics expects to ship 3 million doses. Its chief executive, Ravi Menon, said "
        "supplies could be tight."
    )
    assert actor_named(brief, "Ravi Menon").role == "chief executive of Calder Biologics"
    assert actor_named(brief, "Calder Biologics").kind == "organization"


def test_a_market_index_is_no_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "NEW YORK - The Dow Jones Industrial Average rose 0.5% on Tuesday and the Nasdaq "
        "Composite added 0.3%. The Dow Jones Industrial Average has gained for seven days, "
        "and the Nasdaq Composite set a record. Trader Ana Ruiz said buyers were back."
    )
    assert not {"Dow Jones Industrial Average", "Nasdaq Composite"} & {
        a.name for a in brief.actors
    }


TOWN = (
    "Fenmoor Motors will cut 3,000 jobs and close its plant in Dunmore by the end of next "
    "year, the carmaker said on Wednesday. The union said it would fight for the Dunmore "
    "workers. Dunmore's mayor, Helen Cho, said the closure would hit the town hard. "
    '"We will lose a third of our tax base," she said.'
)


def test_one_word_name_only_shown_as_a_place_is_no_person(make_brief: MakeBrief) -> None:
    brief = make_brief(TOWN)
    assert not [a for a in brief.actors if a.name == "Dunmore" and a.kind == "person"]
    assert actor_named(brief, "Helen Cho").role == "Dunmore's mayor"


@pytest.mark.parametrize(
    "text",
    [
        "Voters have lost faith in Whitfield, polls show. Whitfield said on Monday that he "
        "would run again.",
        "Voters have lost faith in Whitfield, polls show. Senator Whitfield will run again.",
    ],
    ids=["speaks", "titled"],
)
def test_one_word_person_after_in_stays_a_person(make_brief: MakeBrief, text: str) -> None:
    kinds = {a.name: a.kind for a in make_brief(text).actors}
    assert kinds.get("Whitfield") == "person"


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Anouk", "f"), ("Oskar", "m"), ("Kwame", "m"), ("Georgia", None), ("Washington", None)],
)
def test_first_names_of_many_countries_but_no_places(name: str, gender: str | None) -> None:
    assert name_gender(name) == gender


def test_a_given_name_from_abroad_makes_a_person(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Anouk Verhaegen bought a derelict fishing shed in Zeldrecht fifteen years ago and "
        'turned it into a restaurant.\n\n"It was the cheapest building I could find," '
        "Verhaegen said."
    )
    assert actor_named(brief, "Anouk Verhaegen").kind == "person"
    assert quote_with(brief, "cheapest building").speaker == "Anouk Verhaegen"


def test_a_club_named_by_its_first_word_is_a_body(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The English club Ravensport FC and the Spanish side Atlético Solano both confirmed "
        "on Friday that their dispute over the striker had been sent to the league."
    )
    assert actor_named(brief, "Atlético Solano").kind == "organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The German carmaker Autowerk said on Friday it would close its plant in "
            "Zwickenau by the end of 2026.",
            "Autowerk",
        ),
        (
            "The opposition Umoja Democratic Alliance said on Tuesday it would challenge the "
            "results of the election in the High Court.",
            "Umoja Democratic Alliance",
        ),
    ],
    ids=["described-as-a-carmaker", "given-name-opening-an-alliance"],
)
def test_bodies_the_tagger_took_for_people(make_brief: MakeBrief, text: str, name: str) -> None:
    assert actor_named(make_brief(text), name).kind == "organization"


def test_a_ship_is_no_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "An inquiry into the sinking of the ferry MV Ardent Tern, which capsized in Skerry "
        "Sound last November, heard on Tuesday that the captain had been warned twice."
    )
    assert all("Ardent Tern" not in a.name for a in brief.actors)
