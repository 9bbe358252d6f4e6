"""Errors of identity administration; each carries a German ``detail`` naming what is wrong."""

from __future__ import annotations


class IdentityError(Exception):
    """An administration request that cannot be carried out (unknown organisation, taken name, …)."""

    def __init__(self, detail: str, feld: str = "") -> None:
        self.detail = detail
        self.feld = feld
        super().__init__(detail)


class NotFound(IdentityError):
    """The named organisation, user or key does not exist."""


class AlreadyExists(IdentityError):
    """The name is taken."""
