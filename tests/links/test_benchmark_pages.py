"""A few pages of the shared extraction benchmark, served on loopback and fetched for real.

The pages stay in ../shared (they are copyrighted news); the test skips when it is absent.
It checks that fetching changes nothing: the fetched page extracts exactly like the file.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from aiohttp import web

from bot.links.decode import decode_text
from bot.links.extract import extract_article
from bot.links.fetch import fetch_page
from tests.helpers.fakes import FakeResolver, loopback_settings
from tests.helpers.servers import serve_site

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "extraction"
PAGES = 4

pytestmark = pytest.mark.skipif(
    not (SHARED / "html").is_dir(),
    reason=f"the shared extraction benchmark is not at {SHARED} (it is never copied here)",
)


def benchmark_pages() -> list[tuple[str, bytes]]:
    """Return the names and gzipped bytes of the first few benchmark pages (none if absent)."""
    if not (SHARED / "html").is_dir():
        return []
    paths = sorted((SHARED / "html").glob("*.html.gz"))[:PAGES]
    return [(path.name[:12], path.read_bytes()) for path in paths]


@pytest.mark.parametrize(("name", "compressed"), benchmark_pages())
async def test_benchmark_page_fetches_and_extracts_like_the_file(
    name: str, compressed: bytes
) -> None:
    async def serve(request: web.Request) -> web.StreamResponse:
        # The file is already gzip: send it as a compressed body with no charset, like many
        # servers do, so decompression and charset detection both run.
        return web.Response(
            body=compressed, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}
        )

    async with serve_site({"/article": serve}, host="127.0.0.2") as site:
        resolver = FakeResolver({"news.example": ["127.0.0.2"]})
        settings = loopback_settings(site.port, allow=("127.0.0.2/32",))
        url = site.url("/article", host="news.example")
        fetched = await fetch_page(url, settings, resolver=resolver)
    local_text, _charset = decode_text(gzip.decompress(compressed), None, html=True)
    assert fetched.text == local_text
    extracted = extract_article(fetched.text, fetched.final_url)
    assert extracted.text == extract_article(local_text, url).text
    assert len(extracted.text.split()) > 20
