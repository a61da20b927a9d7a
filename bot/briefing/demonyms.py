"""Find a country acting through its officials: "Sudanese officials said" is Sudan acting.

An article about three countries names each by its name once or twice and then by its
people's adjective with the ones who act for it ("Sudanese officials", "Egyptian
diplomats", "Ethiopian forces"). Those are mentions of the country, as "the Turkish
government" already is, so a country that mostly acts through its officials is still seen
acting. The adjective is matched to a country the article names by their shared start
("Sudanese" - "Sudan", "Egyptian" - "Egypt"), never from a list of the world's countries.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from bot.briefing.lexicon import DEMONYM_NOUNS, name_gender

__all__ = ["nationality_before_name", "people_adjective", "state_agents"]

# Plural nouns for the people or the bodies that act for a state.
_STATE_AGENTS = frozenset(
    "official authority diplomat negotiator force troop leader minister delegation "
    "military navy army police".split()
)
# Endings of the adjectives for a people ("Canadian", "Irish", "Chinese", "Iraqi", "Dutch").
_PEOPLE_ENDINGS = ("an", "ese", "ish", "i", "ch")
_MIN_SHARED = 4  # letters the adjective and the country's name must start with alike
_SHARE = 0.8  # of the country's name


def _country_of(adjective: str, countries: dict[str, int]) -> int | None:
    """The country the adjective is of: "Sudanese" -> Sudan, not "Sudanese" -> Sri Lanka."""
    word = adjective.lower()
    for name, actor in countries.items():
        shared = 0
        for a, b in zip(word, name, strict=False):
            if a != b:
                break
            shared += 1
        if shared >= _MIN_SHARED and shared >= _SHARE * len(name) and len(word) > len(name) - 2:
            return actor
    return None


def nationality_before_name(toks: Sequence[Token]) -> bool:
    """Tell whether a name opens with its bearer's people ("Canadian Paul Hart").

    The tagger takes the adjective into the name, or tags the whole as a people or a
    company; the word after it must be a known first name, and it must not be one itself.
    """
    return (
        len(toks) >= 3
        and people_adjective(toks[0])
        and toks[1].is_title
        and name_gender(toks[1].text) is not None
        and all(t.is_title or t.text == "-" for t in toks[2:])
    )


def people_adjective(tok: Token) -> bool:
    """A capitalised word for a people ("Canadian", "Irish", "Greek"), not a first name."""
    return (
        tok.is_alpha
        and tok.is_title
        and (tok.lower_ in DEMONYM_NOUNS or tok.lower_.endswith(_PEOPLE_ENDINGS))
        and name_gender(tok.text) is None
    )


def _acting_for_a_state(adjective: Token) -> Token | None:
    """The noun of "Sudanese officials" that the adjective qualifies, if it acts for a state."""
    head = adjective.head
    if adjective.dep_ not in ("amod", "compound") or head.i != adjective.i + 1:
        return None
    plural = head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in ("military", "delegation")
    return head if plural and head.lemma_.lower() in _STATE_AGENTS else None


def state_agents(
    doc: Doc, countries: dict[str, int], taken: set[int]
) -> list[tuple[int, int, int]]:
    """(start, end, country) for each "Sudanese officials" of a country the article names.

    `countries` maps a one-word country's lower-case name to its actor.
    """
    found = []
    for tok in doc:
        if tok.ent_type_ != "NORP" or tok.i in taken or not tok.is_title:
            continue
        noun = _acting_for_a_state(tok)
        if noun is None or noun.i in taken:
            continue
        actor = _country_of(tok.text, countries)
        if actor is not None:
            found.append((tok.i, noun.i + 1, actor))
    return found
