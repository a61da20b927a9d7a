"""The briefing engine: a pure function from article text to a `Brief`.

It never imports `telegram`, `sqlite_utils` or `asyncio`, does no I/O and reads no
environment variables. One module per pass: `cleanup` (debris, title), `quotemarks`
(quoted spans), `mentionpass` and `actors` (who is in the article: `mentions`,
`untagged`, `bodymentions`, `entitykinds` with `headwords`, `personnames` and
`companynames`, `actorindex`), `roles` (with `titles`, `appositions`, `namelists` and
`roleowners`), `cuewindows`, `cues` and `speakers` (who said each quote), `statements`
(reported speech), `stakes`, `summary`; `engine.build_brief` runs them in order. `render`
and `serialize` turn a Brief into text, Telegram HTML or JSON.
"""

from bot.briefing.engine import build_brief
from bot.briefing.model import Actor, Article, ArticleMeta, Brief, Quote, Stake

__all__ = ["Actor", "Article", "ArticleMeta", "Brief", "Quote", "Stake", "build_brief"]
