"""An inventory with one row per kind of result (shared by the screening and web tests): a
taxable row, an open row, two exempt rows (§ 4 Nr. 29 UStG, § 4 UStG as for a private supplier),
a non-taxable row (§ 2b Abs. 2 Nr. 2) and an Eigenbetrieb charging its own Stadt (Innenumsatz).
Each row is 40,000 € a year without input VAT: 7,600 € VAT burden if taxable."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.screening.conftest import csv_bytes, zeile

_BASIS: dict[str, Any] = {
    "aufgabenfeld": "abwasser",
    "entgelt": "kostenerstattung",
    "rechtsform": "verwaltungsvereinbarung",
    "erbringer": "Stadt Adorf",
    "erbringer_art": "stadt",
    "empfaenger": "Gemeinde Bedorf",
    "empfaenger_art": "gemeinde",
    "gesetzlicher_vorbehalt_jpoer": "nein",
    "private_anbieter_am_markt": "ja",
    "jahresbetrag": "40.000,00",
}

#: {Kennung: (result, deciding rule)}
ERWARTET = {
    "P-1": ("steuerpflichtig", "ustg_2b_abs1_s2_wettbewerb"),
    "O-1": ("offen", None),
    "Z-1": ("steuerfrei", "ustg_4_nr29"),
    "V-1": ("steuerfrei", "ustg_4_steuerfrei_wie_bei_privaten"),
    "F-1": ("nicht_steuerbar", "ustg_2b_abs2_nr2"),
    "E-1": ("nicht_steuerbar", "ustg_1_abs1_nr1_innenumsatz"),
}
OHNE_UST = ("Z-1", "V-1", "F-1", "E-1")
BELASTUNG = Decimal("7600.00")


def zeilen() -> list[dict[str, Any]]:
    return [
        zeile(kennung="P-1", **{**_BASIS, "privat_steuerfrei_ohne_option": "nein"}),
        zeile(kennung="O-1", **_BASIS),
        zeile(
            kennung="Z-1",
            **{
                **_BASIS,
                "aufgabenfeld": "it_egovernment",
                "rechtsform": "zweckverband",
                "erbringer": "Zweckverband IT",
                "erbringer_art": "zweckverband",
                "privat_steuerfrei_ohne_option": "nein",
                "mitglieder_nichtunternehmerisch": "ja",
                "leistungen_mitgliedsbezogen": "ja",
                "abrechnung": "spitzabrechnung",
                "umsatz_gleichartige_taetigkeiten": "250.000,00",
            },
        ),
        zeile(
            kennung="V-1",
            **{**_BASIS, "rechtsform": "privatrechtlicher_vertrag", "privat_steuerfrei_ohne_option": "ja"},
        ),
        zeile(kennung="F-1", **{**_BASIS, "privat_steuerfrei_ohne_option": "ja"}),
        zeile(
            kennung="E-1",
            **{
                **_BASIS,
                "privat_steuerfrei_ohne_option": "nein",
                "erbringer": "Eigenbetrieb Stadtentwässerung Adorf",
                "erbringer_rechtstraeger": "Stadt Adorf",
                "empfaenger": "Stadt Adorf",
                "empfaenger_art": "stadt",
            },
        ),
    ]


def bestand_csv() -> bytes:
    return csv_bytes(zeilen())
