"""Names in lists: whether a plural role describes one name or the list it is in.

"her rivals, X and Y" describes a list; "Govs. X of Ohio and Y" gives both the title. The
parse hangs the later names on the first, or on a place after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from bot.briefing.role_phrases import plural

__all__ = ["first_of_list", "plural_for_one"]


def _next_name(tok: Token) -> bool:
    """A list member: a conjunct, or a name the parser took for an apposition ("X, Y and Z")."""
    return tok.dep_ == "conj" or (
        tok.dep_ == "appos" and tok.ent_type_ == "PERSON" and tok.head.ent_type_ == "PERSON"
    )


def _listed(root: Token) -> bool:
    """Tell whether a name is one of a list ("X and Y", "X of Ohio and Y")."""
    if root.dep_ == "conj" or any(_next_name(c) for c in root.children):
        return True
    if root.dep_ == "appos" and any(c.dep_ == "conj" and c.i > root.i for c in root.head.children):
        return True  # "her rivals, X and Y", the list hung on the noun
    places = [o for p in root.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if any(c.dep_ == "conj" for o in places for c in o.children):
        return True
    return _name_follows(root)


def _name_follows(root: Token) -> bool:
    """Tell whether another name follows after a comma or "and" ("X (D-Ill.), Y")."""
    doc = root.doc
    i = root.i + 1
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - root.i < 8:
            i += 1
        i += 1
    while i < len(doc) and doc[i].text in (",", "and"):
        i += 1
    return i > root.i + 1 and i < len(doc) and doc[i].ent_type_ == "PERSON"


def first_of_list(root: Token) -> Token:
    """The first name of the list a name is in ("Govs. X of Ohio and Y" -> X)."""
    first = root
    for _ in range(12):
        if (first.dep_ == "conj" or _next_name(first)) and first.head.i != first.i:
            first = first.head
        elif (
            first.dep_ == "pobj"
            and first.head.dep_ == "prep"
            and first.i != root.i
            and first.ent_type_ != "PERSON"
        ):
            first = first.head.head  # "X of New Jersey and Y": Y hangs on the place
        else:
            break
    return first


def plural_for_one(noun: Token, root: Token) -> bool:
    """Tell whether a plural describes one name ("her rivals, X" describes a list)."""
    return plural(noun) and not _listed(root)
