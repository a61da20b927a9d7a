"""Made-up news for the story (near-duplicate) tests and `make bench`: one town, many events.

`EVENTS` are distinct stories about the same place and the same people (Mayor Lena Ortiz,
the engineer Tom Becker, the baker Maria Chen...): the hard case for near-duplicate
detection, since they share names, places and a background paragraph but report different
events. `REWRITES` tell two of those events again in other words with the same quotes, as a
second outlet would. `syndicate` makes the copy a site publishes of a wire story: another
headline, "Advertisement" lines, a paragraph trimmed or added, a few words edited and a
partner note at the end. All of it was written for this project.
"""

from __future__ import annotations

import random

__all__ = ["BACKGROUND", "EVENTS", "REWRITES", "event_story", "syndicate"]

BACKGROUND = (
    "The harbor bridge carries about thirty thousand cars a day and links the old town with "
    "the ferry port, the hospital and the main school."
)

EVENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Harbor bridge to reopen in May after storm repairs",
        (
            "Port Alder will reopen its harbor bridge in May after two years of repairs to the "
            "deck that the winter storm tore apart, town officials said on Tuesday.",
            "\u201cWe are ready to open the bridge to traffic in May,\u201d Mayor Lena Ortiz said "
            "at a news conference on the quay.",
            "Crews poured the last section of concrete in March and replaced the rusted railings "
            "on both sides of the span.",
            "\u201cThe steel passed every load test we ran this winter,\u201d said Tom Becker, "
            "the town engineer.",
        ),
    ),
    (
        "Council delays final bridge payment over cost overruns",
        (
            "The Port Alder council voted five to four on Thursday night to hold back the last "
            "payment to the bridge builder until an audit of the overruns is finished.",
            "\u201cTaxpayers deserve to know where every dollar of the extra cost went,\u201d "
            "said councilman Peter Vance, who asked for the audit.",
            "The builder, Northline Construction, says storms and the price of steel added "
            "eleven weeks and nearly two million dollars to the job.",
            "\u201cHolding the money back will only slow the opening down,\u201d Mayor Lena Ortiz "
            "warned before the vote.",
        ),
    ),
    (
        "Waterfront bakers say closure cost them half their trade",
        (
            "Shops along Harbor Street lost close to half of their customers while the bridge was "
            "shut, according to a survey by the local traders' association.",
            "\u201cHalf of our regulars stopped coming after the first winter,\u201d said Maria "
            "Chen, whose family has run a bakery by the water for forty years.",
            "Three cafes and a bookshop closed for good last autumn, and others cut their hours.",
            "\u201cWe have asked the council for a grant to bring people back,\u201d Chen said, "
            "adding that a street fair is planned for June.",
        ),
    ),
    (
        "Ferry crossings doubled while the bridge stays shut",
        (
            "The Alder ferry will run twice as many crossings each morning until the bridge "
            "reopens, after commuters complained of queues that stretched past the fish market.",
            "\u201cWe hired six new deckhands and brought the old boat back from the yard,\u201d "
            "said Daniel Okafor, who manages the ferry company.",
            "Tickets will stay at the winter price, and pupils travel free on school days.",
            "\u201cNobody should lose an hour a day because of a broken bridge,\u201d Mayor Lena "
            "Ortiz said.",
        ),
    ),
    (
        "Engineer finds cracks in the old pier beside the bridge",
        (
            "An inspection of the old stone pier next to the harbor bridge found deep cracks in "
            "two of its pillars, the town's engineering office said in a report on Monday.",
            "\u201cThe pier is not in danger of falling this year, but it needs work soon,\u201d "
            "said Tom Becker, who led the inspection with divers from the coast guard.",
            "Fishing boats have been told to moor at the north quay until repairs begin.",
            "\u201cWe will not let the pier become the next bridge,\u201d Mayor Lena Ortiz said, "
            "promising to find money in the autumn spending plan.",
        ),
    ),
    (
        "Storm floods the quay and closes the fish market",
        (
            "Heavy rain and a spring tide flooded the quay early on Sunday, closing the fish "
            "market and forcing two families from their homes on Water Lane.",
            "\u201cThe water came over the wall in less than ten minutes,\u201d said Maria Chen, "
            "who helped neighbours carry furniture upstairs.",
            "Firefighters pumped out the market hall by the afternoon, and the stalls are "
            "expected to reopen on Wednesday.",
            "\u201cThis town needs a proper flood wall, not sandbags,\u201d Mayor Lena Ortiz told "
            "reporters at the scene.",
        ),
    ),
    (
        "Port Alder signs deal for a new container terminal",
        (
            "Port Alder has signed a thirty-year lease with a shipping company to build a "
            "container terminal on the empty land north of the harbor.",
            "\u201cThis brings four hundred jobs to a town that has lost too many,\u201d Mayor "
            "Lena Ortiz said after the signing in the town hall.",
            "Environmental groups say the dredging needed for larger ships will harm the oyster "
            "beds in the bay.",
            "\u201cWe will ask the court to stop the dredging if we have to,\u201d said Daniel "
            "Okafor, speaking for the fishermen's cooperative.",
        ),
    ),
    (
        "Harbor school pupils design the bridge's new lights",
        (
            "Pupils at the harbor school won a competition to design the lighting for the "
            "rebuilt bridge, beating entries from two architecture firms.",
            "\u201cThe children wanted the lights to change colour with the tide,\u201d said "
            "their teacher, Ruth Ames.",
            "The design uses sensors in the water and will cost less than the firms' proposals.",
            "\u201cIt is the best idea anyone sent us, and it came from eleven-year-olds,\u201d "
            "said Tom Becker, who sat on the jury.",
        ),
    ),
    (
        "Mayor Ortiz announces she will run for a second term",
        (
            "Lena Ortiz said on Friday that she will seek a second term as mayor of Port Alder in "
            "the November election.",
            "\u201cI want to finish what we started at the harbor,\u201d Ortiz told supporters "
            "gathered in the community hall.",
            "Her likely opponent, councilman Peter Vance, has criticised the cost of the bridge "
            "repairs throughout the year.",
            "\u201cThe town needs someone who can read a balance sheet,\u201d Vance said in a "
            "statement.",
        ),
    ),
    (
        "Lifeboat crew rescues three sailors off the harbor mouth",
        (
            "The Port Alder lifeboat pulled three sailors from the water on Saturday evening "
            "after their yacht struck rocks at the mouth of the harbor.",
            "\u201cThe swell was over three metres and they had been in the water for an "
            "hour,\u201d said coxswain Sam Idris.",
            "The sailors were treated for cold at the harbor hospital and released on Sunday.",
            "\u201cOur volunteers saved three lives tonight,\u201d Mayor Lena Ortiz said, "
            "thanking the crew.",
        ),
    ),
    (
        "Town to charge a toll on the rebuilt harbor bridge",
        (
            "Drivers will pay a toll of two dollars to cross the harbor bridge once it reopens, "
            "under a plan the council approved to repay the repair loan.",
            "\u201cThe loan has to be paid back, and the people who use the bridge should pay "
            "for it,\u201d councilman Peter Vance said.",
            "Residents of the old town will get a pass for a reduced price of ten dollars a "
            "month.",
            "\u201cA toll will send the shoppers we just won back to the mall again,\u201d said "
            "Maria Chen.",
        ),
    ),
    (
        "Oyster harvest falls to its lowest in twenty years",
        (
            "Fishermen in Alder Bay brought in the smallest oyster harvest in two decades this "
            "season, blaming warm water and silt from the bridge works.",
            "\u201cSome of my beds gave nothing at all this year,\u201d said Daniel Okafor, who "
            "has fished the bay since he was a boy.",
            "State biologists will test the water at twelve points in the bay this summer.",
            "\u201cWe need the facts before anyone points a finger,\u201d said Tom Becker, "
            "who oversaw the silt barriers during the works.",
        ),
    ),
)

# Events 0 and 1 told by another outlet: other words, the same quotes, the same people.
REWRITES: dict[int, tuple[str, tuple[str, ...]]] = {
    0: (
        "Repaired harbor crossing set to carry cars again this spring",
        (
            "After a two-year closure, drivers in Port Alder should be back on the harbor "
            "crossing by spring, the mayor's office confirmed this week.",
            "Standing on the quay, the mayor said: \u201cWe are ready to open the bridge to "
            "traffic in May,\u201d Mayor Lena Ortiz said.",
            "The storm of two winters ago left a hole in the deck that took most of last year "
            "to rebuild, with new railings fitted only a month ago.",
            "Engineers tested the structure with loaded trucks. \u201cThe steel passed every "
            "load test we ran this winter,\u201d said Tom Becker, the town engineer.",
        ),
    ),
    1: (
        "Audit first, money later: bridge builder made to wait",
        (
            "A narrow majority on the Port Alder council wants answers on the rising bill before "
            "Northline Construction sees its final cheque.",
            "\u201cTaxpayers deserve to know where every dollar of the extra cost went,\u201d "
            "said councilman Peter Vance, who asked for the audit.",
            "The company blames bad weather and dearer steel for a delay of almost three months.",
            "The mayor argued against the motion. \u201cHolding the money back will only slow "
            "the opening down,\u201d Mayor Lena Ortiz warned before the vote.",
        ),
    ),
}

_PARTNER_NOTES = (
    "This article was produced in partnership with the Coastal News Service.",
    "Reporting by the Alder Wire; editing by staff. Distributed by the Harbor Press network.",
    "This story first appeared on a partner site and is republished with permission.",
)
_EXTRA = (
    "The town will hold a public meeting on the matter next week in the community hall.",
    "Port Alder, a town of about forty thousand people, depends on fishing and tourism.",
)
_SWAPS = {"said": "told reporters", "on": "on", "the": "the", "town": "city", "also": "too",
          "about": "around", "after": "following", "before": "ahead of", "two": "2"}  # fmt: skip


def event_story(number: int, background: bool = True) -> tuple[str, list[str]]:
    """Return event N (modulo the events) as (headline, paragraphs), with the background."""
    title, paragraphs = EVENTS[number % len(EVENTS)]
    body = [*paragraphs[:2], BACKGROUND, *paragraphs[2:]] if background else list(paragraphs)
    return title, body


def _edit_words(paragraph: str, rng: random.Random, edits: int) -> str:
    words = paragraph.split(" ")
    for _ in range(edits):
        at = rng.randrange(len(words))
        words[at] = _SWAPS.get(words[at], words[at])
    return " ".join(words)


def syndicate(story: tuple[str, list[str]], seed: int) -> tuple[str, list[str]]:
    """Return a syndicated copy of a story, with the edits a republishing site makes."""
    rng = random.Random(seed)
    title, paragraphs = story
    body = [_edit_words(p, rng, rng.randint(0, 3)) for p in paragraphs]
    if rng.random() < 0.5 and len(body) > 3:
        body = body[:-1]  # the last paragraph trimmed
    if rng.random() < 0.5:
        body.append(rng.choice(_EXTRA))  # a paragraph of its own
    for _ in range(rng.randint(1, 2)):
        body.insert(rng.randint(1, len(body) - 1), "Advertisement")
    body.append(rng.choice(_PARTNER_NOTES))
    prefix = rng.choice(("UPDATE: ", "Port Alder: ", "", "WATCH: "))
    return f"{prefix}{title.split(' ', 1)[1].capitalize()}", body
