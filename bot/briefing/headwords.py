"""Words that end or open a name and tell what kind of thing it names.

"Trump Plaza" is a building, "Civic Values PAC" a body, "Kestrel Meadows" a piece of land,
"the Paris Agreement" a document: the tagger's label is often wrong where these are not.
"""

from __future__ import annotations

__all__ = [
    "BODY_HEADS",
    "LAND_HEADS",
    "NOT_BODY_HEADS",
    "NOT_PERSON_HEADS",
    "PLACE_HEADS",
    "PLACE_OPENERS",
]

# Last words that make a "person" entity a building, a company or an institution.
PLACE_HEADS = frozenset(
    "plaza tower towers hotel center centre street avenue house building university college "
    "school church foundation institute inc inc. corp corp. co co. llc group fund "
    "stadium arena airport casino bank".split()
)


# Last words of bodies' names the tagger may read as a person's ("Civic Values PAC").
BODY_HEADS = frozenset(
    "pac committee association coalition pharma pharmaceuticals therapeutics biotech motors "
    "airlines airways holdings partners labs laboratories technologies systems industries "
    "enterprises ventures studios records networks communications data analytics research "
    "securities capital foods brands mutual society semiconductor semiconductors electronics "
    "software robotics aerospace logistics chemicals insurance bancorp interactive "
    "entertainment biologics biosciences diagnostics genomics "  # "Lumora Semiconductor"
    "alliance federation union league movement congress front".split()
)


# Last words of the names of pieces of land, which are also surnames ("Meadows", "Woods").
LAND_HEADS = frozenset(
    "meadows meadow park woods wood fields heath common green gardens hills springs falls "
    "heights marsh moor".split()
)


# Last words of places and institutions that may follow a first name ("Victoria Station").
NOT_PERSON_HEADS = PLACE_HEADS | frozenset(
    "station river lake bay island county city valley mountain bridge square street".split()
)


# First words of places' names ("South Africa, the tournament's host" is no person).
PLACE_OPENERS = frozenset(
    "north south east west northern southern eastern western central new san santa saint "
    "st fort port mount lake cape upper lower great little greater".split()
)


# Last words of names of laws, treaties, programmes, documents and events, not bodies.
NOT_BODY_HEADS = frozenset(
    "agreement treaty act order amendment accord book plan program programme bill law "
    "doctrine protocol summit conference award awards prize festival games "
    # "Dow Jones Industrial Average", "Nasdaq Composite": a market's measure, no body
    "election primary debate speech address average index composite "
    # "the Cedar Ridge Fire", "the Harlow outbreak": an event, not a body
    "fire wildfire blaze earthquake outbreak".split()
)
