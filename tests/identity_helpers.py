"""Helpers of the tests that need credentials: organisations, users and API keys made directly
in an app's database (the same functions ``ikz admin`` uses)."""

from __future__ import annotations

from typing import Any

from api.identity import admin


def add_organisation(app: Any, kennung: str, name: str) -> int:
    with app.state.session_factory() as session:
        row = admin.add_organisation(session, kennung, name)
        session.commit()
        return row.id


def add_key(app: Any, kennung: str, rolle: str, name: str | None = None) -> str:
    """A new API key of ``kennung`` with ``rolle``; returns the key."""
    with app.state.session_factory() as session:
        _row, key = admin.add_api_key(session, kennung, rolle, name or f"{rolle}-test")
        session.commit()
        return key


def add_user(app: Any, email: str, kennung: str, rollen: list[str], password: str) -> None:
    with app.state.session_factory() as session:
        admin.add_user(session, email, kennung, rollen, password)
        session.commit()


def bearer(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


def form_token(html: str) -> str:
    """The CSRF token of the first form in ``html`` (the hidden field ``csrf_token``)."""
    import re

    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, "the page has no CSRF field"
    return found.group(1)


def sign_in(client: Any, email: str, password: str) -> str:
    """Sign ``client`` in through the sign-in page, as a browser does; returns the session's CSRF
    token and sets the headers a browser's same-origin form post carries (``Origin``, and the
    token as ``X-CSRF-Token`` — the forms' hidden field is equivalent) as the client's defaults."""
    base = str(client.base_url).rstrip("/")
    page = client.get("/anmelden")
    response = client.post(
        "/anmelden",
        data={"email": email, "passwort": password, "csrf_token": form_token(page.text), "weiter": "/"},
        headers={"origin": base},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    token = form_token(client.get("/formular").text)
    client.headers["origin"] = base
    client.headers["x-csrf-token"] = token
    return token
