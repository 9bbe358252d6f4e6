"""The shipped rate tables: KGSt 2025/2026 and NRW Richtwerte, with sources and flags."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor.errors import UngueltigesRegelwerk
from advisor.kosten.satztabellen import satztabellen_aus_dict
from advisor.strict_yaml import load_strict

KGST_STUNDENSAETZE = {
    "E 2": "47.19",
    "E 3": "48.96",
    "E 4": "55.49",
    "E 5": "55.18",
    "E 6": "54.18",
    "E 7": "54.64",
    "E 8": "57.26",
    "E 9a": "63.02",
    "E 9b": "67.79",
    "E 9c": "68.33",
    "E 10": "73.48",
    "E 11": "78.55",
    "E 12": "85.16",
    "E 13": "82.24",
    "E 14": "92.70",
    "E 15": "101.46",
    "A 6": "56.84",
    "A 7": "62.01",
    "A 8": "69.50",
    "A 9": "73.32",
    "A 10": "74.82",
    "A 11": "83.96",
    "A 12": "93.47",
    "A 13": "106.05",
    "A 14": "112.42",
    "A 15": "124.56",
    "A 16": "142.46",
}


def test_kgst_table_has_every_grade_of_the_report_with_its_published_rate(satztabellen):
    kgst = satztabellen.get("kgst_2025_26")
    assert {s.gruppe: str(s.stundensatz) for s in kgst.personalsaetze.values()} == KGST_STUNDENSAETZE


def test_employees_work_1561_hours_and_civil_servants_1602(satztabellen):
    kgst = satztabellen.get("kgst_2025_26")
    assert kgst.personalsatz("E 9b").jahresarbeitsstunden == 1561
    assert kgst.personalsatz("A 9").jahresarbeitsstunden == 1602


def test_e9b_annual_personnel_cost_is_back_calculated_and_rounded_to_whole_hundreds(satztabellen):
    # Behaviour changed on purpose (issue 16): the source table was built from annual costs in whole
    # hundreds. (67.79 × 1561 − 9700) / 1.2 = 80,100.1583… → 80,100.00 (not 80,100.16).
    satz = satztabellen.get("kgst_2025_26").personalsatz("E 9b")
    assert satz.jahreskosten_je_vzae == Decimal("80100.00")
    assert satztabellen.get("kgst_2025_26").rundung_jahreskosten == 100


# Hand calculation per grade: (rate × hours − 9,700) / 1.2, rounded to the nearest hundred.
KGST_JAHRESKOSTEN = {
    "E 2": 53300, "E 3": 55600, "E 4": 64100, "E 5": 63700, "E 6": 62400, "E 7": 63000, "E 8": 66400,
    "E 9a": 73900, "E 9b": 80100, "E 9c": 80800, "E 10": 87500, "E 11": 94100, "E 12": 102700,
    "E 13": 98900, "E 14": 112500, "E 15": 123900, "A 6": 67800, "A 7": 74700, "A 8": 84700,
    "A 9": 89800, "A 10": 91800, "A 11": 104000, "A 12": 116700, "A 13": 133500, "A 14": 142000,
    "A 15": 158200, "A 16": 182100,
}  # fmt: skip


@pytest.mark.parametrize("gruppe", list(KGST_STUNDENSAETZE))
def test_the_hundred_rounded_cost_reproduces_the_published_rate_to_the_cent(satztabellen, gruppe):
    satz = satztabellen.get("kgst_2025_26").personalsatz(gruppe)
    assert satz.jahreskosten_je_vzae == KGST_JAHRESKOSTEN[gruppe]
    # personnel + 20 % overhead + 9,700 lump sum, per hour, lies within half a cent of the rate:
    # the rate is the source's rounding of exactly that figure.
    vollkosten = satz.jahreskosten_je_vzae * Decimal("1.2") + Decimal("9700")
    assert abs(vollkosten / satz.jahresarbeitsstunden - satz.stundensatz) <= Decimal("0.005")


def test_the_table_states_the_weekly_hours_it_assumes_and_the_nrw_41_hours(satztabellen):
    kgst = satztabellen.get("kgst_2025_26")
    assert kgst.wochenarbeitszeit == (39, 40)
    assert any("41 Stunden" in h and "40-Stunden-Woche" in h for h in kgst.hinweise)


def test_grade_lookup_tolerates_spacing_and_case(satztabellen):
    kgst = satztabellen.get("kgst_2025_26")
    assert kgst.personalsatz("e9b") is kgst.personalsatz("E 9b")
    assert kgst.personalsatz("E 17") is None


def test_kgst_data_say_they_come_from_an_unverified_secondary_source(satztabellen):
    kgst = satztabellen.get("kgst_2025_26")
    assert kgst.geprueft is False
    assert all(not s.geprueft for s in kgst.personalsaetze.values())
    assert "Sekundärquelle" in kgst.quelle
    assert any("Sekundärquelle" in h for h in kgst.hinweise)


def test_non_monotonic_source_values_are_kept_and_marked(satztabellen):
    kgst = satztabellen.get("kgst_2025_26")
    assert kgst.personalsatz("E 12").stundensatz > kgst.personalsatz("E 13").stundensatz
    for gruppe in ("E 4", "E 5", "E 6", "E 12", "E 13"):
        assert "nicht monoton" in kgst.personalsatz(gruppe).hinweis


def test_nrw_richtwerte_are_reference_data_with_unknown_values_left_empty(satztabellen):
    nrw = satztabellen.get("nrw_richtwerte")
    assert nrw.als_satzgrundlage is False
    assert "nrw_richtwerte" not in satztabellen.satzgrundlagen
    stand_2018 = next(s for s in nrw.richtwerte if s.jahr == 2018)
    assert stand_2018.geprueft is True and "14-36.08.06" in stand_2018.quelle
    stand_2024 = next(s for s in nrw.richtwerte if s.jahr == 2024)
    assert "14-21.36.09.05-000002.2023-0012170" in stand_2024.quelle and stand_2024.geprueft is False
    assert stand_2024.saetze["laufbahngruppe_2_2"] == Decimal("84.00")
    assert stand_2024.saetze["laufbahngruppe_2_1"] is None
    assert not any("nicht bekannt" in h and "2024 ist" in h for h in nrw.hinweise)
    assert stand_2018.saetze == {
        "laufbahngruppe_2_2": Decimal("84.00"),
        "laufbahngruppe_2_1": Decimal("70.00"),
        "laufbahngruppe_1_2": Decimal("61.00"),
        "laufbahngruppe_1_1": Decimal("44.00"),
    }
    stand_2026 = next(s for s in nrw.richtwerte if s.jahr == 2026)
    assert stand_2026.saetze["laufbahngruppe_2_2"] == Decimal("87.95")
    assert stand_2026.saetze["laufbahngruppe_2_1"] is None


_KAPUTT = """\
id: kaputt
titel: Test
art: kgst_vollkostensatz
als_satzgrundlage: true
quelle: Test
geprueft: true
zuletzt_geprueft: 2026-01-01
pauschalen: {sachkosten_je_arbeitsplatz: 9700.00, gemeinkostenzuschlag_buero_prozent: 20, gemeinkostenzuschlag_nicht_buero_prozent: 15}
jahresarbeitsstunden: {tarifbeschaeftigte: 1561, beamte: 1602}
saetze:
  - {gruppe: E 9b, laufbahn: tarifbeschaeftigte, stundensatz: 67.79, geprueft: true}
  - {gruppe: E 10, laufbahn: angestellte, stundensatz: 73.48, geprueft: true}
"""


def test_a_broken_rate_table_names_file_line_and_field():
    with pytest.raises(UngueltigesRegelwerk) as e:
        satztabellen_aus_dict({"tarife/kaputt.yaml": load_strict(_KAPUTT)})
    (problem,) = e.value.probleme
    assert problem.datei == "tarife/kaputt.yaml"
    assert problem.zeile == 12
    assert problem.regel == "kaputt"
    assert problem.meldung.startswith("saetze[1].laufbahn: Unzulässiger Wert „angestellte“")


def test_a_table_whose_id_differs_from_its_file_name_is_rejected():
    with pytest.raises(UngueltigesRegelwerk) as e:
        satztabellen_aus_dict({"tarife/anders.yaml": load_strict(_KAPUTT.replace("angestellte", "beamte"))})
    assert "„anders“" in e.value.probleme[0].meldung


def test_a_grade_listed_twice_is_rejected():
    text = _KAPUTT.replace("E 10, laufbahn: angestellte", "E9B, laufbahn: beamte")
    with pytest.raises(UngueltigesRegelwerk) as e:
        satztabellen_aus_dict({"tarife/kaputt.yaml": load_strict(text)})
    assert "doppelt" in e.value.probleme[0].meldung


def test_a_rate_that_does_not_fit_the_hundred_rounding_is_rejected_as_a_typo():
    # E 9b typed as 67.97 instead of 67.79: (67.97 × 1561 − 9700) / 1.2 = 80,334.31, 34.31 € from
    # 80,300 — far more than the rate's own rounding allows (1561 × 0.005 / 1.2 = 6.50 €).
    text = _KAPUTT.replace("angestellte", "tarifbeschaeftigte").replace("67.79", "67.97")
    text = text.replace("saetze:", "rundung_jahreskosten: 100\nsaetze:")
    with pytest.raises(UngueltigesRegelwerk) as e:
        satztabellen_aus_dict({"tarife/kaputt.yaml": load_strict(text)})
    (problem,) = e.value.probleme
    assert problem.meldung.startswith("saetze[0].stundensatz:") and "Tippfehler" in problem.meldung
    # the correct rate loads (80,100.16 is 0.16 € from 80,100)
    ok = text.replace("67.97", "67.79")
    assert satztabellen_aus_dict({"tarife/kaputt.yaml": load_strict(ok)}).get("kaputt").personalsatz("E 9b")


def test_an_unknown_rounding_step_is_rejected():
    text = _KAPUTT.replace("angestellte", "beamte").replace("saetze:", "rundung_jahreskosten: 50\nsaetze:")
    with pytest.raises(UngueltigesRegelwerk) as e:
        satztabellen_aus_dict({"tarife/kaputt.yaml": load_strict(text)})
    assert "rundung_jahreskosten" in e.value.probleme[0].meldung
