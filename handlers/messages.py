"""Every sentence the bot says, in one place. Texts are Telegram HTML: escape what you insert."""

from __future__ import annotations

import html
import math

from bot.errors import BriefingError, RateLimited
from bot.follow.schedule import Schedule
from bot.service import Stage
from storage import ChatSettings, FeedRecord, Subscription

__all__ = [
    "ADDFEED_USAGE",
    "ALSO_IN",
    "BOT_COMMANDS",
    "BRIEF_GONE",
    "BRIEF_USAGE",
    "BUTTON_ACTORS",
    "BUTTON_FULL",
    "BUTTON_NEWER",
    "BUTTON_OLDER",
    "BUTTON_OPEN",
    "BUTTON_PAUSE",
    "BUTTON_QUOTES",
    "BUTTON_REMOVE",
    "BUTTON_RESUME",
    "BUTTON_SCHEDULE",
    "BUTTON_STAKES",
    "CHANNEL_ADMINS_ONLY",
    "DIGEST_NOTHING",
    "EXPORT_NO_FEEDS",
    "FEED_UNKNOWN",
    "FOLLOW_CHOICES",
    "FOLLOW_USAGE",
    "GENERIC_ERROR",
    "HELP",
    "IMPORT_NO_FEEDS",
    "IMPORT_USAGE",
    "INLINE_BRIEF_IN_CHAT",
    "INLINE_MORE",
    "NO_FEEDS",
    "NO_TOPICS",
    "PART_REPLACED",
    "QUOTES_USAGE",
    "REMOVEFEED_USAGE",
    "SCHEDULE_CHOICES",
    "SHORT_HINT",
    "START_LINK_GONE",
    "TOO_MANY_LINKS",
    "TOPIC_GONE",
    "UNFOLLOW_USAGE",
    "VOICES",
    "WELCOME",
    "WHO_GONE",
    "WHO_USAGE",
    "button_label",
    "channel_back",
    "channel_bot_cannot_post",
    "channel_digest_sent",
    "channel_followed",
    "channel_heading",
    "channel_lost",
    "channel_not_admin",
    "channel_not_found",
    "digest_header",
    "digest_left_out",
    "digest_sent",
    "error_reply",
    "export_caption",
    "feed_added",
    "feed_removed",
    "feeds_list",
    "follow_button",
    "followed",
    "following_list",
    "import_report",
    "inline_description",
    "inline_more",
    "inline_title",
    "more_sources",
    "not_a_channel",
    "progress",
    "reported_by",
    "schedule_text",
    "settings_text",
    "sources_count",
    "unfollowed",
    "unknown_command",
    "who_choices",
    "who_header",
    "who_not_found",
    "who_page",
]

BOT_COMMANDS = (
    ("brief", "Brief an article: /brief and a link"),
    ("quotes", "Only the quotes, by speaker: /quotes and a link"),
    ("follow", "Follow a topic: /follow and a few words"),
    ("following", "Your topics: pause, remove, change the schedule"),
    ("digest", "Send what is waiting on your topics now"),
    ("who", "What a person has said: /who and a name"),
    ("settings", "Your time zone and when briefings come"),
    ("addfeed", "Add a news feed: /addfeed and its address"),
    ("feeds", "Your news feeds"),
    ("export", "Your news feeds as an OPML file"),
    ("import", "Add the feeds of an OPML file: send it with /import"),
    ("help", "What I can do and how"),
    ("start", "Start over"),
)

WELCOME = (
    "<b>Hello! I turn a news article into a short, checked brief.</b>\n\n"
    "Send me a link to an article, or paste its whole text. I answer with who is involved "
    "and their roles, every quote word for word with who said it, and what is at stake.\n\n"
    "For example, send <code>/quotes https://example.com/news/story</code> to see only the "
    "quotes, grouped by speaker."
)


MAX_COMMAND_CHARS = 40  # of an unknown command echoed back


def unknown_command(command: str) -> str:
    """Return the reply to a command the bot does not have."""
    shown = (
        command if len(command) <= MAX_COMMAND_CHARS else command[: MAX_COMMAND_CHARS - 1] + "…"
    )
    return (
        f"I have no command {html.escape(shown, quote=False)}. Send /help to see what I can "
        "do, or send me a link to an article or its text."
    )


HELP = (
    "<b>How to use me</b>\n"
    "• Send a link to a news article (up to 3 links in one message).\n"
    "• Or paste or forward an article's text (at least 80 words).\n"
    "• /brief and a link: the full brief. /quotes and a link: only the quotes.\n"
    "• Reply /brief or /quotes to a message that holds a link or a text.\n\n"
    "Under each brief, buttons switch between <i>Quotes only</i>, <i>Actors</i>, "
    "<i>Stakes</i> and the <i>Full brief</i>.\n\n"
    "In a group I answer only commands, messages that mention me, and replies to me.\n"
    "In any other chat, type my @username and a link in the message box, then pick the "
    "brief or the quotes to send there.\n"
    "Limits: 10 new briefs a minute, and texts up to 100,000 characters. Links you send "
    "together are briefed one after another, so others never wait behind you, and an "
    "article that takes over 30 seconds is given up. Every quote is checked word for word "
    "against the article.\n\n"
    "<b>Following topics</b>\n"
    "• /follow and a topic (or /subscribe): I send you briefings on it. Words must all "
    'appear; use <code>"exact phrases"</code>, <code>OR</code>, <code>-excluded</code> '
    'and <code>actor:"Lena Ortiz"</code> for the people in a story.\n'
    "• /following: your topics, with buttons to pause, remove or change the schedule. "
    "/unfollow 2 stops topic 2.\n"
    "• /digest: what is waiting on your topics, now. A story that several outlets carry "
    "comes once, with its sources, and a copy of a story you had does not come again.\n"
    "• /settings: your time zone and when briefings come (every day at 08:00 unless you "
    "choose otherwise).\n"
    "• /addfeed and a feed's address (RSS, Atom or JSON), /feeds and /removefeed: your own "
    "news sources, besides the ones I read for everybody.\n"
    "• /export: your feeds as an OPML file for any feed reader. Send an OPML file with the "
    "caption /import (or reply /import to one) to add all its feeds; files up to 1 MB.\n\n"
    "<b>Who said what</b>\n"
    "• /who and a name, like <code>/who Ortiz</code>: what a person has said in the articles "
    "I have briefed, newest first, with the outlet and date of each. A surname is enough; "
    "case and accents do not matter. In any chat, type my @name and <code>who Ortiz</code>.\n"
    "Only public articles count: links people sent me and articles from news feeds. Texts "
    "you paste or forward stay private; their quotes never appear in anyone's /who.\n\n"
    "<b>Channels</b>\n"
    "Make me an administrator of your channel allowed to post messages, then send me here "
    "<code>/follow @yourchannel harbor bridge</code>: its briefings go to the channel. "
    "/following, /unfollow, /settings, /digest, /addfeed, /feeds and /removefeed take "
    "<code>@yourchannel</code> the same way, for the channel's administrators."
)

INLINE_BRIEF_IN_CHAT = "Brief it in chat"
INLINE_MORE = "Read the whole brief in my chat"
START_LINK_GONE = (
    "I no longer have that link. Send it to me again, or paste the article's text, and I "
    "will brief it."
)


def inline_who_title(name: str) -> str:
    """Title of an inline "who" result: whose quotes it sends."""
    return f"Who: {name}"


def inline_who_description(role: str | None, articles: int) -> str:
    """Second line of an inline "who" result: the role and how many articles quote them."""
    where = "1 article" if articles == 1 else f"{articles} articles"
    return f"{role} · quoted in {where}" if role else f"Quoted in {where}"


def inline_title(view: str, headline: str | None) -> str:
    """Title of an inline result: "Brief: <headline>" or "Quotes: <headline>"."""
    kind = "Quotes" if view == "quotes" else "Brief"
    return f"{kind}: {headline or 'Untitled article'}"


def inline_description(quotes: int, speakers: int, lede: str | None) -> str:
    """The grey line under an inline result's title: the lede, else what the brief holds."""
    if lede:
        return lede
    return f"{quotes} quote{'s' if quotes != 1 else ''} from {speakers} speaker" + (
        "s" if speakers != 1 else ""
    )


def inline_more(url: str) -> str:
    """The last line of a brief cut to fit one message: a link to all of it in the bot's chat."""
    return f'<a href="{html.escape(url)}">{INLINE_MORE} →</a>'


SHORT_HINT = (
    "Send me a link to a news article, or paste the article's whole text, and I will brief it."
)
BRIEF_USAGE = (
    "Send /brief with a link, like <code>/brief https://example.com/story</code>, or reply "
    "/brief to a message that holds a link or an article's text."
)
QUOTES_USAGE = (
    "Send /quotes with a link, like <code>/quotes https://example.com/story</code>, or reply "
    "/quotes to a message that holds a link or an article's text."
)
TOO_MANY_LINKS = "I brief up to 3 links from one message, so here are the first 3."
GENERIC_ERROR = "Something went wrong; it has been logged. Please try again in a minute."
BRIEF_GONE = "I no longer have that brief. Send the link again and I will make a new one."
# In place of a part of a brief that a shorter view no longer needs (when it cannot be deleted).
PART_REPLACED = "This part of the brief was replaced; the new view is in the message above."

BUTTON_QUOTES = "Quotes only"
BUTTON_ACTORS = "Actors"
BUTTON_STAKES = "Stakes"
BUTTON_FULL = "Full brief"
FOLLOW_NAME_CHARS = 24

_LINK_STEPS = ("Loading the page", "Finding the article text", "Finding quotes and who said them")
_LINK_STAGES = (Stage.FETCHING, Stage.EXTRACTING, Stage.FINDING_QUOTES)


def progress(stage: Stage, pasted: bool) -> str:
    """Return the progress message for a stage: what is done, and what is happening now."""
    if pasted:
        return "Reading your text…\n⏳ Finding quotes and who said them"
    done = _LINK_STAGES.index(stage)
    lines = [f"✓ {step}" for step in _LINK_STEPS[:done]] + [f"⏳ {_LINK_STEPS[done]}"]
    return "Reading the article…\n" + "\n".join(lines)


def error_reply(exc: BriefingError) -> str:
    """Return the reply to a failed brief: what to do about it."""
    if isinstance(exc, RateLimited):
        seconds = max(1, math.ceil(exc.retry_in))
        return (
            "You have asked for many briefs in the last minute. "
            f"Please send that again in {seconds} seconds."
        )
    return html.escape(exc.user_message, quote=False)


def follow_button(name: str) -> str:
    """Return the label of the Follow button for an actor or a topic."""
    short = name if len(name) <= FOLLOW_NAME_CHARS else name[: FOLLOW_NAME_CHARS - 1] + "…"
    return f"Follow {short}"


# Following topics, feeds and settings (issue 6).

FOLLOW_USAGE = (
    "Send /follow and a topic, like <code>/follow harbor bridge</code>. Words must all appear; "
    '<code>"exact phrase"</code>, <code>OR</code>, <code>-word</code> and '
    '<code>actor:"Lena Ortiz"</code> work too.'
)
UNFOLLOW_USAGE = (
    "Send /unfollow and the topic's number from /following, like <code>/unfollow 2</code>."
)
NO_TOPICS = "You follow no topics yet. Send /follow and a few words to start."
TOPIC_GONE = "I no longer have that topic. Send /following to see your topics."
DIGEST_NOTHING = "There is nothing new on your topics yet. I will send it when it comes."
NO_FEEDS = (
    "This chat has no feeds of its own; I read the default feeds for everybody. "
    "Send /addfeed and a feed's address to add one."
)
ADDFEED_USAGE = (
    "Send /addfeed and the address of an RSS, Atom or JSON feed, like "
    "<code>/addfeed https://example.com/rss.xml</code>."
)
REMOVEFEED_USAGE = (
    "Send /removefeed and the feed's number from /feeds, like <code>/removefeed 1</code>."
)
FEED_UNKNOWN = "This chat has no such feed. Send /feeds to see its feeds."
BUTTON_OPEN = "Open"
BUTTON_PAUSE, BUTTON_RESUME, BUTTON_REMOVE, BUTTON_SCHEDULE = (
    "Pause",
    "Resume",
    "Remove",
    "Schedule",
)
# Schedule buttons under a topic: (code, label, schedule; None = the chat's default).
SCHEDULE_CHOICES = (
    ("d", "Chat default", None),
    ("m", "Daily 08:00", "daily 08:00"),
    ("t", "08:00 and 18:00", "times 08:00 18:00"),
    ("e", "Every 6 hours", "every 6"),
    ("i", "As it arrives", "instant"),
)
VOICES = "Voices"
ALSO_IN = "Also in:"
MAX_LABEL_CHARS = 40


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def schedule_text(schedule: Schedule) -> str:
    """Describe a schedule in words: "every day at 08:00"."""
    times = [t.strftime("%H:%M") for t in schedule.times]
    if schedule.kind == "instant":
        return "as soon as something arrives"
    if schedule.kind == "every":
        return "every hour" if schedule.hours == 1 else f"every {schedule.hours} hours"
    if len(times) == 1:
        return f"every day at {times[0]}"
    return "every day at " + ", ".join(times[:-1]) + f" and {times[-1]}"


def followed(topic: str, created: bool, schedule: Schedule, zone: str) -> str:
    """Confirm a follow and say when briefings come."""
    when = schedule_text(schedule)
    start = "You now follow" if created else "You already follow"
    return (
        f"{start} <b>{_e(topic)}</b>. I will send you new articles on it {when} "
        f"({_e(zone)} time). Send /settings to change that, or /digest to get what is "
        "waiting now."
    )


FOLLOW_CHOICES = (
    "What would you like to follow? Choose below; /following shows your topics afterwards."
)


def unfollowed(topic: str) -> str:
    """Confirm an unfollow."""
    return f"You no longer follow <b>{_e(topic)}</b>."


def _topic_line(number: int, sub: Subscription, schedule: Schedule) -> str:
    state = " · <i>paused</i>" if sub.paused else ""
    own = "" if sub.schedule is None else " (its own schedule)"
    return f"{number}. <b>{_e(sub.query)}</b> — {schedule_text(schedule)}{own}{state}"


def following_list(subs: list[tuple[Subscription, Schedule]], settings: ChatSettings) -> str:
    """List a chat's topics with their schedules."""
    if not subs:
        return NO_TOPICS
    lines = [_topic_line(n, sub, schedule) for n, (sub, schedule) in enumerate(subs, start=1)]
    return (
        f"<b>Your topics</b> ({_e(settings.time_zone)} time)\n" + "\n".join(lines)
        + "\n\nThe buttons pause, remove or reschedule a topic by its number."
    )  # fmt: skip


def settings_text(settings: ChatSettings, schedule: Schedule) -> str:
    """Show a chat's settings and how to change them."""
    return (
        f"<b>Settings</b>\nTime zone: <b>{_e(settings.time_zone)}</b>\n"
        f"Briefings: <b>{schedule_text(schedule)}</b> (topics with their own schedule keep it)\n\n"
        "To change them, send for example:\n"
        "<code>/settings tz Europe/Berlin</code>\n"
        "<code>/settings daily 07:30</code>\n"
        "<code>/settings times 08:00 13:00 19:00</code>\n"
        "<code>/settings every 4</code> (hours)\n"
        "<code>/settings instant</code> (as soon as something arrives)"
    )


def digest_sent(count: int) -> str:
    """Answer /digest when briefings went out."""
    return "Here is what was waiting." if count == 1 else f"Here are {count} briefings."


def feed_added(title: str | None, url: str, items: int, added: bool) -> str:
    """Confirm /addfeed with how many entries the feed holds."""
    name = _e(title or url)
    found = "no entries yet" if items == 0 else f"{items} entr{'y' if items == 1 else 'ies'}"
    start = "Added" if added else "This chat already had"
    return (
        f"{start} the feed <b>{name}</b>: it holds {found}. Articles from it that match your "
        "topics will come with your briefings."
    )


EXPORT_NO_FEEDS = (
    "This chat has no feeds of its own to export yet. Add one with /addfeed, or send an OPML "
    "file with the caption /import."
)
IMPORT_USAGE = (
    "Send an OPML file with the caption /import, or reply /import to a message that holds "
    "one. Feed readers save it under a name like “Export subscriptions” or “Export OPML”."
)
IMPORT_NO_FEEDS = (
    "That OPML file lists no feeds, so I added none. Check that it is the right file."
)
IMPORT_MAX_LINE = 80
IMPORT_MAX_CHARS = 3800  # room under Telegram's 4096 for the summary and the last line


def export_caption(count: int) -> str:
    """The caption of the exported OPML file."""
    feeds = "1 feed" if count == 1 else f"{count} feeds"
    return (
        f"This chat's {feeds}, as OPML. Send this file back with the caption /import to add "
        "them again, here or in another chat, or open it in any feed reader."
    )


def _short(text: str) -> str:
    return text if len(text) <= IMPORT_MAX_LINE else text[: IMPORT_MAX_LINE - 1] + "…"


def import_report(
    added: list[str], already: list[str], failed: list[tuple[str, str]], left_out: int
) -> str:
    """Report an OPML import: what was added, what was there already, what failed and why."""
    counts = [f"{len(added)} added", f"{len(already)} already here", f"{len(failed)} failed"]
    lines = [f"<b>Imported feeds</b>: {', '.join(counts)}."]
    lines += [f"✓ {_e(_short(name))}" for name in added]
    lines += [f"• {_e(_short(name))} (already here)" for name in already]
    lines += [f"✗ {_e(_short(url))}: {_e(reason)}" for url, reason in failed]
    if left_out:
        lines.append(f"I read the first 50 feeds of the file and left out {left_out}.")
    shown: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) > IMPORT_MAX_CHARS:
            shown.append(f"…and {len(lines) - len(shown)} more lines.")
            break
        shown.append(line)
        size += len(line) + 1
    return "\n".join(shown) + "\n\nSend /feeds to see them all."


def _feed_line(number: int, feed: FeedRecord) -> str:
    name = _e(feed.title or feed.url)
    state = "" if feed.active else " · <i>stopped after repeated errors; add it again to retry</i>"
    return f'{number}. <a href="{html.escape(feed.url)}">{name}</a>{state}'


def feeds_list(feeds: list[FeedRecord]) -> str:
    """List a chat's own feeds."""
    if not feeds:
        return NO_FEEDS
    lines = [_feed_line(n, feed) for n, feed in enumerate(feeds, start=1)]
    return "<b>This chat's feeds</b>\n" + "\n".join(lines) + "\n\n/removefeed 1 removes feed 1."


def feed_removed(feed: FeedRecord) -> str:
    """Confirm /removefeed."""
    return f"Removed the feed <b>{_e(feed.title or feed.url)}</b>."


def digest_header(topic: str, count: int) -> str:
    """Head a topic's briefing."""
    articles = "1 new article" if count == 1 else f"{count} new articles"
    return f"📬 <b>{_e(topic)}</b> — {articles}"


def more_sources(count: int) -> str:
    """Say how many more outlets carry a story than are named."""
    return f"and {count} more"


def sources_count(sources: int) -> str:
    """Say how many outlets carry a story."""
    return f"{sources} sources"


def reported_by(sources: int) -> str:
    """Say how many outlets carried a quote."""
    return f"reported by {sources} sources" if sources > 1 else ""


def digest_left_out(count: int) -> str:
    """Say that older matching articles were not shown."""
    what = (
        "1 older matching article was" if count == 1 else f"{count} older matching articles were"
    )
    return f"<i>{what} left out; /digest sends what comes next.</i>"


def button_label(prefix: str, text: str) -> str:
    """Return a button label, shortened to fit."""
    label = f"{prefix} {text}".strip()
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


# The quote bank: /who (issue 13).

WHO_USAGE = (
    "Send /who and a person's name, like <code>/who Lena Ortiz</code> or just "
    "<code>/who Ortiz</code>, to see what they have said in the articles I have briefed."
)
WHO_GONE = "I no longer have those quotes. Send /who and the name again."
BUTTON_OLDER = "Older quotes ›"
BUTTON_NEWER = "‹ Newer quotes"


def who_not_found(name: str) -> str:
    """Say that nobody of that name is quoted in the articles briefed."""
    return (
        f"I have no quotes from <b>{_e(name)}</b> yet. I know what people said in the public "
        "articles I have briefed: links people sent me and articles from news feeds. Check "
        "the spelling, or send me an article in which they speak."
    )


def who_choices(name: str) -> str:
    """Ask which of several people a name means."""
    return f"Several people I have quotes from are called <b>{_e(name)}</b>. Which one?"


def who_header(name: str, role: str | None, quotes: int, articles: int) -> str:
    """Head a person's quotes: the name, the role, how many quotes from how many articles."""
    role_text = f" — {_e(role)}" if role else ""
    said = "1 quote" if quotes == 1 else f"{quotes} quotes"
    where = "1 article" if articles == 1 else f"{articles} articles"
    return f"🗣 <b>{_e(name)}</b>{role_text}\n<i>{said} from {where}, newest first</i>"


def who_page(page: int, pages: int) -> str:
    """Say which page of a person's quotes this is, of how many."""
    return f"<i>Page {page} of {pages}; the buttons show newer and older quotes.</i>"


# Channels (issue 12): topics set up from a private chat with /follow @channel <topic>.
CHANNEL_ADMINS_ONLY = "Only the channel's administrators can change its topics."


def _channel_name(title: str | None, username: str | None) -> str:
    return f"<b>{_e(title or ('@' + username if username else 'the channel'))}</b>"


def channel_not_found(ref: str) -> str:
    """Answer a command naming a channel the bot cannot see."""
    return (
        f"I can't find the channel {_e(ref)}. Check its @username, and add me to it as an "
        "administrator allowed to post messages first."
    )


def not_a_channel(title: str | None, ref: str) -> str:
    """Answer a command naming a group or a user instead of a channel."""
    return (
        f"{_channel_name(title, ref.lstrip('@'))} is not a channel. In a group, send the "
        "command in the group itself."
    )


def channel_not_admin(title: str | None, username: str | None) -> str:
    """Refuse a user who is not an administrator of the channel."""
    return (
        f"Only the administrators of {_channel_name(title, username)} can change its topics, "
        "and Telegram tells me you are not one. Ask one of them to do it."
    )


def channel_bot_cannot_post(title: str | None, username: str | None) -> str:
    """Refuse while the bot may not post in the channel."""
    return (
        f"I can't post in {_channel_name(title, username)} yet. Add me to the channel as an "
        "administrator allowed to post messages, then send the command again."
    )


def channel_followed(
    title: str | None, username: str | None, topic: str, created: bool, when: str, zone: str
) -> str:
    """Confirm a channel's new topic and say when its briefings are posted."""
    name = _channel_name(title, username)
    ref = f"@{username}" if username else "@channel"
    start = "now follows" if created else "already follows"
    return (
        f"{name} {start} <b>{_e(topic)}</b>. I will post new articles on it {when} "
        f"({_e(zone)} time). Send <code>/settings {_e(ref)}</code> to change that, or "
        f"<code>/digest {_e(ref)}</code> to post what is waiting now."
    )


def channel_heading(title: str | None, username: str | None) -> str:
    """The first line of an answer about a channel's topics or settings."""
    return f"Channel {_channel_name(title, username)}:\n"


def channel_lost(title: str | None, username: str | None, topics: int) -> str:
    """Tell the owner that the bot lost its rights in a channel and paused its topics."""
    paused = "its topic" if topics == 1 else f"its {topics} topics"
    return (
        f"I can no longer post in {_channel_name(title, username)}, so I paused {paused}. "
        "Make me an administrator allowed to post messages again and I will resume them."
    )


def channel_back(title: str | None, username: str | None, topics: int) -> str:
    """Tell the owner that the bot may post in a channel again and resumed its topics."""
    resumed = "its topic" if topics == 1 else f"its {topics} topics"
    return f"I can post in {_channel_name(title, username)} again, so I resumed {resumed}."


def channel_digest_sent(count: int) -> str:
    """Answer /digest @channel when briefings were posted."""
    return "Posted what was waiting." if count == 1 else f"Posted {count} briefings."
