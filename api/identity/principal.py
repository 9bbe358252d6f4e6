"""Who is asking: a signed-in user or an API key, with organisation and roles."""

from __future__ import annotations

from dataclasses import dataclass

from api.identity.rollen import Recht, Rolle, darf


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller of a request.

    ``art`` is "nutzer" (a signed-in person) or "schluessel" (an API key); ``name`` is the
    user's e-mail address or the key's name. A session carries its CSRF token.
    """

    art: str
    id: int
    name: str
    organisation_id: int
    organisation_kennung: str
    rollen: tuple[Rolle, ...]
    csrf_token: str | None = None
    session_sha256: str | None = None

    @property
    def client(self) -> str:
        """A stable, non-personal identifier of the caller ("nutzer:3", "schluessel:7")."""
        return f"{self.art}:{self.id}"

    @property
    def akteur(self) -> str:
        """How the audit trail names the caller."""
        return f"{self.client} {self.name}"

    def darf(self, recht: Recht) -> bool:
        return darf(self.rollen, recht)
