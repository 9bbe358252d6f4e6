"""End to end with the real rule set: inventory in, screened rows, problems and summary out."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from advisor.screening import screening_als_dict
from screening.read import read_inventory, read_table_bytes
from screening.run import screen_tables
from tests.screening.conftest import bauhof_zeilen, csv_bytes, zeile


def _screen(zeilen, **optionen):
    return screen_tables([read_table_bytes(csv_bytes(zeilen), "bestand.csv")], **optionen)


def test_three_services_of_8000_eur_of_one_provider_and_field_are_taxable_together():
    screening = _screen(bauhof_zeilen(3))
    assert [z.ergebnis for z in screening.zeilen] == ["steuerpflichtig"] * 3
    for z in screening.zeilen:
        assert z.aus_bestand["umsatz_gleichartige_taetigkeiten"].wert == Decimal("24000.00")
        assert z.mehrbelastung_eur == Decimal("1520.00")  # 19 % of 8,000 without deductible input VAT


def test_the_same_service_alone_stays_below_the_threshold_and_is_not_taxable():
    (z,) = _screen(bauhof_zeilen(1)).zeilen
    assert (z.ergebnis, z.entscheidende_regel) == ("nicht_steuerbar", "ustg_2b_abs2_nr1")
    # not taxable: no burden, not even a potential one (issue 9 point 7; was 1,520.00 € potential)
    assert z.mehrbelastung_eur is None and z.potenzielle_mehrbelastung_eur is None


def test_a_stated_turnover_of_the_provider_overrides_the_inventory_sum():
    (z,) = _screen(bauhof_zeilen(1, umsatz_gleichartige_taetigkeiten="50.000,00")).zeilen
    assert z.ergebnis == "steuerpflichtig"
    assert "umsatz_gleichartige_taetigkeiten" not in z.aus_bestand


def test_siblings_in_other_fields_or_of_other_providers_do_not_count():
    zeilen = bauhof_zeilen(1) + [
        zeile(**{**bauhof_zeilen(1)[0], "kennung": "X", "aufgabenfeld": "abfall"}),
        zeile(**{**bauhof_zeilen(1)[0], "kennung": "Y", "erbringer": "Gemeinde Bedorf"}),
    ]
    screening = _screen(zeilen)
    assert screening.zeilen[0].ergebnis == "nicht_steuerbar"
    assert screening.zeilen[2].ergebnis == "nicht_steuerbar"


def test_malformed_rows_are_reported_and_the_other_rows_are_screened():
    zeilen = [
        *bauhof_zeilen(2),
        zeile(kennung="M-1", erbringer=""),
        zeile(kennung="M-2", aufgabenfeld="raumfahrt"),
        zeile(kennung="M-3", jahresbetrag="acht tausend"),
        zeile(kennung="B-1"),
    ]
    screening = _screen(zeilen)
    assert [z.kennung for z in screening.zeilen] == ["B-1", "B-2"]
    assert [(p.zeile, p.spalte) for p in screening.probleme] == [
        (4, "Erbringer"),
        (5, "Aufgabenfeld"),
        (6, "Jahresbetrag (EUR)"),
        (7, "Kennung"),
    ]
    assert all(p.meldung for p in screening.probleme)
    assert screening.zusammenfassung.anzahl_nicht_lesbar == 4


def test_an_unreadable_sibling_keeps_a_low_portfolio_sum_unknown_instead_of_privileging_it():
    zeilen = [*bauhof_zeilen(1), {**bauhof_zeilen(1)[0], "kennung": "B-9", "jahresbetrag": "viel"}]
    (z,) = _screen(zeilen).zeilen
    assert "umsatz_gleichartige_taetigkeiten" not in z.aus_bestand
    assert z.ergebnis != "nicht_steuerbar" or z.entscheidende_regel != "ustg_2b_abs2_nr1"


def test_the_summary_sums_equal_the_row_values():
    zeilen = [
        *bauhof_zeilen(3),
        *bauhof_zeilen(1, erbringer="Stadt Cedorf", betrag="30.000,00"),
        zeile(kennung="P-1", jahresbetrag="120.000,00", vorsteuer="4.000,00"),
        zeile(kennung="P-2"),
        zeile(kennung="S-1", aufgabenfeld="standesamt", jahresbetrag="9.999,99"),
    ]
    screening = _screen([{**z, "kennung": f"K-{i}"} for i, z in enumerate(zeilen)])
    zf, rows = screening.zusammenfassung, screening.zeilen

    def summe(werte):
        return sum((w for w in werte if w is not None), Decimal("0.00"))

    assert zf.anzahl_zeilen == len(rows) == 7
    assert zf.mehrbelastung_gesamt_eur == summe(z.mehrbelastung_eur for z in rows) > 0
    assert zf.jahresbetrag_gesamt_eur == summe(z.jahresbetrag for z in rows)
    for gruppen, merkmal in (
        (zf.nach_ergebnis, "ergebnis"),
        (zf.nach_risiko, "risiko"),
        (zf.nach_aufgabenfeld, "aufgabenfeld"),
        (zf.nach_rechtsform, "rechtsform"),
    ):
        assert sum(g.anzahl for g in gruppen.values()) == len(rows)
        for key, g in gruppen.items():
            eigene = [z for z in rows if getattr(z, merkmal) == key]
            assert g.anzahl == len(eigene)
            assert g.mehrbelastung_eur == summe(z.mehrbelastung_eur for z in eigene)
            assert g.potenzielle_mehrbelastung_eur == summe(z.potenzielle_mehrbelastung_eur for z in eigene)
            assert g.jahresbetrag_eur == summe(z.jahresbetrag for z in eigene)
    assert zf.potenzielle_mehrbelastung_offen_eur == summe(
        z.potenzielle_mehrbelastung_eur for z in rows if z.ergebnis == "offen"
    )


def test_the_action_list_puts_the_largest_exposure_first_and_leaves_out_settled_rows():
    zeilen = [
        *bauhof_zeilen(1),
        *bauhof_zeilen(2, erbringer="Stadt Cedorf", betrag="30.000,00"),
        zeile(kennung="S-1", aufgabenfeld="standesamt", jahresbetrag="50.000,00"),
    ]
    screening = _screen([{**z, "kennung": f"K-{i}"} for i, z in enumerate(zeilen)])
    liste = [screening.zeilen[i] for i in screening.zusammenfassung.handlungsliste]
    expositionen = [z.exposure for z in liste]
    assert expositionen == sorted(expositionen, reverse=True)
    assert all(z.ergebnis in ("steuerpflichtig", "offen") or z.risiko == "hoch" for z in liste)
    erster = liste[0]
    assert erster.erbringer == "Stadt Cedorf" and erster.mehrbelastung_eur == Decimal("5700.00")


def test_the_json_view_has_the_documented_keys_and_is_byte_for_byte_stable():
    zeilen = [*bauhof_zeilen(3), zeile(kennung="P-1")]
    erste = json.dumps(screening_als_dict(_screen(zeilen)), sort_keys=True, ensure_ascii=False)
    zweite = json.dumps(screening_als_dict(_screen(zeilen)), sort_keys=True, ensure_ascii=False)
    assert erste == zweite
    daten = json.loads(erste)
    assert {
        "quelle",
        "leistung",
        "ergebnis",
        "risiko",
        "entscheidende_regel",
        "mehrbelastung_eur",
        "offene_fragen",
    } <= set(daten["zeilen"][0])
    assert daten["zeilen"][0]["mehrbelastung_eur"] == "1520.00"
    assert daten["zusammenfassung"]["mehrbelastung_gesamt_eur"] == "4560.00"


def test_an_open_row_shows_its_potential_burden_separately_and_its_questions():
    (z,) = _screen(
        [
            zeile(
                kennung="P-1",
                aufgabenfeld="sonstiges",
                jahresbetrag="10.000,00",
                umsatz_gleichartige_taetigkeiten="90.000,00",
            )
        ]
    ).zeilen
    assert z.ergebnis == "offen"
    assert z.mehrbelastung_eur is None and z.potenzielle_mehrbelastung_eur == Decimal("1900.00")
    assert z.offene_fragen and all(f.frage for f in z.offene_fragen)


def test_a_directory_of_fallakte_files_is_screened_with_the_examples_expected_results(examples_dir):
    tabellen, faelle, probleme = read_inventory(examples_dir)
    screening = screen_tables(tabellen, faelle, probleme)
    ergebnis = {z.kennung: z.ergebnis for z in screening.zeilen}
    assert ergebnis == {
        "bioabfall": "nicht_steuerbar",
        "krankenhausabfall": "nicht_steuerbar",
        "zwilling": "steuerpflichtig",
        "projektsteuerung": "offen",
        "it-grundversorgung": "steuerfrei",
        "entgeltabrechnung": "steuerpflichtig",
        "standesamt": "nicht_steuerbar",
    }


def test_a_broken_fallakte_file_in_a_directory_is_reported_and_the_others_are_screened(tmp_path, example_texts):
    (tmp_path / "a.yaml").write_text(example_texts["standesamt-delegierend"], encoding="utf-8")
    (tmp_path / "b.yaml").write_text("format: ikz-fallakte/1\nbezeichnung: kaputt\n", encoding="utf-8")
    (tmp_path / "c.csv").write_bytes(csv_bytes(bauhof_zeilen(1)))
    screening = screen_tables(*read_inventory(tmp_path))
    assert sorted(z.kennung for z in screening.zeilen) == ["B-1", "standesamt"]
    assert {p.quelle for p in screening.probleme} == {"b.yaml"}
    assert screening.zusammenfassung.anzahl_nicht_lesbar == 1


@pytest.mark.slow
def test_worker_processes_give_the_same_screening_as_one_process():
    zeilen = [{**z, "kennung": f"K-{i}", "erbringer": f"Gemeinde {i % 7}"} for i, z in enumerate(bauhof_zeilen(450))]
    zeilen[5]["jahresbetrag"] = "kaputt"
    einzeln = screening_als_dict(_screen(zeilen, jobs=1))
    parallel = screening_als_dict(_screen(zeilen, jobs=2))
    assert einzeln == parallel
