"""Entity repairs: bodies' names whole, title parts dropped, chamber and party joined."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from bot.briefing.actorindex import ActorIndex
from bot.briefing.entities import repair_entities
from bot.briefing.entitykinds import entity_kind
from bot.briefing.mentions import _add_other
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import actor_named


def _entities(nlp: Language, text: str) -> list[str]:
    return [e.text for e in repair_entities(nlp(text))]


def test_repair_entities_keeps_body_name_whole(nlp: Language) -> None:
    text = "The United Nations High Commissioner for Human Rights said the camps were full."
    assert "The United Nations High Commissioner for Human Rights" in _entities(nlp, text)


def test_repair_entities_take_in_a_body_after_for_the(nlp: Language) -> None:
    text = "The U.S. Court of Appeals for the Sixth Circuit ruled on Monday."
    assert _entities(nlp, text)[0] == "The U.S. Court of Appeals for the Sixth Circuit"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A group of parents, Westmark Families for Choice, said it would sue.",
         "Westmark Families for Choice"),
        ("Norlanders for Prosperity spent $10 million on ads.", "Norlanders for Prosperity"),
    ],
    ids=["place-then-cause", "people-then-cause"],
)  # fmt: skip
def test_repair_entities_join_members_and_their_cause(nlp: Language, text: str, body: str) -> None:
    assert body in _entities(nlp, text)


def test_repair_entities_keep_a_place_before_for_and_a_common_word(nlp: Language) -> None:
    assert "Los Angeles" in _entities(nlp, "Los Angeles for years has grown fast.")


def test_repair_entities_take_in_no_body_without_a_connective(nlp: Language) -> None:
    doc = nlp("Former Acme Labs CEO Carla Dorn named a favorite show on Monday.")
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 3, 6, label="ORG")]  # as the tagger may
    assert [e.text for e in repair_entities(doc)] == ["Acme Labs", "CEO Carla Dorn"]


def test_repair_entities_give_a_lone_first_name_its_surname(nlp: Language) -> None:
    doc = nlp("Deputy Attorney General Sally Vantrow discouraged the letter on Monday.")
    doc.ents = [Span(doc, 3, 4, label="PERSON")]  # "Sally", as the tagger may cut it
    assert [e.text for e in repair_entities(doc)] == ["Sally Vantrow"]


def test_repair_entities_drops_department_of_title(nlp: Language) -> None:
    text = "Secretary of State Anna Keller flew to the talks on Monday."
    assert "State" not in _entities(nlp, text)


def test_repair_entities_joins_chamber_and_party(nlp: Language) -> None:
    text = "House Democrats met on Monday to discuss the budget."
    assert "House Democrats" in _entities(nlp, text)


def test_repair_entities_stops_before_person(nlp: Language) -> None:
    text = "FBI Director Mark Dorn said on Monday that the inquiry was closed."
    assert "FBI" in _entities(nlp, text)


@pytest.mark.parametrize("party", ["Republicans", "Democrats"])
def test_party_members_are_an_organization(make_brief: MakeBrief, party: str) -> None:
    brief = make_brief(
        f"{party} blocked the budget bill in the state senate on Monday after a long debate. "
        f"{party} said the plan would raise taxes for every family in the state."
    )
    assert actor_named(brief, party).kind == "organization"


def test_lower_case_words_before_a_body_are_not_its_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The federal Securities and Exchange Commission sued the two developers on Monday "
        "for fraud. The developers denied the charges."
    )
    assert "Securities and Exchange Commission" in [a.name for a in brief.actors]


def test_person_name_starts_after_owners_possessive(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The summit opened in Geneva on Monday with many delegations present and talks began. "
        'As the Ledger\'s Ella Moss reported after the meeting: "The scene was open," Moss wrote.'
    )
    assert "Ella Moss" in [a.name for a in brief.actors if a.kind == "person"]


def test_title_before_a_known_name_tagged_as_a_body(nlp: Language) -> None:
    doc = nlp("Mira Stenholm won. Actress Mira Stenholm was also honored.")
    doc._.brief_paragraphs = [(0, len(doc.text))]
    index = ActorIndex()
    person = index.person(["Mira", "Stenholm"], 0)
    mention = _add_other(doc, Span(doc, 4, 7, label="ORG"), "organization", index, True)
    assert mention is not None
    assert (mention.actor, mention.label, mention.text) == (person, "person", "Mira Stenholm")


def test_repair_entities_stop_before_a_title_and_a_name_tagged_as_a_body(nlp: Language) -> None:
    doc = nlp("Former Acme Labs CEO Carla Dorn named a favorite show on Monday.")
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 4, 6, label="ORG")]  # as the tagger may
    assert [e.text for e in repair_entities(doc)] == ["Acme Labs", "Carla Dorn"]


def test_repair_entities_stop_before_a_hyphened_title(nlp: Language) -> None:
    doc = nlp("He spoke with Ledgerline Editor-in-chief Bram Osk on Thursday.")
    doc.ents = [Span(doc, 3, 4, label="ORG")]  # "Ledgerline", as the tagger may tag it
    assert [e.text for e in repair_entities(doc)] == ["Ledgerline"]


def test_hyphened_modifier_before_a_body_is_not_its_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The pro-Marlow Union Ledger, the state's largest newspaper, endorsed him on Monday. "
        "The Union Ledger said he was the best choice for the state."
    )
    assert "Union Ledger" in [a.name for a in brief.actors]


COMPANY = (
    "Zentrix is set to raise up to $4bn from its listing in Singapore. "
    "A Zentrix spokesperson declined to comment on the pricing. "
    "Zentrix shares closed in London on Tuesday. "
    "Analysts said the listing could help Zentrix win more customers in Asia."
)


def test_a_company_named_by_one_word_is_a_body_everywhere(nlp: Language) -> None:
    labels = {e.label_ for e in repair_entities(nlp(COMPANY)) if e.text == "Zentrix"}
    assert labels == {"ORG"}


def test_a_company_named_by_one_word_is_listed_as_an_organization(
    make_brief: MakeBrief,
) -> None:
    actor = actor_named(make_brief(COMPANY), "Zentrix")
    assert actor.kind == "organization"


def test_a_surname_of_someone_named_in_full_stays_a_person(nlp: Language) -> None:
    text = (
        "Mette Lund said the plan would work. A Lund spokesperson later declined to comment. "
        "Lund also met the board."
    )
    labels = {e.label_ for e in repair_entities(nlp(text)) if e.text == "Lund"}
    assert "ORG" not in labels


def test_a_place_where_things_happen_stays_a_place(nlp: Language) -> None:
    doc = nlp("Officials met in Norland on Monday. Norland shares fell after the talks.")
    # Tag the name as the model often does, a place here and a person there.
    spots = [t.i for t in doc if t.text == "Norland"]
    doc.ents = [
        Span(doc, spots[0], spots[0] + 1, "GPE"),
        Span(doc, spots[1], spots[1] + 1, "PERSON"),
    ]
    labels = [e.label_ for e in repair_entities(doc) if e.text == "Norland"]
    assert labels == ["GPE", "GPE"]  # no body; and never shown as someone, so no person


def test_shares_make_a_name_tagged_as_a_place_a_body(nlp: Language) -> None:
    doc = nlp("Norland said on Monday it would sell bonds. Norland shares fell after the talks.")
    spots = [t.i for t in doc if t.text == "Norland"]
    doc.ents = [Span(doc, spots[0], spots[0] + 1, "GPE"), Span(doc, spots[1], spots[1] + 1, "GPE")]
    labels = [e.label_ for e in repair_entities(doc) if e.text == "Norland"]
    assert labels == ["ORG", "ORG"]


def test_repair_entities_split_an_owner_from_the_company_tagged_with_him(nlp: Language) -> None:
    # Issue 10: "Ann Lee's Acme Company" tagged as one person hid both actors.
    doc = nlp("The investor Ann Lee's Quorvel Foods Company, Inc. gave $2 million.")
    doc.ents = [Span(doc, 2, 8, label="PERSON")]  # as the tagger may join them
    spans = [(e.text, e.label_) for e in repair_entities(doc)]
    assert spans == [("Ann Lee", "PERSON"), ("Quorvel Foods Company, Inc.", "ORG")]


def test_repair_entities_take_in_a_legal_suffix_after_a_comma(nlp: Language) -> None:
    assert _entities(nlp, "Acme Holdings, Inc. said on Monday it would close.")[0] == (
        "Acme Holdings, Inc."
    )


def test_repair_entities_give_a_person_the_surname_tagged_as_a_number(nlp: Language) -> None:
    # Issue 10: a surname with garbled accents was tagged as a number and cut off.
    doc = Doc(
        nlp.vocab,
        words=["Arturo", "SarukhÃ¡n", "said", "."],
        heads=[1, 2, 2, 2],
        deps=["compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "NUM", "VERB", "PUNCT"],
        ents=["B-PERSON", "B-CARDINAL", "O", "O"],
    )
    assert [e.text for e in repair_entities(doc)] == ["Arturo SarukhÃ¡n"]


def test_repair_entities_keep_a_place_the_name_does_not_modify_apart(nlp: Language) -> None:
    doc = Doc(
        nlp.vocab,
        words=["Ann", "Lee", "Texas", "won", "."],
        heads=[1, 3, 3, 3, 3],
        deps=["compound", "nsubj", "npadvmod", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "B-GPE", "O", "O"],
    )
    assert [e.text for e in repair_entities(doc)] == ["Ann Lee", "Texas"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("He spoke at a forum held by the magazine The Quorvel on Sunday.", 9, 11),
        ("A group called “The Quorvel” cited the report.", 4, 6),
    ],
)
def test_repair_entities_make_a_work_that_a_body_noun_introduces_a_body(
    nlp: Language, text: str, start: int, end: int
) -> None:
    # Issue 10: "the magazine The Nation" was tagged as a work of art and lost.
    doc = nlp(text)
    doc.ents = [Span(doc, start, end, label="WORK_OF_ART")]  # as the tagger may
    assert [(e.text, e.label_) for e in repair_entities(doc)] == [("The Quorvel", "ORG")]


def test_repair_entities_keep_a_work_without_a_body_noun(nlp: Language) -> None:
    doc = nlp("She read the novel The Quorvel on Sunday.")
    doc.ents = [Span(doc, 4, 6, label="WORK_OF_ART")]
    assert [e.label_ for e in repair_entities(doc)] == ["WORK_OF_ART"]


def test_a_club_suffix_after_a_place_makes_one_body(nlp: Language) -> None:
    doc = nlp("Harbor City FC have sacked their manager after a fifth defeat.")
    doc.ents = [Span(doc, 0, 2, label="GPE")]  # "Harbor City", as the tagger may cut it
    assert [(e.text, e.label_) for e in repair_entities(doc)] == [("Harbor City FC", "ORG")]


def test_a_lower_case_word_after_a_place_is_no_suffix(nlp: Language) -> None:
    doc = nlp("Harbor City fans protested outside the stadium.")
    doc.ents = [Span(doc, 0, 2, label="GPE")]
    assert [(e.text, e.label_) for e in repair_entities(doc)] == [("Harbor City", "GPE")]


def test_a_name_after_a_capitalised_the_inside_a_sentence_is_a_body(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Flood Relief Stalls\n\n"
        "The Harbour Echo had chided the mayor on Monday for staying on holiday. "
        "That did not sit well with the editors of The Harbour Echo, who wrote again on Friday."
    )
    assert actor_named(brief, "The Harbour Echo").kind == "organization"


def test_a_capitalised_the_opening_a_sentence_makes_no_body(make_brief: MakeBrief) -> None:
    brief = make_brief("The Gulls won on Sunday. Fans cheered the Gulls at the harbour.")
    assert not [a for a in brief.actors if a.name.startswith("The ")]


def test_two_bodies_in_apposition_to_a_plural_are_two(nlp: Language) -> None:
    doc = nlp(
        "The mayor's allies, Harbor Futures Fund and Keep the Pier, also have spent heavily."
    )
    start = next(t.i for t in doc if t.text == "Harbor")
    end = next(t.i for t in doc if t.text == "Pier") + 1
    doc.ents = [Span(doc, start, end, label="ORG")]  # one name, as the tagger may read it
    names = [e.text for e in repair_entities(doc) if e.label_ == "ORG"]
    assert names == ["Harbor Futures Fund", "Keep the Pier"]


def test_a_body_whose_name_holds_and_stays_one(nlp: Language) -> None:
    doc = nlp("The Department of Harbors and Piers fined the operator on Monday.")
    doc.ents = [Span(doc, 0, 6, label="ORG")]
    assert [e.text for e in repair_entities(doc)] == ["The Department of Harbors and Piers"]


def test_bodies_named_after_a_plural_body_noun_take_it_as_their_role(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Pier Vote Nears\n\n"
        "The mayor's super PACs, Harbor Futures Fund and Keep the Pier Open, have spent $2 "
        "million on ads. Harbor Futures Fund said it would spend more before the vote."
    )
    assert actor_named(brief, "Harbor Futures Fund").role == "mayor's super PAC"


def test_a_committee_described_by_its_owner_is_the_one_named_next(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Harbor Bill Stalls\n\n"
        "A Senate panel voted on Thursday to subpoena the port's former director, Ida Marsh.\n\n"
        "The Senate Harbors Committee voted 9-6 along party lines. The panel "
        "wants her to explain the missing dredging funds. Committee chairman Tom Reyes said "
        "the panel would not wait long."
    )
    names = [a.name for a in brief.actors]
    assert "Senate Harbors Committee" in names
    assert "Senate panel" not in names
    assert actor_named(brief, "Senate Harbors Committee").mentions >= 3


def test_a_common_phrase_opening_a_sentence_is_no_name(nlp: Language) -> None:
    doc = nlp(
        "The senator's super PACs raised $11 million in six months, filings show. "
        "Super PACs may raise unlimited sums but may not coordinate with candidates."
    )
    start = next(t.i for t in doc if t.text == "Super")
    assert entity_kind(Span(doc, start, start + 2, label="ORG")) is None


def test_a_name_opening_a_sentence_with_its_the_stays_a_name(nlp: Language) -> None:
    doc = nlp("The Harbor League condemned the move. Later the Harbor League met again.")
    assert entity_kind(Span(doc, 0, 3, label="ORG")) == "organization"


def test_a_committee_named_for_its_cause_keeps_the_words_before_for(nlp: Language) -> None:
    doc = nlp("A company gave $5,000 to the Ready for Ocean PAC, a group preparing a campaign.")
    start = next(t.i for t in doc if t.text == "Ocean")
    doc.ents = [Span(doc, start, start + 2, label="PERSON")]  # as the tagger may read it
    assert [e.text for e in repair_entities(doc)] == ["Ready for Ocean PAC"]


def test_a_committee_said_by_its_first_and_last_words_is_the_same(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "Donations Questioned\n\n"
        "A shell company gave $5,000 to the Ready for Ocean PAC, a group preparing a campaign."
        "\n\nIt was one of six donations made to Ready PAC that same day. Ready PAC said on "
        "Monday it would return the money, and Ready PAC has hired a lawyer."
    )
    names = [a.name for a in brief.actors]
    assert "Ready PAC" not in names
    assert actor_named(brief, "Ready for Ocean PAC").mentions >= 3


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Stagepass, the ticketing company, said it would sell the tickets.",
            "Stagepass",
            "ticketing company",
        ),
        (
            "Brenlow, a Dutch chip maker, said on Monday that it would cut 300 jobs.",
            "Brenlow",
            "Dutch chip maker",
        ),
    ],
)
def test_a_name_the_tagger_missed_beside_a_noun_for_a_body_is_a_body(
    make_brief: MakeBrief, text: str, name: str, role: str
) -> None:
    actor = actor_named(make_brief(text), name)
    assert (actor.kind, actor.role) == ("organization", role)
