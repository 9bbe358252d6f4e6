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
