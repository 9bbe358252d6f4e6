"""Helpers of the web access tests: signed-in and anonymous browsers on one app, and the form
posts that save or check the personnel example (which names Stadt Aheim, organisation B)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

from fastapi.testclient import TestClient

from tests.identity_helpers import add_user, sign_in
from tests.web.helpers import FORM, encoded, form_items

PASSWORT = "Testpasswort für die Webseiten"


class Browsers:
    """``user(kennung, *rollen)`` → a signed-in client of a new user; ``anonymous()`` → a client
    that has not signed in. All are closed at the end of the test."""

    def __init__(self, app: Any, stack: ExitStack) -> None:
        self.app = app
        self.stack = stack
        self.count = 0

    def anonymous(self) -> TestClient:
        return self.stack.enter_context(TestClient(self.app, raise_server_exceptions=False))

    def user(self, kennung: str, *rollen: str) -> TestClient:
        self.count += 1
        email = f"person{self.count}@{kennung}.example"
        add_user(self.app, email, kennung, list(rollen), PASSWORT)
        client = self.anonymous()
        sign_in(client, email, PASSWORT)
        return client


def browsers_fixture(app: Any) -> Iterator[Browsers]:
    with ExitStack() as stack:
        yield Browsers(app, stack)


def post_form(client: TestClient, yaml_text: str, aktion: str, **extra: str) -> Any:
    items = [*form_items(yaml_text), ("aktion", aktion), *extra.items()]
    return client.post("/formular", content=encoded(items), headers=FORM, follow_redirects=False)


def save_case(client: TestClient, yaml_text: str) -> int:
    """Save the case through the web form; returns its number."""
    response = post_form(client, yaml_text, "speichern")
    assert response.status_code == 303, response.text[:500]
    found = re.match(r"^/faelle/(\d+)\?gespeichert=1$", response.headers["location"])
    assert found, response.headers["location"]
    return int(found.group(1))


def check_case(client: TestClient, yaml_text: str) -> str:
    """ "Ergebnis anzeigen": the unsaved result's path /ergebnis/<token>."""
    response = post_form(client, yaml_text, "pruefen")
    assert response.status_code == 303, response.text[:500]
    return str(response.headers["location"])


Poster = Callable[..., Any]
