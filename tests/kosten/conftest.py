"""Builders for cost-calculation tests: small cases as dicts, validated through the one parser."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

import rules_loader
from advisor.kosten import Kalkulation, Satztabellen, calculate
from advisor.parsing import fallakte_aus_dict

UST = Decimal("19")


def fall_daten(
    *,
    empfaenger: dict[str, int | None] | None = None,
    positionen: list[dict[str, Any]] | None = None,
    verteilung: dict[str, Any] | None = None,
    **kosten: Any,
) -> dict[str, Any]:
    """A minimal valid case: provider "erbringer" and recipients (id → population) with one service."""
    empfaenger = empfaenger if empfaenger is not None else {"stadt-a": 40000, "gemeinde-b": 10000}
    beteiligte = [{"id": "erbringer", "name": "Kreis Erbringer", "art": "kreis", "einwohner": 300000}]
    beteiligte += [{"id": k, "name": f"Kommune {k}", "art": "gemeinde", "einwohner": e} for k, e in empfaenger.items()]
    kosten_daten: dict[str, Any] = {
        "kalkulationsjahr": 2027,
        "satzgrundlage": "eigene_klr",
        "positionen": positionen
        if positionen is not None
        else [{"art": "personal", "bezeichnung": "Sachbearbeitung", "betrag": "75000.00"}],
        "verteilung": verteilung if verteilung is not None else {"schluessel": "gleiche_teile"},
        "abrechnung": {"verfahren": "spitzabrechnung", "abschlaege": "vierteljaehrlich"},
    }
    kosten_daten.update(kosten)
    return {
        "format": "ikz-fallakte/1",
        "bezeichnung": "Testkooperation",
        "stichtag": "2027-01-01",
        "rechtsform": "oerv_mandatierend",
        "beteiligte": beteiligte,
        "leistungen": [
            {
                "id": "dienst",
                "bezeichnung": "Testleistung",
                "aufgabenfeld": "sonstiges",
                "erbringer": "erbringer",
                "empfaenger": list(empfaenger),
                "entgelt": "kostenerstattung",
                "kosten": kosten_daten,
            }
        ],
    }


@pytest.fixture(scope="session")
def satztabellen() -> Satztabellen:
    return rules_loader.load_rate_tables()


@pytest.fixture()
def rechne(satztabellen: Satztabellen):
    """``rechne(daten)`` → Kalkulation of a case given as dict (validated through the parser)."""

    def _rechne(daten: dict[str, Any], ust: Decimal = UST) -> Kalkulation:
        return calculate(fallakte_aus_dict(copy.deepcopy(daten)), satztabellen, ust)

    return _rechne
