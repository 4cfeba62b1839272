"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import codecs
import re
from typing import Any

import trafilatura
from trafilatura.settings import use_config

from wartrace.ingest.common import InputRejected, normalise_date
from wartrace.ingest.decode import Decoded, decode_guessing, guess_warning
from wartrace.models import ArticleInput

# HTML5 lets a page declare its charset in a <meta> within its first 1024 bytes; be generous.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
# Browsers read these labels as windows-1252 (WHATWG Encoding), and so do pages that use them.
_AS_CP1252 = {"ascii", "iso8859-1"}
# No date guessed from free text or copyright lines: a wrong date is worse than none.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
# Less main text than this is a menu or a caption, not an article ("no main text").
MIN_MAIN_TEXT_CHARS = 40
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", str(MIN_MAIN_TEXT_CHARS))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares (XML declaration or <meta> near its start), if any."""
    head = data[:_PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _decode_as(data: bytes, label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name in _AS_CP1252:
        name = "cp1252"
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None  # the declaration is wrong: fall back to detection


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    return decode_html_guessing(data, http_charset).text


def decode_html_guessing(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode a page: BOM, then the HTTP charset, then <meta charset>, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_guessing(data)
    for label in (http_charset, declared_charset(data)):
        text = _decode_as(data, label)
        if text is not None:
            if not text.strip():
                raise InputRejected("empty")
            return Decoded(text)
    return decode_guessing(data)


def _drop_leading_title(text: str, title: str | None) -> str:
    """Remove the headline trafilatura repeats as the first line (it is kept as the title)."""
    if not title:
        return text
    first, sep, rest = text.partition("\n")
    if sep and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def html_article(
    page: str | Decoded,
    *,
    source: str,
    source_format: str = "html",
    article_id: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> ArticleInput:
    """Extract one article from a decoded page.

    ``url`` and ``published`` are what is known from outside the page (a crawl record);
    the page's own canonical URL and date win over them. A ``Decoded`` page whose
    encoding was guessed gives the article a warning saying so.
    """
    warnings: tuple[str, ...] = ()
    if isinstance(page, Decoded):
        warnings = guess_warning(page)
        page = page.text
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
            config=_CONFIG,
        )
    except Exception as exc:  # lxml and trafilatura raise many types on malformed pages
        raise InputRejected(f"HTML could not be parsed: {type(exc).__name__}: {exc}") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputRejected("no main text found in the HTML page")
    title = getattr(doc, "title", None) or None
    text = _drop_leading_title(text, title)
    if not text.strip():
        raise InputRejected("no main text found in the HTML page (only a title)")
    page_url = getattr(doc, "url", None) or None
    return ArticleInput(
        article_id=article_id,
        text=text,
        source=source,
        source_format=source_format,
        url=page_url or url,
        outlet=getattr(doc, "sitename", None) or None,
        published=normalise_date(getattr(doc, "date", None)) or published,
        title=title,
        warnings=warnings,
    )
