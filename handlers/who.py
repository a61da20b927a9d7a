"""/who NAME: what a person has said across the public articles briefed, and its buttons.

One message: the person's quotes newest first, with buttons for older (and newer) quotes
and "Follow NAME" (the `actor:` topic). When a surname means several people, buttons ask
which one. Callback data carries ids only: a person is their newest quote's id.
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.follow.quotebank import Person
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.follow import command_args, follow_topic
from handlers.replies import edit_html, send_html
from handlers.who_view import WhoView, render_who
from storage import Speaker

__all__ = [
    "PAGE_PATTERN",
    "WHO_FOLLOW_PATTERN",
    "actor_topic",
    "on_who_follow",
    "on_who_page",
    "register",
    "who_command",
    "who_keyboard",
]

PAGE_PATTERN = re.compile(r"^w:(\d{1,18}):(\d{1,4})$")
WHO_FOLLOW_PATTERN = re.compile(r"^wf:(\d{1,18})$")
MAX_CHOICES = 8


def actor_topic(name: str) -> str:
    """Return the topic that follows a person: `actor:"Lena Ortiz"`."""
    return 'actor:"' + " ".join(name.replace('"', " ").split()) + '"'


def _page_button(label: str, speaker_id: int, page: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=f"w:{speaker_id}:{page}")


def who_keyboard(person: Person, view: WhoView) -> InlineKeyboardMarkup:
    """Build the buttons under a page: newer and older quotes, and Follow the person."""
    speaker_id = person.speaker.id
    paging = []
    if view.page > 0:
        paging.append(_page_button(messages.BUTTON_NEWER, speaker_id, view.page - 1))
    if view.has_older:
        paging.append(_page_button(messages.BUTTON_OLDER, speaker_id, view.page + 1))
    follow = InlineKeyboardButton(
        messages.follow_button(person.speaker.name), callback_data=f"wf:{speaker_id}"
    )
    return InlineKeyboardMarkup([row for row in (paging, [follow]) if row])


def _choices_keyboard(choices: tuple[Speaker, ...]) -> InlineKeyboardMarkup:
    """One button per person a name may mean (the most quoted first), each showing the role."""
    rows = []
    for speaker in choices[:MAX_CHOICES]:
        label = f"{speaker.name} — {speaker.role}" if speaker.role else speaker.name
        rows.append([_page_button(messages.button_label("", label), speaker.id, 0)])
    return InlineKeyboardMarkup(rows)


async def who_command(update: Update, context: BotContext) -> None:
    """/who NAME: a person's quotes, or buttons to choose among people of that name."""
    message = update.effective_message
    if message is None:
        return
    name = command_args(message)
    answer = context.quotes.who(name) if name else None
    if answer is None or not answer.query:
        await send_html(message, messages.WHO_USAGE)
    elif answer.choices:
        keyboard = _choices_keyboard(answer.choices)
        await send_html(message, messages.who_choices(answer.query), keyboard)
    elif answer.person is None:
        await send_html(message, messages.who_not_found(answer.query))
    else:
        view = render_who(answer.person)
        await send_html(message, view.text, who_keyboard(answer.person, view))


async def _pressed_person(
    update: Update, context: BotContext, pattern: re.Pattern[str]
) -> tuple[Message, Person, re.Match[str]] | None:
    """The button's message, person and data, or None when the person is gone."""
    query = update.callback_query
    match = pattern.match(query.data or "") if query else None
    if query is None or match is None or not isinstance(query.message, Message):
        return None
    person = context.quotes.person(int(match[1]))
    if person is None:
        await query.answer(messages.WHO_GONE, show_alert=True)
        return None
    await query.answer()
    return query.message, person, match


async def on_who_page(update: Update, context: BotContext) -> None:
    """Show another page of a person's quotes, or the person chosen, in place."""
    pressed = await _pressed_person(update, context, PAGE_PATTERN)
    if pressed is not None:
        message, person, match = pressed
        view = render_who(person, int(match[2]))
        await edit_html(message, view.text, who_keyboard(person, view))


async def on_who_follow(update: Update, context: BotContext) -> None:
    """Follow the person of a /who answer in this chat (their `actor:` topic)."""
    pressed = await _pressed_person(update, context, WHO_FOLLOW_PATTERN)
    if pressed is not None:
        message, person, _ = pressed
        await follow_topic(message, context, actor_topic(person.speaker.name))


def register(app: BotApp) -> None:
    """Add /who and its buttons."""
    app.add_handler(CommandHandler("who", who_command))
    app.add_handler(CallbackQueryHandler(on_who_page, pattern=PAGE_PATTERN))
    app.add_handler(CallbackQueryHandler(on_who_follow, pattern=WHO_FOLLOW_PATTERN))
