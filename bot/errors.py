"""Domain exceptions, each with a message a user can act on.

Hierarchy:

    BriefingError
    ├── InputError            the input cannot be briefed
    │   ├── EmptyInput        nothing but whitespace or debris
    │   ├── BinaryInput       not text (a binary file, an image)
    │   ├── TooLong           over the size limit
    │   ├── TooHeavy          briefing it ran over the time limit
    │   ├── NothingToBrief    no sentences worth a brief
    │   ├── SourceNotFound    a file path that does not exist or cannot be read
    │   ├── RateLimited       the user asked for more briefs a minute than allowed
    │   ├── InvalidTopic      a topic to follow that cannot be read as a query
    │   ├── InvalidSchedule   a delivery time, time zone or interval that cannot be read
    │   │   └── UnknownTimeZone   a time zone name that is no IANA time zone
    │   ├── InvalidFeed       a feed address that does not hold an RSS, Atom or JSON feed
    │   └── InvalidOpml       a file that is not a safe, readable OPML list of feeds
    └── FetchError            a link could not be turned into an article
        ├── BlockedAddress    the link points at a non-public address or a refused scheme
        ├── InvalidUrl        not a usable http(s) URL
        ├── FetchFailed       the server answered with an error, or the connection failed
        ├── FetchTimeout      the server was too slow
        ├── TooLarge          the page is bigger than the limit
        ├── UnsupportedContent the link is not a web page (a PDF, an image)
        ├── TooManyRedirects  a redirect loop or chain longer than the limit
        └── NotAnArticle      the page holds no article text

Every exception carries `user_message`: one polite sentence that says what to do.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "BlockedAddress",
    "BriefingError",
    "EmptyInput",
    "FetchError",
    "FetchFailed",
    "FetchTimeout",
    "InputError",
    "InvalidFeed",
    "InvalidOpml",
    "InvalidSchedule",
    "InvalidTopic",
    "InvalidUrl",
    "NotAnArticle",
    "NothingToBrief",
    "RateLimited",
    "SourceNotFound",
    "TooHeavy",
    "TooLarge",
    "TooLong",
    "TooManyRedirects",
    "UnknownTimeZone",
    "UnsupportedContent",
]


class BriefingError(Exception):
    """Base class for every error a user should hear about in plain words."""

    default_message = "That could not be briefed."

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        self.detail = detail
        super().__init__(
            self.user_message if detail is None else f"{self.user_message} ({detail})"
        )


class InputError(BriefingError):
    """The input cannot be briefed."""


class EmptyInput(InputError):
    """The input holds nothing to read."""

    default_message = "There is no text to brief. Send an article's text or a link to it."


class BinaryInput(InputError):
    """The input is not text."""

    default_message = "That is not text. Send an article's text or a link to a web page."


class TooLong(InputError):
    """The input is over the size limit."""

    default_message = "That text is too long to brief. Send one article at a time."


class TooHeavy(InputError):
    """Briefing the input ran over the worker's time limit (or crashed its worker)."""

    default_message = (
        "Sorry, that article was too much for me to brief in time. "
        "Try another link, or paste just the article's own text."
    )


class NothingToBrief(InputError):
    """The input has no sentences worth a brief."""

    default_message = (
        "There is not enough article text here to brief. Send a whole article or a link to it."
    )


class SourceNotFound(InputError):
    """A file path that does not exist or cannot be read."""

    default_message = "That file could not be read. Check the path and try again."


class RateLimited(InputError):
    """The user asked for more briefs a minute than the limit allows."""

    default_message = "You have asked for many briefs in a short time. Try again in a minute."

    def __init__(self, retry_in: float, *, detail: str | None = None) -> None:
        super().__init__(detail=detail)
        self.retry_in = retry_in


class InvalidTopic(InputError):
    """A topic to follow that cannot be read as a query."""

    default_message = (
        "I could not read that topic. Send a few words, like /follow harbor bridge, "
        "up to 200 characters and 12 terms, with at least one word that is not excluded."
    )


class InvalidSchedule(InputError):
    """A delivery time, time zone or interval that cannot be read."""

    default_message = (
        "I could not read that schedule. Try /settings daily 08:00, /settings times 08:00 18:00, "
        "/settings every 6 or /settings instant."
    )


class UnknownTimeZone(InvalidSchedule):
    """A time zone name that the time zone database does not hold."""

    default_message = (
        "I do not know that time zone. Send its name from the time zone database, "
        "like /settings tz Europe/Berlin or /settings tz America/New_York."
    )


class InvalidFeed(InputError):
    """A feed address that does not hold an RSS, Atom or JSON feed."""

    default_message = (
        "That address does not hold a news feed I can read. Send the address of an RSS, "
        "Atom or JSON feed."
    )


class InvalidOpml(InputError):
    """A file that is not a safe, readable OPML list of feeds."""

    default_message = (
        "That file is not an OPML list of feeds I can read. Export your feeds as OPML from "
        "your feed reader and send that file."
    )


class FetchError(BriefingError):
    """A link could not be turned into an article."""

    default_message = "That link could not be read. Check it and try again."


class BlockedAddress(FetchError):
    """The link points at a non-public address or uses a refused scheme."""

    default_message = (
        "That link points to a private or local address, which I do not open. "
        "Send a link to a public web page."
    )


class InvalidUrl(FetchError):
    """Not a usable http(s) URL."""

    default_message = "That does not look like a web link. Send a full https:// URL."


class FetchFailed(FetchError):
    """The server answered with an error, or the connection failed."""

    default_message = "That link did not load. Check it in a browser, then send it again."


class FetchTimeout(FetchError):
    """The server was too slow."""

    default_message = "That site took too long to answer. Try again in a minute."


class TooLarge(FetchError):
    """The page is bigger than the limit."""

    default_message = "That page is too large to read. Send a link to a single article."


class UnsupportedContent(FetchError):
    """The link is not a web page."""

    default_message = "That link is not a web page. Send a link to an article."


class TooManyRedirects(FetchError):
    """A redirect loop or a chain longer than the limit."""

    default_message = "That link redirects too many times. Send the article's final address."


class NotAnArticle(FetchError):
    """The page holds no article text."""

    default_message = (
        "I could not find an article on that page. Send a link to a single article, "
        "or paste its text."
    )
