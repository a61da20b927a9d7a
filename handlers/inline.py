"""Inline mode: "@bot <link>" in any chat answers with the brief and the quotes-only summary.

A link already briefed answers at once from the cache. A new one is briefed if that ends
within the answer window (`Config.inline_answer_seconds`); otherwise, and when the query holds
no link or the link can't be briefed, the answer is the single button "Brief it in chat",
which opens the bot's private chat with the link (a deep link). The work that ran out of time
goes on in the background, so the chat, or the next query, gets the brief from the cache.
Inline queries count against the user's rate limit like any other new brief. Telegram sends
a query at every pause in typing: a link not in the cache is fetched only once its user has
stopped typing for a moment (`BotData.inline_typing_pause`), and a query a newer one of the
same user replaced is dropped unanswered, so typing a link by hand fetches it once.
"@bot who <name>" answers with what that person has said (the quote bank, issue 13): one
result per person the name may mean, each the first page of their quotes.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import InlineQueryHandler

from bot.errors import BriefingError
from bot.service import BriefResult, Requester
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.inline_view import inline_text
from handlers.inputs import inline_link
from handlers.who_view import render_who

__all__ = ["HELP_START", "LINK_START", "on_inline_query", "register"]

logger = logging.getLogger(__name__)

HELP_START = "inline"  # /start inline: the welcome
LINK_START = "l"  # /start l<token>: brief the link behind the token
CACHED_SECONDS = 300  # how long Telegram may reuse an answer with results
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _requester(query: InlineQuery) -> Requester:
    user = query.from_user
    return Requester(
        user_id=user.id,
        chat_id=None,
        chat_type=query.chat_type or "inline",
        first_name=user.first_name,
        username=user.username,
        language_code=user.language_code,
    )


async def _offer_chat(query: InlineQuery, start: str) -> None:
    button = InlineQueryResultsButton(messages.INLINE_BRIEF_IN_CHAT, start_parameter=start)
    await query.answer([], cache_time=0, is_personal=True, button=button)


def _result(result: BriefResult, view: str, bot_username: str) -> InlineQueryResultArticle:
    brief = result.brief
    speakers = {q.speaker for q in brief.quotes if q.speaker}
    lede = brief.summary[0] if brief.summary else None
    return InlineQueryResultArticle(
        id=f"{view[0]}{result.stored.id}",
        title=messages.inline_title(view, brief.article.title),
        description=messages.inline_description(len(brief.quotes), len(speakers), lede),
        input_message_content=InputTextMessageContent(
            inline_text(brief, result.stored.id, view, bot_username),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        ),
    )


async def _briefed(context: BotContext, link: str, who: Requester) -> BriefResult | None:
    """Brief a link for an inline query; None when it failed (the chat tells the user why)."""
    try:
        return await context.service.brief_link(link, who)
    except BriefingError as exc:
        logger.info("inline brief for user %s failed: %r", who.user_id, exc)
        return None


def _who_results(context: BotContext, name: str) -> list[InlineQueryResultArticle]:
    """The first page of quotes of every person a name may mean."""
    answer = context.quotes.who(name)
    people = [answer.person] if answer.person else []
    people += [p for s in answer.choices if (p := context.quotes.person(s.id)) is not None]
    return [
        InlineQueryResultArticle(
            id=f"w{person.speaker.id}",
            title=messages.inline_who_title(person.speaker.name),
            description=messages.inline_who_description(person.speaker.role, person.articles),
            input_message_content=InputTextMessageContent(
                render_who(person).text,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
            ),
        )
        for person in people
    ]


async def on_inline_query(update: Update, context: BotContext) -> None:
    """Answer "@bot <link>" with the brief and the quotes, or with the button to the chat."""
    query = update.inline_query
    if query is None:
        return
    latest, user = context.bot_data.inline_latest, query.from_user.id
    latest[user] = query.id
    try:
        await _answer(update, query, context)
    finally:
        if latest.get(user) == query.id:
            del latest[user]


async def _answer(update: Update, query: InlineQuery, context: BotContext) -> None:
    """Answer one inline query: quotes of a person, a link's brief, or the chat button."""
    if (name := _who_name(query.query)) is not None:
        results = _who_results(context, name)
        if not results:
            await _offer_chat(query, HELP_START)
            return
        await query.answer(results, cache_time=0, is_personal=True)
        return
    link = inline_link(query.query)
    if link is None:
        await _offer_chat(query, HELP_START)
        return
    if not context.service.has_cached(link) and await _replaced(context, query):
        return  # the user typed on: the newer query answers, and this link is never fetched
    # The application's task: it goes on after the answer window, and stop() waits for it.
    task = context.application.create_task(_briefed(context, link, _requester(query)), update)
    done, _ = await asyncio.wait({task}, timeout=context.inline_answer_seconds)
    result = task.result() if done else None
    if result is None:
        await _offer_chat(query, LINK_START + context.service.start_token(link))
        return
    username = context.bot.username
    results = [_result(result, view, username) for view in ("full", "quotes")]
    await query.answer(results, cache_time=CACHED_SECONDS, is_personal=True)


async def _replaced(context: BotContext, query: InlineQuery) -> bool:
    """Wait for a pause in typing; tell whether a newer query of the same user came meanwhile."""
    await asyncio.sleep(context.bot_data.inline_typing_pause)
    return context.bot_data.inline_latest.get(query.from_user.id) != query.id


def _who_name(text: str) -> str | None:
    """The name in "who <name>", or None when the query is something else."""
    head, _, rest = text.strip().partition(" ")
    return rest.strip() or None if head.lower() == "who" else None


def register(app: BotApp) -> None:
    """Add the inline query handler."""
    app.add_handler(InlineQueryHandler(on_inline_query))
