"""Request bodies → parsed documents → Fallakte, with the API's bounds.

Bodies are parsed here from raw bytes with the advisor's own reader (``parse_document``), so
numbers become ``Decimal`` and every error is German with its field path — never FastAPI's
English body validation. Accepted: JSON (``application/json``, ``…+json``) and YAML
(``application/yaml``, ``application/x-yaml``, ``text/yaml``). The body size is bounded by
``BodyLimitMiddleware``; the number of values after parsing by ``max_document_nodes`` (a YAML alias
can make a small text expand enormously).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from advisor.errors import Feldproblem, UngueltigeEingabe
from advisor.fallakte import Fallakte
from advisor.parsing import fallakte_aus_dict, parse_document
from api.problems import ApiProblem

YAML_MEDIA_TYPES = frozenset({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
JSON_MEDIA_TYPE = "application/json"


def media_type(request: Request) -> str:
    """The request's Content-Type without parameters, lower case ('' when absent)."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def read_document(request: Request, max_nodes: int, *, titel: str = "Die Fallakte ist ungültig.") -> Any:
    """The parsed JSON/YAML body, or ``UngueltigeEingabe`` / a 415 problem."""
    kind = media_type(request)
    if kind != JSON_MEDIA_TYPE and not kind.endswith("+json") and kind not in YAML_MEDIA_TYPES:
        shown = kind or "keine Angabe"
        raise ApiProblem(
            415,
            "format-nicht-unterstuetzt",
            f"Der Inhaltstyp „{shown}“ wird nicht unterstützt. Bitte als Content-Type "
            "„application/json“ oder „application/yaml“ angeben.",
        )
    body = await request.body()
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UngueltigeEingabe([Feldproblem("", "Der Anfrageinhalt ist kein UTF-8-Text.")], titel) from None
    if not text.strip():
        raise UngueltigeEingabe([Feldproblem("", "Der Anfrageinhalt ist leer.")], titel)
    return parse_document(text, titel=titel, max_values=max_nodes)


async def read_fallakte(request: Request, max_nodes: int) -> Fallakte:
    """The request body as a validated Fallakte."""
    return fallakte_aus_dict(await read_document(request, max_nodes))
