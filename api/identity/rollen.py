"""Roles and what each may do: pure data and functions, callable from a test without a server.

A user has one or more roles; an API key has exactly one. Roles are those a municipality's
§ 2b work knows (docs/fachliches/tcms.md):

| Rolle            | who                                 | may                                              |
|------------------|-------------------------------------|--------------------------------------------------|
| sachbearbeitung  | Fachamt                             | create and edit cases, export documents          |
| steuer           | Steuerbeauftragte/r (tax officer)   | read, review, issue the USt-Freigabe (issue 13)  |
| rechtsamt        | Rechtsamt                           | read, review and comment, approve the legal side |
| leitung          | Amtsleitung                         | read, comment, approve, share, see the audit trail |
| leser            | anyone who only needs to look       | read                                             |
| admin            | the organisation's administrator    | manage users and keys, see the audit trail       |

``admin`` manages people and keys but does not read case content by that role alone (the
principle of least privilege: an IT administrator is not a reader of draft contracts); give the
person a second role if they need it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Rolle(StrEnum):
    SACHBEARBEITUNG = "sachbearbeitung"
    STEUER = "steuer"
    RECHTSAMT = "rechtsamt"
    LEITUNG = "leitung"
    LESER = "leser"
    ADMIN = "admin"


class Recht(StrEnum):
    """What a request may do; every protected route names the one it needs."""

    FALL_LESEN = "fall_lesen"
    FALL_AENDERN = "fall_aendern"
    DOKUMENT_EXPORTIEREN = "dokument_exportieren"
    FALL_TEILEN = "fall_teilen"
    FALL_PRUEFEN = "fall_pruefen"  # comment and review (issue 13)
    RECHT_FREIGEBEN = "recht_freigeben"  # legal approval (issue 13)
    UST_FREIGEBEN = "ust_freigeben"  # the written USt-Freigabe (issue 13)
    LEITUNG_FREIGEBEN = "leitung_freigeben"  # final approval before signature (issue 13)
    AUDIT_LESEN = "audit_lesen"
    NUTZER_VERWALTEN = "nutzer_verwalten"
    SCHLUESSEL_VERWALTEN = "schluessel_verwalten"


_LESEN = {Recht.FALL_LESEN, Recht.DOKUMENT_EXPORTIEREN}

RECHTE_JE_ROLLE: dict[Rolle, frozenset[Recht]] = {
    Rolle.SACHBEARBEITUNG: frozenset(_LESEN | {Recht.FALL_AENDERN, Recht.FALL_TEILEN}),
    Rolle.STEUER: frozenset(_LESEN | {Recht.FALL_PRUEFEN, Recht.UST_FREIGEBEN}),
    Rolle.RECHTSAMT: frozenset(_LESEN | {Recht.FALL_PRUEFEN, Recht.RECHT_FREIGEBEN}),
    Rolle.LEITUNG: frozenset(
        _LESEN | {Recht.FALL_PRUEFEN, Recht.FALL_TEILEN, Recht.LEITUNG_FREIGEBEN, Recht.AUDIT_LESEN}
    ),
    Rolle.LESER: frozenset(_LESEN),
    Rolle.ADMIN: frozenset({Recht.NUTZER_VERWALTEN, Recht.SCHLUESSEL_VERWALTEN, Recht.AUDIT_LESEN}),
}

#: What a partner organisation may do with a case shared with it, by the kind of share.
RECHTE_JE_FREIGABE: dict[str, frozenset[Recht]] = {
    "lesen": frozenset(_LESEN),
    "pruefen": frozenset(_LESEN | {Recht.FALL_PRUEFEN}),
}


def rechte(rollen: Iterable[Rolle]) -> frozenset[Recht]:
    """Everything the given roles together allow."""
    result: set[Recht] = set()
    for rolle in rollen:
        result |= RECHTE_JE_ROLLE[rolle]
    return frozenset(result)


def darf(rollen: Iterable[Rolle], recht: Recht) -> bool:
    """Whether any of ``rollen`` allows ``recht``."""
    return recht in rechte(rollen)


def rolle_aus_text(text: str) -> Rolle:
    """The role named ``text`` (case-insensitive); ``ValueError`` with a German sentence otherwise."""
    try:
        return Rolle(text.strip().lower())
    except ValueError:
        erlaubt = ", ".join(r.value for r in Rolle)
        raise ValueError(f"Unbekannte Rolle „{text}“ (möglich: {erlaubt}).") from None


def rollen_als_text(rollen: Iterable[Rolle]) -> str:
    """Roles as stored: sorted, comma-separated, without duplicates."""
    return ",".join(sorted({r.value for r in rollen}))


def rollen_aus_gespeichert(text: str) -> tuple[Rolle, ...]:
    """The stored form back; an unknown stored role is dropped (it grants nothing)."""
    known = {r.value for r in Rolle}
    return tuple(Rolle(t) for t in text.split(",") if t in known)
