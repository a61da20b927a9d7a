"""Speakers: every clear-cut attribution pattern names the right person.

Each case is the smallest text that shows one pattern. A first line of up to fourteen
words that ends a sentence would be read as a headline, so the texts open with a longer one.
"""

from __future__ import annotations

import pytest

from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import quote_with

# (id, text, words of the quote, expected speaker)
SPEAKER_CASES = [
    (
        "she-said-after-man-named-last",
        "Anna Keller spoke after Mark Dorn left the room on Monday. "
        '"We cannot afford another delay," she said.',
        "afford another delay",
        "Anna Keller",
    ),
    (
        "he-said-after-woman-named-last",
        "Mark Dorn spoke after Anna Keller left the room on Monday. "
        '"We cannot afford another delay," he said.',
        "afford another delay",
        "Mark Dorn",
    ),
    (
        "she-said-next-paragraph",
        "Anna Keller called the meeting to order on Monday morning in the old town hall.\n"
        "Mark Dorn arrived late and sat down next to the window without a word.\n"
        '"We cannot wait any longer," she said.\n',
        "wait any longer",
        "Anna Keller",
    ),
    (
        "he-said-colon",
        "The talks ended late on Friday night in the capital after many long hours. "
        'Victor Lang spoke to reporters outside. He said: "The deal is done and we are happy."',
        "deal is done",
        "Victor Lang",
    ),
    (
        "he-said-colon-next-paragraph",
        "Peter Vance spoke to the crowd in the square on Friday evening. He said:\n"
        '"We will not give up this fight until the factory stays open."\n',
        "give up this fight",
        "Peter Vance",
    ),
    (
        "said-name",
        "The minister visited the flooded villages along the river on Tuesday. "
        '"We will rebuild every house that was lost," said Harold Finch.',
        "rebuild every house",
        "Harold Finch",
    ),
    (
        "name-said",
        "The minister visited the flooded villages along the river on Tuesday. "
        '"We will rebuild every house that was lost," Harold Finch said.',
        "rebuild every house",
        "Harold Finch",
    ),
    (
        "said-name-role-after",
        '"We cannot wait any longer," said Anna Keller, the mayor, on Monday after the vote.',
        "wait any longer",
        "Anna Keller",
    ),
    (
        "told-listener",
        "The company faced questions about its accounts during the week. "
        '"We have nothing to hide," Peter Blum told Sarah Lind in an interview.',
        "nothing to hide",
        "Peter Blum",
    ),
    (
        "according-to",
        "The report found that prices rose sharply in the region last year. "
        'According to Maria Lopez, "the rise was driven by fuel costs alone."',
        "driven by fuel",
        "Maria Lopez",
    ),
    (
        "colon-attribution",
        "The debate on the new tax went on for several hours in parliament on Tuesday.\n"
        'Tom Baker: "This tax will hurt small firms more than anyone else."\n',
        "hurt small firms",
        "Tom Baker",
    ),
    (
        "dash-attribution",
        '"We will strike if the talks fail" — Carl Jensen, speaking on Monday at the gate.',
        "strike if the talks fail",
        "Carl Jensen",
    ),
    (
        "role-noun",
        "Health Minister Sofia Berg visited the hospital on Monday. "
        '"We will hire two hundred nurses this year," the minister said.',
        "two hundred nurses",
        "Sofia Berg",
    ),
    (
        "single-quotes",
        "Union leader Carl Jensen addressed the workers at the gate on Monday. "
        "‘We will strike if the talks fail,’ he said.",
        "strike if the talks fail",
        "Carl Jensen",
    ),
    (
        "guillemets",
        "Union leader Carl Jensen addressed the workers at the gate on Monday. "
        "«We will strike if the talks fail,» he said.",
        "strike if the talks fail",
        "Carl Jensen",
    ),
    (
        "lost-opening-mark",
        "Union leader Carl Jensen addressed the workers at the gate on Monday.\n"
        "We will strike if the talks fail,” he said.\n",
        "strike if the talks fail",
        "Carl Jensen",
    ),
    (
        "lost-closing-mark",
        "Union leader Carl Jensen addressed the striking workers at the factory gate on Monday "
        "morning.\n"
        "He said: “We will strike if the talks fail and we will not go back until the pay "
        "is fixed\n",
        "strike if the talks fail",
        "Carl Jensen",
    ),
    (
        "subject-described-by-a-quoted-title",
        "The studio and the streamer are locked in a fight over films.\n"
        "Jonah Vale, who stars in the “Harbor Lights” films, wrote on social media that he "
        "was “tired of being a bargaining chip,” and urged both companies to settle. The "
        "Hollow Saints went further: in a statement, the band said it would ask fans to "
        "cancel subscriptions to whichever service “walks away first.”\n",
        "tired of being a bargaining chip",
        "Jonah Vale",
    ),
    (
        "the-band-named-earlier-in-its-sentence",
        "The studio and the streamer are locked in a fight over films.\n"
        "Jonah Vale urged both companies to settle. The Hollow Saints went further: in a "
        "statement, the band said it would ask fans to cancel subscriptions to whichever "
        "service “walks away first.”\n",
        "walks away first",
        "Hollow Saints",
    ),
    (
        "a-description-of-the-person-just-named",
        "The festival opens on Friday with a film paid for by a mining company.\n"
        "Julian Ashby-Cole, in his first leading role, struck a more conciliatory tone. "
        '"I understand the anger," the actor said in an interview on Tuesday.\n',
        "I understand the anger",
        "Julian Ashby-Cole",
    ),
    (
        "it-said-of-a-company",
        "The regulator fined Quorra $2 billion on Wednesday for favouring its own service.\n"
        'Quorra said it would appeal. "We disagree with the decision and will take this to '
        'the courts," it said in a statement.\n',
        "take this to the courts",
        "Quorra",
    ),
    (
        "the-company-is-no-committee",
        "Graham Pettinger, the former chief executive of Corveth Bridgeworks, appeared before "
        "the House Transport Committee on Tuesday.\n"
        "Corveth Bridgeworks has blamed supply delays. In a written statement submitted to the "
        'committee, the company said it "remains fully committed to completing the project".\n',
        "remains fully committed",
        "Corveth Bridgeworks",
    ),
    (
        "the-club-is-no-agency",
        "Brennock Athletic's signing of Tomas Vell collapsed on Friday.\n"
        "The Continental Integrity Agency said a sample had returned a banned stimulant.\n"
        "Brennock Athletic had agreed a fee of 18 million euros. The Continental "
        "Integrity Agency said he was barred from all competition pending a hearing.\n"
        '"We are disappointed," the club said, "but we respect the decision."\n',
        "We are disappointed",
        "Brennock Athletic",
    ),
    (
        "a-double-surname-said-alone",
        "The midfielder denies taking any banned substance. His agent, Ines Halloran-Kovač, "
        "said the player would appeal.\n\n"
        '"Tomás has never cheated and he never will," Halloran-Kovač said.\n',
        "never cheated",
        "Ines Halloran-Kovač",
    ),
    (
        "as-x-the-no-2-put-it",
        "The Harlow council delayed its vote again on Monday. As Tom Reyes, the No. 2 in the "
        'Labour leadership, put it: "This plan will not pass. So there is no reason to vote."\n',
        "This plan will not pass",
        "Tom Reyes",
    ),
    (
        "the-editorial-of-a-newspaper",
        "The Harbour Echo had chided the mayor last week. On Friday the editors of The "
        "Harbour Echo, who want the pier rebuilt, aimed their editorial at the council.\n"
        '"The council should stop stalling and fix the pier," the editorial said.\n',
        "fix the pier",
        "The Harbour Echo",
    ),
    (
        "charged-a-fee-is-no-speech",
        "Lumio has agreed to pay $45 million, the Federal Trade Commission said on Monday.\n\n"
        'The FTC said Lumio hid the cancel button and charged an "early exit fee" that was '
        "never disclosed.\n",
        "early exit fee",
        "FTC",
    ),
    (
        "charged-without-object-speaks",
        "The hearing on the Ridgeway dam opened in Leeds on Monday with many residents.\n"
        '"The company ignored every warning," Maria Lopez charged.\n',
        "ignored every warning",
        "Maria Lopez",
    ),
    (
        "the-spokesperson-introduced-just-before",
        "Lumio agreed to pay a fine of $45 million on Monday after a long inquiry.\n"
        "A spokesperson for Lumio said the company had changed its rules. "
        '"We are glad to put this behind us," the spokesperson said.\n',
        "put this behind us",
        "Lumio",
    ),
    (
        "said-company-two-roles-and-name",
        "Skyreach raised $200 million on Tuesday from investors to build fuel stations in "
        'orbit.\n\n"Today every satellite is built to die," said Skyreach co-founder and chief '
        "executive Priya Natarajan, a former NASA engineer.\n",
        "built to die",
        "Priya Natarajan",
    ),
    (
        "she-after-an-unnamed-spokeswoman",
        '"We came here to be heard, not to be gassed," said Mira Solten, a spokeswoman for '
        "Roadworkers United.\n\nA spokeswoman for the Interior Ministry said officers had "
        'acted to protect public buildings. "The police responded to violence," she said.\n',
        "responded to violence",
        "A spokeswoman for the Interior Ministry",
    ),
    (
        "she-after-an-anonymous-nurse",
        "Health Minister Oskar Bellin said on Tuesday that the ministry would pay for an "
        "inspection of the hospital.\n\nA nurse at the hospital, who spoke on condition of "
        'anonymity, said staff had complained for months. "Nobody listened to us," she said.\n',
        "Nobody listened",
        "A nurse at the hospital",
    ),
    (
        "he-replied-to-an-unnamed-reporter",
        "Mark Dorn toured a Las Vegas high school on Saturday, talking to voters in line.\n\n"
        'A reporter asked Dorn how he was feeling. He replied: "The bigger the turnout, the '
        'better I feel."\n',
        "bigger the turnout",
        "Mark Dorn",
    ),
    (
        "name-before-verb-with-a-subject-parsed-in-the-quote",
        "Cloud storage company Cloudnest said on Wednesday that hackers had stolen the data of "
        'about 8 million customers.\n\n"We deeply regret this incident and we are notifying '
        'every affected customer," Cloudnest chief executive Ravi Anand said in a blog post.\n',
        "deeply regret",
        "Ravi Anand",
    ),
    (
        "according-to-a-role-and-a-name-parsed-apart",
        "The retailers association said on Monday that spending had fallen for three months "
        'in the capital.\n"Our members cannot survive another winter like the last one," '
        "according to the association's chair, Simon Lutz.\n",
        "cannot survive",
        "Simon Lutz",
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [case[1:] for case in SPEAKER_CASES],
    ids=[case[0] for case in SPEAKER_CASES],
)
def test_speaker_of_quote(make_brief: MakeBrief, text: str, words: str, speaker: str) -> None:
    assert quote_with(make_brief(text), words).speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        '"We cannot wait any longer," said the mayor, Anna Keller, on Monday after the vote.',
        '"We cannot wait any longer," the mayor, Anna Keller, said on Monday after the vote.',
    ],
    ids=["said-role-name", "role-name-said"],
)
def test_speaker_of_quote_by_role_with_name_in_apposition(
    make_brief: MakeBrief, text: str
) -> None:
    assert quote_with(make_brief(text), "wait any longer").speaker == "Anna Keller"


def test_speaker_of_quote_with_mistyped_closing_mark(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "“Talks will resume on Friday and we expect a long weekend,“ Nils Aalto said on Thursday."
    )
    assert quote_with(brief, "Talks will resume").speaker == "Nils Aalto"


def test_speaker_named_in_apposition_missed_by_tagger(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Union secretary Mara Quist said on Monday that the strike would last until the "
        "company restored the pay it had cut.\n"
        'His deputy, Ines Salo, was more hopeful. "I think we can meet halfway," she said.\n'
    )
    assert quote_with(brief, "meet halfway").speaker == "Ines Salo"


def test_speaker_of_quote_is_not_the_listener(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The company faced questions about its accounts during the week. "
        '"We have nothing to hide," Peter Blum told Sarah Lind in an interview.'
    )
    assert quote_with(brief, "nothing to hide").speaker != "Sarah Lind"


def test_speaker_id_points_at_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The minister visited the flooded villages along the river on Tuesday. "
        '"We will rebuild every house that was lost," said Harold Finch.'
    )
    quote = quote_with(brief, "rebuild")
    actor = brief.actor(quote.speaker_id)
    assert actor is not None
    assert (actor.name, actor.quote_count) == ("Harold Finch", 1)


SPLIT = (
    "Officials gathered at the port on Wednesday for the opening ceremony of the terminal. "
    '"The port is open today," Clara Voss said, "and the first ships arrive tomorrow."'
)


@pytest.mark.parametrize("words", ["The port is open", "first ships arrive"])
def test_speaker_of_both_halves_of_split_quote(make_brief: MakeBrief, words: str) -> None:
    assert quote_with(make_brief(SPLIT), words).speaker == "Clara Voss"


def test_split_quote_second_half_is_partial(make_brief: MakeBrief) -> None:
    assert quote_with(make_brief(SPLIT), "first ships arrive").kind == "partial"


MULTI_PARAGRAPH = (
    "The mayor spoke at length at the council meeting about the new budget plan on Monday.\n"
    '"We have cut spending in every department," Martin Cole said. "We have also raised the '
    "pay of teachers.\n"
    '"Next year we will do more for the schools."\n'
)


@pytest.mark.parametrize(
    "words", ["cut spending", "raised the pay of teachers", "Next year we will do more"]
)
def test_speaker_of_multi_paragraph_quote(make_brief: MakeBrief, words: str) -> None:
    assert quote_with(make_brief(MULTI_PARAGRAPH), words).speaker == "Martin Cole"


def test_speaker_of_following_quote_in_same_paragraph(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "“It is a good day for the city,” Anna Keller said on Monday. "
        "“We waited ten years for this bridge.”"
    )
    assert quote_with(brief, "waited ten years").speaker == "Anna Keller"


@pytest.mark.parametrize(
    ("verb", "tail", "channel"),
    [
        ("said", "on Telegram.", "Telegram"),
        ("told", "Reuters.", "Reuters"),
        ("wrote", "on X on Monday.", "X"),
    ],
    ids=["on-telegram", "told-reuters", "on-x-mid-sentence"],
)
def test_channel_of_quote(make_brief: MakeBrief, verb: str, tail: str, channel: str) -> None:
    brief = make_brief(
        "The summit opened in Geneva on Monday with many delegations present and talks began. "
        f'"The talks are going well," Maria Lopez {verb} {tail}'
    )
    assert quote_with(brief, "going well").channel == channel


def test_channel_of_quote_in_statement(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The summit opened in Geneva on Monday with many delegations present and talks began. "
        '"The talks are going well," Maria Lopez said in a statement.'
    )
    assert "statement" in (quote_with(brief, "going well").channel or "")


def test_channel_of_quote_on_x_at_sentence_end(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The summit opened in Geneva on Monday with many delegations present and talks began. "
        '"The talks are going well," Maria Lopez wrote on X.'
    )
    assert quote_with(brief, "going well").channel == "X"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        (
            "The summit opened in Geneva on Monday with many delegations present. "
            '"The talks are going well," Maria Lopez said.',
            "said",
        ),
        (
            "The summit opened in Geneva on Monday with many delegations present. "
            '"The talks are going well," Maria Lopez insisted.',
            "insisted",
        ),
    ],
)
def test_verb_of_quote(make_brief: MakeBrief, text: str, verb: str) -> None:
    assert quote_with(make_brief(text), "going well").verb == verb


def test_unattributed_quote_has_no_speaker(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Nobody would say who had put up the posters along the harbour overnight. "
        'They carried one line: "The port will close for good at the end of this year."'
    )
    quote = quote_with(brief, "close for good")
    assert (quote.speaker, quote.speaker_id) == (None, None)


DIALOGUE = (
    "The interview took place in the mayor's office on a rainy Tuesday afternoon in March.\n\n"
    '"Will you run again next year?" asked reporter Jane Moss.\n\n'
    '"I have not decided yet," said Mayor Tom Hardy.\n\n'
    '"When will you decide?"\n\n'
    '"Probably after the budget vote in June."\n'
)


@pytest.mark.parametrize(
    ("words", "speaker"),
    [("When will you decide", "Jane Moss"), ("after the budget vote", "Tom Hardy")],
    ids=["question-goes-to-the-asker", "answer-goes-to-the-asked"],
)
def test_speaker_of_dialogue_turn_alternates(
    make_brief: MakeBrief, words: str, speaker: str
) -> None:
    assert quote_with(make_brief(DIALOGUE), words).speaker == speaker


def test_speaker_of_quote_closed_by_two_apostrophes(make_brief: MakeBrief) -> None:
    # Issue 10: an AP-style closing `’’` ends the quote; its attribution is not swallowed.
    brief = make_brief(
        "Campaigners said the change of name on Wednesday night had confused many voters.\n\n"
        "“It was a plain attempt to mislead people,’’ Rosa Vidal, head of the group, said. "
        "“We saw it happen.’’\n"
    )
    quote = quote_with(brief, "plain attempt")
    assert (quote.text, quote.speaker) == (
        "It was a plain attempt to mislead people,",
        "Rosa Vidal",
    )


DAM = "The valley council met on Monday to discuss the future of the old dam above the town.\n\n"


@pytest.mark.parametrize(
    ("sentence", "words", "speaker"),
    [
        (
            "Anna Keller said that after a long review the ministry had concluded the dam was "
            '"not, as such, a danger to the valley", adding that she trusted the engineers.',
            "not, as such",
            "Anna Keller",
        ),
        (
            "Anna Keller said she was certain the council would continue to be "
            '"a careful guardian of the valley."',
            "careful guardian",
            "Anna Keller",
        ),
        (
            'Anna Keller said that Mark Dorn had told her: "We will close the dam next year."',
            "close the dam",
            "Mark Dorn",
        ),
        (
            'Anna Keller said Mark Dorn called the plan "a disaster for the whole valley" today.',
            "a disaster",
            "Mark Dorn",
        ),
        (
            'Anna Keller said Mark Dorn warned of "grave danger for the valley" at the meeting.',
            "grave danger",
            "Mark Dorn",
        ),
        (
            'Valley Power Company said in a statement that it had offered the town "a fair '
            'deal" and would defend its plan in court.',
            "a fair",
            "Valley Power Company",
        ),
        (
            "Anna Keller said the guards had come under fire near the dam late on Saturday "
            'and had responded "proportionately."',
            "proportionately",
            "Anna Keller",
        ),
    ],
    ids=[
        "clause-reported-by-x",
        "clause-of-continue",
        "y-told-colon",
        "y-called",
        "y-warned-of",
        "it-is-the-reporter",
        "y-acted-how",
    ],
)
def test_speaker_of_quote_in_reported_clause(
    make_brief: MakeBrief, sentence: str, words: str, speaker: str
) -> None:
    # Issue 10: "X said that ... Y had concluded ... "quote"" is X's quote, unless Y's own
    # speech verb takes the quote directly.
    assert quote_with(make_brief(DAM + sentence + "\n"), words).speaker == speaker


@pytest.mark.parametrize(
    "dateline", ["PORTVILLE (Wire) — ", "PORTVILLE, Ohio — ", "(Wire) — "], ids=str.strip
)
def test_speaker_of_quote_is_never_the_dateline(make_brief: MakeBrief, dateline: str) -> None:
    # Issue 10: the parser makes a dateline the subject of the lede; it never speaks.
    brief = make_brief(
        f"{dateline}The harbour party was accused on Wednesday of misleading voters by calling "
        'its office account "the only honest voice in the harbour debate" during the debate.\n\n'
        "The party said it would keep the name until the vote.\n"
    )
    assert quote_with(brief, "honest voice").speaker == "The harbour party"


# Issue 10: a company's statements stay with the company, never with a person named nearby.
ISSUER_CASES = [
    (
        "statement-read",
        "Harbour Lines, the ferry operator, cancelled all sailings on Monday after a strike.\n\n"
        "Harbour Lines issued a statement on Tuesday evening after talks with the union failed."
        '\n\n"We regret the trouble this causes our passengers," the statement read.\n',
        "Harbour Lines",
    ),
    (
        "statement-from",
        "The ferry strike entered its second week on Monday with no talks planned.\n\n"
        '"We regret the trouble this causes our passengers," a statement from Harbour Lines '
        "said.\n",
        "Harbour Lines",
    ),
    (
        "company-said-in-statement",
        "Harbour Lines cancelled all its sailings on Monday, and Mayor Anna Keller asked both "
        "sides for talks."
        '\n\n"We regret the trouble this causes our passengers," the company said in a '
        "statement.\n",
        "Harbour Lines",
    ),
    (
        "company-spokesperson",
        "Harbour Lines cancelled all its sailings on Monday, and Mayor Anna Keller asked both "
        'sides for talks.\n\n"We regret the trouble this causes our passengers," a company '
        "spokesperson said.\n",
        "Harbour Lines",
    ),
    (
        "they-after-owner-possessive",
        "Hart Records was bought this year by a company owned by talent manager Reno Hart.\n\n"
        "He has denied being unfair to the singer.\n\n"
        "Two senators criticised Reno Hart's company and the effect big businesses can have "
        'when they buy up smaller ones.\n\n"At no point did we block her songs," they said in '
        "a statement on their website.\n",
        "Hart Records",
    ),
]


@pytest.mark.parametrize(
    ("text", "speaker"), [c[1:] for c in ISSUER_CASES], ids=[c[0] for c in ISSUER_CASES]
)
def test_speaker_of_statement_is_the_organization(
    make_brief: MakeBrief, text: str, speaker: str
) -> None:
    brief = make_brief(text)
    assert [q.speaker for q in brief.quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Harbour Lines cancelled all sailings on Monday after a strike by its crews.\n\n"
            "The group of crew members said the company had broken its promises. In a separate "
            'post, the group added that Harbour Lines "has not kept a single promise to its '
            'crews."\n',
            "the group",
        ),
        (
            "Harbour Lines cancelled all sailings on Monday after a strike by its crews.\n\n"
            '"The strike puts lives at risk on the islands," says the letter signed by seven '
            "doctors.\n",
            "the letter",
        ),
    ],
    ids=["not-the-organization-it-talks-about", "author-named-but-no-actor"],
)
def test_speaker_of_statement_stays_a_description_when_unsure(
    make_brief: MakeBrief, text: str, speaker: str
) -> None:
    # Issue 10: no guess when the organization in mind is what the words are about.
    assert [q.speaker for q in make_brief(text).quotes] == [speaker]


STORM = "The storm closed every road along the coast on Monday and many families left home.\n\n"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "“The roads will stay closed until the water goes down,” said Army Capt. Laura "
            "Benson, who led the rescue.",
            "Laura Benson",
        ),
        (
            "“The roads will stay closed until the water goes down,” said radio co-host Mark "
            "Dorn.",
            "Mark Dorn",
        ),
    ],
    ids=["rank", "role-noun"],
)
def test_speaker_after_verb_is_the_name_after_a_rank(
    make_brief: MakeBrief, sentence: str, speaker: str
) -> None:
    # `said Army Capt. X`: the parser takes the rank for the subject; the name speaks.
    assert quote_with(make_brief(STORM + sentence + "\n"), "roads will stay").speaker == speaker


BRIDGE = (
    "The council debate on the new bridge grew heated late on Tuesday evening in the hall.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "After Mark Dorn criticized the plan during the debate, Anna Keller shot back, "
            "“We have waited long enough for this bridge.”",
            "Anna Keller",
        ),
        ("As Mark Dorn said, “We have waited long enough for this bridge.”", "Mark Dorn"),
    ],
    ids=["background-clause", "as-x-said"],
)
def test_speaker_is_the_main_clause_not_the_background(
    make_brief: MakeBrief, sentence: str, speaker: str
) -> None:
    assert quote_with(make_brief(BRIDGE + sentence + "\n"), "waited long").speaker == speaker


def test_a_nickname_is_not_said_by_the_subject_of_a_reported_clause(
    make_brief: MakeBrief,
) -> None:
    brief = make_brief(
        "The city council approved a new fund for the harbor bridge on Monday after a long "
        'debate.\n\nCritics have nicknamed the construction fund "the bridge to nowhere," '
        "arguing that the money will go to consultants.\n"
    )
    assert all(q.speaker != "the money" for q in brief.quotes)
