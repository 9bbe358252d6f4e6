"""The documents cite the law the assessment applied: the old law (§ 2 Abs. 3 UStG a. F.) for a
service judged under the option of § 27 Abs. 22 UStG, and the exempting norm that decided a
tax-exempt service (issues 9 and 17: exemptions other than § 4 Nr. 29 UStG)."""

from __future__ import annotations

from contracts import assemble
from contracts.dokumente import erstelle
from contracts.entwurf import Tabelle, Text
from contracts.formatting import NBSP
from tests.contracts.conftest import STAND, aus_daten, beratung_mit_ergebnis, echte_beratung, example_daten


def _altes_recht():
    daten = example_daten("standesamt-delegierend")
    daten["stichtag"] = "2026-06-01"
    daten["beteiligte"][0]["option_27_22"] = True
    beratung = echte_beratung(aus_daten(daten))
    assert beratung.bewertung.leistungen[0].regime == "altes_recht"
    return beratung


def _vermietung():
    daten = example_daten("personalabrechnung-mandatierend")
    leistung = daten["leistungen"][0]
    leistung |= {
        "vermietung_gegenstand": "grundstueck_raeume",
        "verzicht_nach_9": False,
        "nutzung_beim_empfaenger": "hoheitlich",
    }
    beratung = echte_beratung(aus_daten(daten))
    lb = beratung.bewertung.leistungen[0]
    assert lb.ergebnis == "steuerfrei" and lb.entscheidende_regel == "ustg_4_nr12_a_vermietung"
    return beratung


def _klausel(entwurf, kennung: str) -> str:
    return " ".join(a.text for a in entwurf.klausel(kennung).absaetze).replace(NBSP, " ")


def _texte(dokument) -> str:
    teile = [f"{k}: {v}" for k, v in dokument.kopfdaten]
    for teil in dokument.teile:
        for b in teil.bloecke:
            if isinstance(b, Text):
                teile += [b.text, *b.liste]
            elif isinstance(b, Tabelle):
                teile += [b.titel, *(z for zeile in b.zeilen for z in zeile)]
    return "\n".join(teile).replace(NBSP, " ")


def test_an_old_law_agreement_cites_the_old_law_not_section_2b():
    text = _klausel(assemble(_altes_recht(), stand=STAND), "umsatzsteuer")
    assert "nicht der Umsatzsteuer unterliegt (§ 2 Abs. 3 UStG a. F.)" in text
    assert "§ 2b" not in text


def test_the_internal_documents_name_the_assessments_title_and_the_old_law():
    beratung = _altes_recht()
    vermerk = _texte(erstelle("pruefvermerk", beratung, stand=STAND))
    assert "Würdigung: Bewertung nach altem Recht (§ 2 Abs. 3 UStG a. F. mit § 4 KStG)" in vermerk
    assert "Anzuwendendes Recht: § 2 Abs. 3 UStG a. F. (altes Recht, Option)" in vermerk
    auskunft = _texte(erstelle("auskunft", beratung, stand=STAND))
    assert "Angaben zu den Merkmalen nach § 2 Abs. 3 UStG a. F. (altes Recht, Option)" in auskunft
    assert "nach § 2 Abs. 3 UStG a. F. nicht steuerbar?" in auskunft
    assert "§ 2b UStG nicht steuerbar" not in auskunft


def test_a_new_law_assessment_keeps_section_2b():
    beratung = echte_beratung(aus_daten(example_daten("standesamt-delegierend")))
    assert "nicht der Umsatzsteuer unterliegt (§ 2b UStG)" in _klausel(assemble(beratung, stand=STAND), "umsatzsteuer")
    assert "Würdigung: Bewertung nach § 2b UStG" in _texte(erstelle("pruefvermerk", beratung, stand=STAND))


def test_an_exempt_letting_cites_its_exemption_without_the_cost_sharing_conditions():
    beratung = _vermietung()
    text = _klausel(assemble(beratung, stand=STAND), "umsatzsteuer")
    assert "sind nach § 4 Nr. 12 Satz 1 Buchst. a UStG von der Umsatzsteuer befreit" in text
    assert "§ 4 Nr. 29" not in text and "nicht unternehmerische Tätigkeit" not in text
    assert "nach § 4 Nr. 12 Satz 1 Buchst. a UStG steuerfrei?" in _texte(erstelle("auskunft", beratung, stand=STAND))


def test_a_cost_sharing_exemption_keeps_its_conditions():
    beratung = beratung_mit_ergebnis(aus_daten(example_daten("personalabrechnung-mandatierend")), "steuerfrei")
    text = _klausel(assemble(beratung, stand=STAND), "umsatzsteuer")
    assert "sind nach § 4 Nr. 29 UStG von der Umsatzsteuer befreit" in text
    assert "Die Beteiligten halten die Voraussetzungen dieser Steuerbefreiung ein" in text
