"""The Jinja2 environment shared by the dashboard and the report (autoescaping everything)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from wartrace.web.charts import type_colour
from wartrace.web.queries import country_name


def _fmt_int(value: Any) -> str:
    if value is None or value == "":
        return "–"
    try:
        return f"{int(value):,}".replace(",", "\u202f")  # narrow no-break space
    except (TypeError, ValueError):
        return str(value)


def _qualifier(value: str | None) -> str:
    return (value or "").replace("_", " ")


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web address; None for javascript:, data: and the like."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wartrace.web", "templates"),
        autoescape=True,  # every template, whatever its name: article text is hostile
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["n"] = _fmt_int
    env.filters["qualifier"] = _qualifier
    env.filters["country"] = country_name
    env.globals["type_colour"] = type_colour
    env.globals["safe_url"] = safe_url
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def static_text(name: str) -> str:
    """A static asset's text, for inlining into the self-contained report."""
    return (resources.files("wartrace.web") / "static" / name).read_text(encoding="utf-8")
