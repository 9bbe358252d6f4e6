"""Helpers of the web tests: the form fields a browser would post for a case."""

from __future__ import annotations

from urllib.parse import urlencode

from advisor.parsing import parse_fallakte
from api.cases import fallakte_als_dict
from api.web.form_fallakte import form_state
from api.web.form_state import flatten

FORM = {"content-type": "application/x-www-form-urlencoded"}


def form_items(yaml_text: str) -> list[tuple[str, str]]:
    """The (name, value) pairs a browser posts for the form showing this case."""
    state = form_state(fallakte_als_dict(parse_fallakte(yaml_text)))
    items: list[tuple[str, str]] = []
    for name, value in flatten(state).items():
        if isinstance(value, list):
            items.extend((name, v) for v in value)
        else:
            items.append((name, value))
    return items


def replace(items: list[tuple[str, str]], name: str, value: str | None) -> list[tuple[str, str]]:
    """The pairs with field ``name`` set to ``value`` (added when absent, dropped when None)."""
    out = [(k, v) for k, v in items if k != name]
    if value is not None:
        out.append((name, value))
    return out


def encoded(items: list[tuple[str, str]]) -> bytes:
    return urlencode(items).encode("utf-8")


def browser_items(html: str) -> list[tuple[str, str]]:
    """The (name, value) pairs a browser posts for the form in ``html`` as it stands: every text
    field and textarea, every select's chosen (or first) option, every ticked checkbox."""
    from html.parser import HTMLParser

    class Formularleser(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.items: list[tuple[str, str]] = []
            self.select: str | None = None
            self.gewaehlt: str | None = None
            self.erste: str | None = None
            self.textarea: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k: v or "" for k, v in attrs}
            if tag == "input" and a.get("name"):
                if a.get("type") == "checkbox":
                    if "checked" in a:
                        self.items.append((a["name"], a.get("value", "on")))
                elif a.get("type") not in ("submit", "file"):
                    self.items.append((a["name"], a.get("value", "")))
            elif tag == "select":
                self.select, self.gewaehlt, self.erste = a.get("name"), None, None
            elif tag == "option" and self.select:
                if self.erste is None:
                    self.erste = a.get("value", "")
                if "selected" in a:
                    self.gewaehlt = a.get("value", "")
            elif tag == "textarea" and a.get("name"):
                self.textarea = a["name"]
                self.items.append((self.textarea, ""))

        def handle_data(self, data: str) -> None:
            if self.textarea and self.items and self.items[-1][0] == self.textarea:
                self.items[-1] = (self.textarea, self.items[-1][1] + data)

        def handle_endtag(self, tag: str) -> None:
            if tag == "select" and self.select:
                self.items.append((self.select, self.gewaehlt if self.gewaehlt is not None else self.erste or ""))
                self.select = None
            elif tag == "textarea":
                self.textarea = None

    leser = Formularleser()
    leser.feed(html.split('id="fallakte-formular"', 1)[1].split("</form>", 1)[0])
    return leser.items
