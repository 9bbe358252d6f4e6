"""Deterministic generator of varied case files (dicts in the Fallakte v1 shape) for benchmarks.

6,250 is the number of implemented cooperations the NRW survey counted. The generator varies the
Aufgabenfeld, legal form, payment, partners (2–12, one case in 50 with 53 like the seed's IT
Zweckverband), term, turnover and every § 2b fact between true, false and unknown, so that every
chain and rule of the rule set is exercised.
"""

from __future__ import annotations

import random
from typing import Any

AUFGABENFELDER = [
    "it_egovernment",
    "it_support",
    "personalabrechnung",
    "standesamt",
    "rechnungspruefung",
    "kfz_zulassung",
    "bauhof",
    "gebaeudereinigung",
    "gruenpflege",
    "abfall",
    "abwasser",
    "wasserversorgung",
    "vermessung_kataster",
    "personalgestellung",
    "sportstaetten",
    "kinderbetreuung",
    "friedhof",
    "hochwasserschutz",
    "geodaten",
    "beschaffung",
    "call_center",
    "sonstiges",
]
RECHTSFORMEN = [
    "oerv_delegierend",
    "oerv_mandatierend",
    "zweckverband",
    "gemeinsames_kommunalunternehmen",
    "arbeitsgemeinschaft",
    "verwaltungsvereinbarung",
    "privatrechtlicher_vertrag",
]
ENTGELTE = [
    "kostenerstattung",
    "kostenerstattung",
    "umlage_nach_nutzung",
    "umlage_allgemein",
    "pauschalpreis",
    "marktpreis",
    "unentgeltlich",
]
ARTEN = ["gemeinde", "stadt", "kreis", "zweckverband", "sonstige_jpoer", "privat"]
BOOL_FAKTEN = [
    "aufgabenuebertragung_befreiend",
    "befreiung_ausschlaggebend",
    "gesetzlicher_vorbehalt_jpoer",
    "privat_steuerfrei_ohne_option",
    "oeffentliche_infrastruktur",
    "gemeinsame_oeffentliche_aufgabe",
    "hilfstaetigkeit",
    "private_anbieter_am_markt",
]


def _tri(rng: random.Random) -> bool | None:
    return rng.choice([True, False, None])


def fall(i: int, rng: random.Random) -> dict[str, Any]:
    """One varied case."""
    n = 53 if i % 50 == 0 else rng.randint(2, 12)
    beteiligte = [
        {
            "id": f"p{j}",
            "name": f"Kommune {i}-{j}",
            "art": ARTEN[0] if j else rng.choice(ARTEN),
            "einwohner": rng.randint(2_000, 600_000),
            "option_27_22": j == 0 and rng.random() < 0.2,
        }
        for j in range(n)
    ]
    rechtsform = rng.choice(RECHTSFORMEN)
    leistung: dict[str, Any] = {
        "id": "l1",
        "bezeichnung": f"Leistung {i}",
        "aufgabenfeld": rng.choice(AUFGABENFELDER),
        "erbringer": "p0",
        "empfaenger": [f"p{j}" for j in range(1, n)],
        "entgelt": rng.choice(ENTGELTE),
        "anteil_leistungen_an_jpoer_prozent": rng.choice([None, 60, 79, 80, 95, 100]),
    }
    for fakt in BOOL_FAKTEN:
        wert = _tri(rng)
        if wert is not None:
            leistung[fakt] = wert
    if rng.random() < 0.8:
        leistung["umsatz_gleichartige_taetigkeiten"] = rng.choice(["9000.00", "17500.00", "17500.01", "250000.00"])
    if rng.random() < 0.9:
        beginn = rng.choice(["2022-07-01", "2025-01-01", "2027-01-01"])
        ende = rng.choice([None, "2029-01-01", "2031-12-31", "2032-01-01", "2040-01-01"])
        leistung["laufzeit"] = {
            "beginn": beginn,
            "ende": ende if ende and ende > beginn else None,
            "kuendigungsfrist_monate": 12,
        }
    if rng.random() < 0.85:
        leistung["kosten"] = {
            "kalkulationsjahr": 2027,
            "satzgrundlage": "kgst_2025_26",
            "positionen": [
                {
                    "art": "personal",
                    "bezeichnung": "Sachbearbeitung",
                    "entgeltgruppe": rng.choice(["E 9a", "E 9b", "E 11"]),
                    "vzae": str(rng.choice([0.5, 1, 2.5])),
                },
                {"art": "sachkosten", "bezeichnung": "Lizenz", "betrag": "12000.00", "vorsteuer": "2280.00"},
                *([{"art": "wagnis", "bezeichnung": "Wagnis", "betrag": "1000.00"}] if rng.random() < 0.1 else []),
            ],
            "sachkostenpauschale_je_vzae": "9700.00",
            "gemeinkostenzuschlag_prozent": 20,
            "gewinnaufschlag_prozent": rng.choice([0, 0, 0, 5]),
            "verteilung": {"schluessel": "einwohner"},
            "abrechnung": {
                "verfahren": rng.choice(["spitzabrechnung", "pauschale_mit_anpassung", "festpreis"]),
                "abschlaege": "vierteljaehrlich",
            },
        }
    if rechtsform == "zweckverband" and rng.random() < 0.7:
        leistung["kostenteilungsgemeinschaft"] = {
            "mitglieder_nichtunternehmerisch": _tri(rng),
            "leistungen_mitgliedsbezogen": _tri(rng),
        }
    return {
        "format": "ikz-fallakte/1",
        "bezeichnung": f"Kooperation {i}",
        "bundesland": "NW",
        "stichtag": rng.choice(["2026-12-31", "2027-01-01", "2027-01-01", "2027-01-01"]),
        "rechtsform": rechtsform,
        "beteiligte": beteiligte,
        "leistungen": [leistung],
    }


def faelle(anzahl: int = 6250, seed: int = 2027) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [fall(i, rng) for i in range(anzahl)]
