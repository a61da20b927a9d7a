"""Who the text is about right now: a decaying salience score per actor, for pronouns.

Every mention raises its actor's score, more for subjects of main clauses and for the
speaker of a quote; every new sentence halves all scores. A pronoun or a role noun refers
to the most salient actor it is compatible with (gender, person or group, role).
"""

from __future__ import annotations

from spacy.tokens import Token

from bot.briefing.mentions import ActorDraft

__all__ = ["Salience", "body_head", "clause_weight"]

_DECAY = 0.5
_MENTION = 100.0
_SUBJECT = 80.0
_MAIN_CLAUSE = 50.0
_SPEAKER = 120.0
_OBJECT = 30.0
_PARALLEL = 35.0  # a subject pronoun prefers an actor last seen as a subject
_FORGOTTEN = 3.0  # below this an actor is no longer a candidate (about five sentences)


def is_subject(token: Token) -> bool:
    """Tell whether a mention's head is a subject (or in apposition to one)."""
    head = token
    while head.dep_ in ("appos", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def clause_weight(token: Token) -> float:
    """Weigh a mention by its place in the sentence: subjects of main clauses count most."""
    head = token
    while head.dep_ in ("appos", "flat") and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        return _SUBJECT + (_MAIN_CLAUSE if main else 0.0)
    if head.dep_ in ("dobj", "attr"):
        return _OBJECT
    if _topic(head):
        return _SUBJECT + _MAIN_CLAUSE
    return 0.0


def _topic(head: Token) -> bool:
    """Tell whether a name is the topic of its sentence ("As for Trump, he said ...")."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "for" or prep.i == 0:
        return False
    return head.doc[prep.i - 1].lower_ == "as"


class Salience:
    """Decaying salience scores for the actors of one article."""

    def __init__(self, actors: list[ActorDraft]) -> None:
        self.actors = actors
        self.scores: dict[int, float] = {}
        self.sentence = -1
        self.this_sentence: dict[int, float] = {}  # weight already given in this sentence
        self.subjects: set[int] = set()  # actors whose latest mention was a subject
        self.seen: set[int] = set()  # actors mentioned so far

    def at_sentence(self, sentence: int) -> None:
        """Move to a sentence, decaying every score once per sentence passed."""
        if self.sentence >= 0 and sentence > self.sentence:
            factor = _DECAY ** (sentence - self.sentence)
            self.scores = {k: v * factor for k, v in self.scores.items() if v * factor > 0.5}
            self.this_sentence = {}
        self.sentence = max(self.sentence, sentence)

    def mention(self, actor: int, weight: float = 0.0, subject: bool = False) -> None:
        """Raise an actor's score for a mention; several in one sentence count once, the best."""
        self.seen.add(actor)
        total = _MENTION + weight
        given = self.this_sentence.get(actor, 0.0)
        if total > given:
            self.scores[actor] = self.scores.get(actor, 0.0) + total - given
            self.this_sentence[actor] = total
        if subject:
            self.subjects.add(actor)
        else:
            self.subjects.discard(actor)

    def spoke(self, actor: int) -> None:
        """Raise an actor's score for being named the speaker of a quote."""
        self.scores[actor] = self.scores.get(actor, 0.0) + _SPEAKER

    def best(
        self, label: str, gender: str | None = None, role: str | None = None, subject: bool = False
    ) -> int | None:
        """Return the most salient actor compatible with a pronoun or a role noun."""
        bonus = {a: _PARALLEL for a in self.subjects} if subject else {}
        ranked = sorted(self.scores.items(), key=lambda kv: -(kv[1] + bonus.get(kv[0], 0.0)))
        for actor_i, score in ranked:
            if score < _FORGOTTEN:
                break
            if self.compatible(actor_i, label, gender, role):
                return actor_i
        if label == "organization" and role is not None:
            return self._body_named(role)
        return self._fallback(label, gender) if role is None else None

    def _body_named(self, noun: str) -> int | None:
        """Find the body a bare body noun refers to ("the ministry" after "X's ministry")."""
        fitting = [
            i
            for i, a in enumerate(self.actors)
            if i in self.seen and a.kind == "organization" and body_head(a.name) == _body(noun)
        ]
        return max(fitting, key=lambda i: self.actors[i].mentions) if fitting else None

    def _fallback(self, label: str, gender: str | None) -> int | None:
        """Nobody compatible is in mind: the article's main person of that gender, if known."""
        if label != "person" or gender is None:
            return None
        fitting = [
            i
            for i, a in enumerate(self.actors)
            if a.kind == "person" and a.gender == gender and i in self.seen
        ]
        return max(fitting, key=lambda i: self.actors[i].mentions) if fitting else None

    def compatible(self, actor_i: int, label: str, gender: str | None, role: str | None) -> bool:
        """Tell whether an actor can be what a pronoun or role noun refers to."""
        actor = self.actors[actor_i]
        if label == "person":
            if actor.kind != "person":
                return False
            if gender and actor.gender and actor.gender != gender:
                return False
            return role is None or _holds_role(actor, role)
        if role is not None:
            return actor.kind == "organization" and body_head(actor.name) == _body(role)
        return actor.kind in ("organization", "group")

    def score(self, actor_i: int) -> float:
        """Return an actor's current score."""
        return self.scores.get(actor_i, 0.0)


# "the panel" is the committee the article named: one kind of body, two words for it.
_SAME_BODY_NOUN = {"panel": "committee", "subcommittee": "committee"}


def body_head(name: str) -> str:
    """A body's head noun: its last word, or the one before "of" ("council of Leeds")."""
    words = name.lower().split()
    if "of" in words[1:]:
        return _body(words[words.index("of", 1) - 1])
    return _body(words[-1]) if words else ""


def _body(noun: str) -> str:
    return _SAME_BODY_NOUN.get(noun, noun)


def _holds_role(actor: ActorDraft, role: str) -> bool:
    words = {w.lower().strip(".,") for t in actor.titles for w in t.split()}
    if actor.role:
        words |= {w.lower().strip(".,") for w in actor.role.split()}
    aliases = {
        "senator": {"sen"},
        "governor": {"gov"},
        "representative": {"rep"},
        "congressman": {"rep"},
    }
    return role in words or bool(aliases.get(role, set()) & words)
