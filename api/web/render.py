"""The Jinja2 environment of the web pages: autoescaping on, undefined names are errors, and the
German display filters (money "1.234,56 €", dates "25.11.2026", labels for keys).

Templates live in api/templates; ``base.html`` is the layout every page extends (its content
goes into ``{% block content %}``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

from api.web import labels
from api.web.form_state import field_id
from api.web.german_input import format_date, format_money, format_number

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"


def _datum(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y, %H:%M Uhr")
    return format_date(value if isinstance(value, date) else str(value))


def _prozent(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return f"{format_number(Decimal(str(value)))}\u00a0%"


def _zahl(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return format_number(Decimal(str(value)))


def _label(value: Any, table: str) -> str:
    """A key → its German label from ``labels.<table>``; an unknown key is shown as it is."""
    mapping: dict[str, str] = getattr(labels, table)
    return mapping.get(str(value), str(value))


def _ohne_kennungen(text: Any, titel: dict[str, str]) -> str:
    """A calculation text with the keys of rate tables replaced by their titles."""
    text = str(text)
    for kennung, name in titel.items():
        text = text.replace(kennung, name)
    return text


def build_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        geld=format_money,
        datum=_datum,
        prozent=_prozent,
        zahl=_zahl,
        label=_label,
        feld_id=field_id,
        ja_nein=labels.ja_nein,
        ohne_kennungen=_ohne_kennungen,
    )
    env.globals["labels"] = labels
    return env


ENVIRONMENT = build_environment()


def render_page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template to an HTML response."""
    html = ENVIRONMENT.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def render_fragment(template: str, **context: Any) -> str:
    """Render a template (or fragment) to text."""
    return ENVIRONMENT.get_template(template).render(**context)
