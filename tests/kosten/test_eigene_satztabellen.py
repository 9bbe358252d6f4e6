"""A municipality's own rate table: validated like rules/tarife/, used for one calculation through
the CLI (``--satztabelle``) and the API (envelope ``{"fallakte", "satztabellen"}``), never stored,
never replacing a shipped table."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml
from fastapi.testclient import TestClient

import rules_loader
from advisor.errors import UngueltigeEingabe
from advisor.kosten import calculate
from advisor.kosten.satztabellen import eigene_satztabelle_aus_dict, parse_eigene_satztabelle
from advisor.parsing import fallakte_aus_dict
from api.app import create_app
from api.settings import Settings
from cli.main import main

from .conftest import UST, fall_daten

EIGENE = """\
id: kgst_2026_27_stadt
titel: KGSt-Bericht 2026/2027 (Exemplar der Stadt)
art: kgst_vollkostensatz
als_satzgrundlage: true
stand: 2026-10-01
bezugsjahre: [2026, 2027]
quelle: KGSt-Bericht „Kosten eines Arbeitsplatzes 2026/2027“, Exemplar der Stadt
geprueft: true
zuletzt_geprueft: 2026-11-30
pauschalen: {sachkosten_je_arbeitsplatz: 9900.00, gemeinkostenzuschlag_buero_prozent: 20, gemeinkostenzuschlag_nicht_buero_prozent: 15}
jahresarbeitsstunden: {tarifbeschaeftigte: 1561, beamte: 1602}
saetze:
  - {gruppe: E 9b, laufbahn: tarifbeschaeftigte, stundensatz: 70.03, geprueft: true}
  - {gruppe: A 11, laufbahn: beamte, stundensatz: 86.12, geprueft: true}
"""
# E 9b: (70.03 × 1,561 − 9,900) / 1.2 = (109,316.83 − 9,900) / 1.2 = 82,847.358… → 82,847.36
E9B_EIGEN = Decimal("82847.36")


def _fall(satzgrundlage: str = "kgst_2026_27_stadt") -> dict:
    return fall_daten(
        satzgrundlage=satzgrundlage,
        positionen=[{"art": "personal", "bezeichnung": "Sachbearbeitung", "entgeltgruppe": "E 9b", "vzae": "2"}],
        kalkulationsjahr=2027,
    )


def test_an_own_table_is_validated_and_its_annual_cost_back_calculated():
    tabelle = parse_eigene_satztabelle(EIGENE)
    assert tabelle.eigene is True
    assert tabelle.personalsatz("E 9b").jahreskosten_je_vzae == E9B_EIGEN


def test_a_calculation_with_the_own_table_uses_its_rate_and_names_it():
    tabellen = rules_loader.load_rate_tables().mit_eigenen([parse_eigene_satztabelle(EIGENE)])
    (k,) = calculate(fallakte_aus_dict(_fall()), tabellen, UST).leistungen
    (personal,) = k.positionen
    assert personal.betrag == E9B_EIGEN * 2 == Decimal("165694.72")
    assert personal.herkunft.startswith("kgst_2026_27_stadt, E 9b: 82.847,36")
    assert any("Eigene Satztabelle" in h for h in k.quellenhinweise)
    # the table covers 2027: no indexation warning
    assert not any("Fortschreibung" in w for w in k.warnungen)


def test_the_shipped_tables_stay_unchanged_and_an_own_table_cannot_replace_one():
    basis = rules_loader.load_rate_tables()
    basis.mit_eigenen([parse_eigene_satztabelle(EIGENE)])
    assert basis.get("kgst_2026_27_stadt") is None
    with pytest.raises(UngueltigeEingabe) as e:
        basis.mit_eigenen([parse_eigene_satztabelle(EIGENE.replace("kgst_2026_27_stadt", "kgst_2025_26"))])
    assert e.value.probleme[0].pfad == "satztabellen[0].id" and "schon vergeben" in e.value.probleme[0].meldung


@pytest.mark.parametrize(
    ("ersetzen", "pfad", "teil"),
    [
        (("stundensatz: 70.03", "stundensatz: siebzig"), "saetze[0].stundensatz", "Zahl"),
        (("art: kgst_vollkostensatz", "art: richtwerte_stundensatz"), "art", "Personalkostensätze"),
        (("id: kgst_2026_27_stadt", "id: eigene_klr"), "id", "reserviert"),
        (("laufbahn: beamte", "laufbahn: angestellte"), "saetze[1].laufbahn", "angestellte"),
        (("geprueft: true\nzuletzt", "zuletzt"), "geprueft", "Pflichtangabe"),
    ],
)
def test_a_broken_own_table_gets_german_errors_naming_the_field(ersetzen, pfad, teil):
    with pytest.raises(UngueltigeEingabe) as e:
        parse_eigene_satztabelle(EIGENE.replace(*ersetzen, 1))
    fehler = {p.pfad: p.meldung for p in e.value.probleme}
    assert pfad in fehler and teil in fehler[pfad], fehler
    assert e.value.titel == "Die Satztabelle ist ungültig."


def test_a_non_mapping_is_a_clear_error():
    with pytest.raises(UngueltigeEingabe) as e:
        eigene_satztabelle_aus_dict([1, 2])
    assert "Abschnitt mit Feldern" in e.value.probleme[0].meldung


# --- CLI --------------------------------------------------------------------------------------


@pytest.fixture
def dateien(tmp_path):
    tabelle = tmp_path / "eigene.yaml"
    tabelle.write_text(EIGENE, encoding="utf-8")
    fall = tmp_path / "fall.yaml"
    fall.write_text(yaml.safe_dump(_fall(), allow_unicode=True), encoding="utf-8")
    return fall, tabelle


def test_cli_calculate_takes_an_own_table(capsys, dateien):
    fall, tabelle = dateien
    assert main(["calculate", str(fall), "--satztabelle", str(tabelle), "--json"]) == 0
    daten = json.loads(capsys.readouterr().out)
    assert daten["leistungen"][0]["positionen"][0]["betrag"] == "165694.72"


def test_cli_without_the_own_table_names_the_unknown_basis(capsys, dateien):
    fall, _ = dateien
    assert main(["calculate", str(fall)]) == 2
    err = capsys.readouterr().err
    assert "Unbekannte Satzgrundlage „kgst_2026_27_stadt“" in err and "--satztabelle" in err


def test_cli_assess_and_settle_take_the_option_too(capsys, dateien, tmp_path):
    fall, tabelle = dateien
    assert main(["assess", str(fall), "--satztabelle", str(tabelle), "--json"]) == 0
    capsys.readouterr()
    ist = tmp_path / "ist.yaml"
    ist.write_text(
        "format: ikz-ist/1\nleistungen:\n  - {leistung: dienst, jahr: 2027, steuerpflichtig: false, "
        "kosten_netto: 1000.00, vorsteuer: 0, abschlaege_gezahlt: {stadt-a: 400, gemeinde-b: 400}}\n",
        encoding="utf-8",
    )
    assert main(["settle", str(fall), str(ist), "--satztabelle", str(tabelle)]) == 0


def test_cli_reports_a_broken_own_table_with_its_file_name(capsys, dateien, tmp_path):
    fall, _ = dateien
    kaputt = tmp_path / "kaputt.yaml"
    kaputt.write_text(EIGENE.replace("70.03", "7o.03"), encoding="utf-8")
    assert main(["calculate", str(fall), "--satztabelle", str(kaputt)]) == 2
    err = capsys.readouterr().err
    assert f"Die Satztabelle „{kaputt}“ ist ungültig." in err and "saetze[0].stundensatz" in err


# --- API --------------------------------------------------------------------------------------


@pytest.fixture
def client(tmp_path):
    app = create_app(Settings(data_dir=tmp_path / "daten", seed_examples=False))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


JSON = {"content-type": "application/json"}
YAML = {"content-type": "application/yaml"}


def test_api_validates_an_own_table_and_shows_the_annual_costs(client):
    r = client.post("/api/v1/rate-tables/validate", content=EIGENE, headers=YAML)
    assert r.status_code == 200, r.text
    tabelle = r.json()["tabelle"]
    assert tabelle["eigene"] is True
    assert {s["gruppe"]: s["jahreskosten_je_vzae"] for s in tabelle["saetze"]}["E 9b"] == "82847.36"


def test_api_rejects_a_broken_own_table_with_german_field_errors(client):
    r = client.post("/api/v1/rate-tables/validate", content=EIGENE.replace("70.03", "-1"), headers=YAML)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert "saetze[0].stundensatz" in [e["pfad"] for e in r.json()["errors"]]


def test_api_rejects_an_own_table_whose_id_is_taken(client):
    r = client.post(
        "/api/v1/rate-tables/validate", content=EIGENE.replace("kgst_2026_27_stadt", "kgst_2025_26"), headers=YAML
    )
    assert r.status_code == 422 and "schon vergeben" in r.text


def test_api_lists_the_shipped_tables_with_their_status(client):
    r = client.get("/api/v1/rate-tables")
    tabellen = {t["id"]: t for t in r.json()["satztabellen"]}
    assert tabellen["kgst_2025_26"]["geprueft"] is False and tabellen["kgst_2025_26"]["rundung_jahreskosten"] == "100"
    assert {s["gruppe"]: s["jahreskosten_je_vzae"] for s in tabellen["kgst_2025_26"]["saetze"]}["E 9b"] == "80100.00"


def test_api_calculates_with_an_own_table_for_this_request_only(client):
    body = {"fallakte": _fall(), "satztabellen": [yaml.safe_load(EIGENE)]}
    r = client.post("/api/v1/calculations", content=json.dumps(body, default=str), headers=JSON)
    assert r.status_code == 200, r.text
    assert r.json()["leistungen"][0]["positionen"][0]["betrag"] == "165694.72"
    # the next request without the table does not know it
    r = client.post("/api/v1/calculations", content=json.dumps(_fall(), default=str), headers=JSON)
    assert r.status_code == 422
    assert "leistungen[0].kosten.satzgrundlage" in [e["pfad"] for e in r.json()["errors"]]


def test_api_names_the_field_of_a_broken_table_in_the_envelope(client):
    kaputt = yaml.safe_load(EIGENE.replace("70.03", "0"))
    body = {"fallakte": _fall(), "satztabellen": [kaputt]}
    r = client.post("/api/v1/calculations", content=json.dumps(body, default=str), headers=JSON)
    assert r.status_code == 422
    assert "satztabellen[0].saetze[0].stundensatz" in [e["pfad"] for e in r.json()["errors"]]
    body = {"fallakte": {"format": "ikz-fallakte/1"}, "extra": 1}
    r = client.post("/api/v1/calculations", content=json.dumps(body), headers=JSON)
    assert r.status_code == 422 and "extra" in [e["pfad"] for e in r.json()["errors"]]
