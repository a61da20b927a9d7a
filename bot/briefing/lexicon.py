"""Word lists the passes share: speech verbs, titles, role nouns, pronouns and name genders.

Everything here is general English news vocabulary; nothing names an article or a person.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = [
    "BODY_NOUNS",
    "CHANNEL_NOUNS",
    "CLUB_ENDS",
    "CLUB_OPENERS",
    "COGNITION_VERBS",
    "COURTESY_TITLES",
    "DEMONYM_NOUNS",
    "FEMALE_PRONOUNS",
    "GROUP_PRONOUNS",
    "HONORIFICS",
    "MALE_PRONOUNS",
    "ORG_NOUNS",
    "OUTLET_WORDS",
    "PARTY_MEMBERS",
    "PLATFORMS",
    "ROLE_NOUNS",
    "SPEECH_VERBS",
    "TITLE_WORDS",
    "name_gender",
]


def _words(text: str) -> list[str]:
    """Split a whitespace-separated word list."""
    return text.split()


# Verbs that introduce a direct quote (by lemma). "call" counts: 'called it "a disaster"'.
SPEECH_VERBS = frozenset(
    _words(
        """
        say tell add note explain argue insist warn claim state declare write post tweet
        call ask answer reply respond continue conclude acknowledge admit announce assert
        comment complain concede confirm contend deny describe emphasize emphasise recall
        remark report reiterate stress suggest observe predict promise quip joke muse vow
        urge wonder exclaim shout yell scream testify caution charge counter boast brag
        chide mock retort snap sigh laugh quote lament plead pledge proclaim recount relate
        repeat reveal scoff sneer thunder whisper grumble agree disagree elaborate maintain
        opine posit propose speculate tout blast slam fire question challenge cry declare
        demand dismiss lash marvel mutter offer praise rail recite reassure rebut recollect
        remind threaten tease text email thank told begin interject interrupt chime
        summarize summarise underscore write characterize characterise label dub brand
        term refer credit sing chant beam gush rave fume cite read recount rip decry
        denounce hail applaud accuse lambast criticize criticise attack scold ridicule
        mutter concur acknowledge confide testify allege
        """
    )
)
# Verbs of belief and claim that introduce reported speech but rarely a direct quote.
COGNITION_VERBS = frozenset(
    _words(
        """
        believe think feel argue claim warn suggest say tell insist contend maintain assert
        predict estimate expect hope fear worry acknowledge admit concede allege deny point
        add note explain announce report state declare stress emphasize emphasise
        """
    )
)

TITLE_WORDS = frozenset(
    _words(
        """
        mr mrs ms miss dr prof sir dame lord lady rev sen senator rep representative gov
        governor lt gen general col colonel maj major capt captain sgt adm admiral president
        vice vice-president secretary minister prime chancellor premier mayor judge justice
        sheriff chairman chairwoman chair ceo director commissioner ambassador speaker
        leader king queen prince princess pope cardinal bishop rabbi imam father sister
        brother attorney former late deputy assistant acting chief state foreign defense
        defence interior finance house senate majority minority whip spokesman spokeswoman
        spokesperson candidate nominee frontrunner democratic republican gop independent
        u.s. us federal national presidential congressman congresswoman councilman
        councilwoman councilor professor coach officer agent detective inspector
        superintendent mr. mrs. ms. dr. sen. rep. gov. lt. gen. col. maj. capt. sgt. adm.
        del. sens. reps. govs. sens reps govs counsel
        prof. rev. st. jr jr. sr sr. nationalist activist analyst expert economist historian
        author archbishop pastor reverend sheikh emir ayatollah lieutenant sergeant corporal
        army navy marine marines air force airman ensign commander chaplain
        mp mep msp mla mpp mk councillor cllr alderman alderwoman assemblyman assemblywoman
        councilmember assemblymember selectman selectwoman principal headteacher headmaster
        headmistress
        """
    )
)
# Honorifics that also tell a person's gender.
HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "father": "m",
    "brother": "m",
    "congressman": "m",
    "councilman": "m",
    "chairman": "m",
    "spokesman": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "sister": "f",
    "congresswoman": "f",
    "councilwoman": "f",
    "chairwoman": "f",
    "spokeswoman": "f",
}

# Titles of courtesy only: they say nothing about a person's role.
COURTESY_TITLES = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "dr", "dr.", "lady", "lord"}
)

# Nouns that name a role a person holds ("the senator said"): resolved against the actors.
ROLE_NOUNS = frozenset(
    _words(
        """
        president senator governor mayor candidate nominee minister secretary chancellor
        premier chairman chairwoman chair ceo executive director commissioner ambassador
        speaker leader spokesman spokeswoman spokesperson official officer adviser advisor
        aide strategist congressman congresswoman lawmaker representative judge justice
        attorney lawyer prosecutor sheriff chief general commander diplomat analyst expert
        economist professor author businessman businesswoman billionaire mogul frontrunner
        front-runner contender challenger incumbent host anchor reporter columnist writer
        founder owner manager coach star actor actress singer activist organizer organiser
        pollster campaign campaigner veteran democrat republican conservative liberal
        progressive populist nationalist king queen prince princess pope bishop priest rabbi
        imam editor publisher guard forward striker goalkeeper pitcher quarterback winger
        defender midfielder captain substitute keeper mp mep msp mla mpp councillor councilor
        councilman councilwoman alderman assemblyman assemblywoman councilmember
        assemblymember selectman selectwoman principal headteacher headmaster headmistress
        provost rector landlord landlady publican barmaid barman bartender waiter waitress
        farmer fisherman shopkeeper plumber electrician firefighter lifeguard
        """
    )
)

# Nouns for bodies that act as one ("Russia's foreign ministry said", "the administration").
BODY_NOUNS = frozenset(
    _words(
        """
        ministry department administration campaign government office agency committee
        commission council court embassy military army police cabinet parliament
        legislature board panel bureau authority regime family establishment
        """
    )
)

# Nouns that say what kind of body an organization is ("super PAC X", "X, a free-market group").
ORG_NOUNS = frozenset(
    _words(
        """
        group organization organisation firm company corporation agency pac committee network
        newspaper paper chain website site coalition union association foundation institute
        tank nonprofit charity outlet magazine publication division unit branch affiliate
        subsidiary campaign party movement body council commission board department ministry
        office court bank fund studio label broadcaster channel station startup maker
        manufacturer retailer lender insurer operator provider developer publisher supplier
        carmaker automaker airline carrier distributor producer exporter contractor utility
        conglomerate regulator watchdog university college school hospital club team league
        band orchestra choir
        """
    )
)

# Members of a party, as a body that acts ("Republicans blocked the bill"): by lemma.
# One person named by their nationality ("the Finn said"): a description, not a name.
DEMONYM_NOUNS = frozenset(
    _words(
        """
        finn dane swede pole scot turk greek czech slovak serb croat slovene spaniard
        frenchman frenchwoman englishman englishwoman irishman irishwoman welshman welshwoman
        scotsman scotswoman dutchman dutchwoman briton brit german italian american canadian
        mexican brazilian argentine argentinian chilean colombian peruvian uruguayan
        venezuelan ecuadorian australian austrian belgian norwegian icelander russian
        ukrainian georgian armenian nigerian ghanaian kenyan egyptian moroccan algerian
        tunisian senegalese cameroonian ivorian japanese korean indian pakistani iranian
        iraqi israeli palestinian saudi kiwi filipino vietnamese indonesian thai hungarian
        romanian bulgarian albanian lithuanian latvian estonian jamaican
        """
    )
)
PARTY_MEMBERS = frozenset(
    _words(
        """
        republican democrat tory conservative liberal socialist communist libertarian
        democrats republicans tories conservatives liberals socialists communists
        """
    )
)

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "we", "us", "our"})

# Where a statement was made: "on X", "told Reuters", "in a statement".
PLATFORMS = frozenset(
    _words(
        """
        x twitter facebook instagram telegram tiktok youtube linkedin threads bluesky truth
        reddit substack mastodon weibo vk whatsapp signal
        """
    )
)
CHANNEL_NOUNS = frozenset(
    _words(
        """
        statement interview tweet post posts video broadcast podcast speech address letter
        op-ed column essay email memo briefing conference call rally hearing debate radio
        television show program programme appearance message remarks blog book
        """
    )
)

# Last words of clubs' names, which the first word alone may stand for ("Harlow" of "Harlow
# Athletic").
CLUB_ENDS = frozenset(_words("united athletic albion hotspur rovers rangers wanderers fc afc"))
# First words of clubs' names ("Atlético Solano", "Sporting Lisbon", "Borussia X").
CLUB_OPENERS = frozenset(
    _words("atlético atletico sporting dynamo dinamo olympique deportivo borussia fc afc")
)

# Last words of the names of news outlets ("the Daily Ledger", "Channel 4 News").
OUTLET_WORDS = frozenset(
    _words(
        """
        times post news press journal tribune herald sun leader gazette daily magazine radio
        tv television network channel review chronicle examiner observer telegraph courier
        register inquirer bulletin dispatch mirror express wire newswire newspaper ledger
        courant
        """
    )
)


@cache
def _first_names() -> dict[str, str]:
    """Load the first-name gender lists shipped with the package, the hand-made one first."""
    table: dict[str, str] = {}
    for path in ("data/first_names.txt", "data/first_names_world.txt"):
        data = resources.files("bot").joinpath(path).read_text(encoding="utf-8")
        for line in data.splitlines():
            if line and not line.startswith("#"):
                gender, _, names = line.partition(":")
                for name in names.split():
                    table.setdefault(name.lower(), gender.strip())
    return table


def name_gender(first_name: str) -> str | None:
    """Return 'm' or 'f' for a common first name, None when unknown or shared."""
    gender = _first_names().get(first_name.lower().strip("."))
    return gender if gender in ("m", "f") else None
