"""Meta-tests: the promises the rule set makes about itself.

Every rule cites a source and is pinned by a feature scenario; every fact a rule reads is derived
from the case file; every catalogue default has a source or says "Annahme"; the six shipped
examples give the results stated in their header comments.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

import rules_loader
from advisor.beratung import berate
from advisor.bewerten import sachverhalt_der_leistung
from advisor.fallakte import Leistung
from advisor.kosten.kennzahlen import Kostenkennzahlen
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from advisor.sachverhalt import FAKTEN, LEISTUNGSFAKTEN
from tests.conftest import EXAMPLE_FILES, ROOT
from tests.regeln.faelle import grundfall, kosten_mit
from tests.regeln.regelnamen import name_der_regel, regel_id

FEATURES = sorted((ROOT / "features").glob("*.feature"))
RW = rules_loader.load_rules()
ERGEBNISSE = ("nicht_steuerbar", "steuerpflichtig", "steuerfrei", "offen")


def _szenariotext() -> str:
    """The step and example-table lines of every feature (descriptions and comments left out)."""
    zeilen = []
    for pfad in FEATURES:
        for zeile in pfad.read_text(encoding="utf-8").splitlines():
            z = zeile.strip()
            if z.startswith(("Dann ", "Und ", "Aber ", "|")):
                zeilen.append(z)
    return "\n".join(zeilen)


def test_the_german_features_exist_and_declare_their_language():
    assert len(FEATURES) >= 10
    for pfad in FEATURES:
        assert pfad.read_text(encoding="utf-8").startswith("# language: de\n"), pfad.name


@pytest.mark.parametrize("regel", sorted({r.id for r in RW.regeln}))
def test_every_rule_cites_at_least_one_source(regel):
    for version in (r for r in RW.regeln if r.id == regel):
        assert version.quellen and all(q.strip() for q in version.quellen)


@cache  # the same features for every rule: resolved once
def _genannte_regeln() -> frozenset[str]:
    """The rules the scenario lines name („§ 2b Abs. 3 Nr. 1 UStG“ or a rule's title, also as a
    table cell of a Szenariogrundriss), resolved to their ids as the steps resolve them."""
    namen = set(re.findall(r"„([^“]+)“", _szenariotext()))
    for zeile in _szenariotext().splitlines():
        if zeile.startswith("|"):
            namen.update(z.strip() for z in zeile.strip("|").split("|"))
    gefunden = set()
    for name in namen:
        try:
            gefunden.add(regel_id(name))
        except AssertionError:
            continue  # a table cell or quote that names no rule
    return frozenset(gefunden)


@pytest.mark.parametrize("regel", sorted({r.id for r in RW.regeln}))
def test_every_rule_is_pinned_by_a_feature_scenario(regel):
    assert regel in _genannte_regeln(), (
        f"Keine Szenariozeile (Dann/Und/Tabelle) in features/ nennt die Regel {regel} („{name_der_regel(regel)}“)."
    )


def test_no_scenario_line_carries_a_machine_rule_id():
    """Issue 18: the features name the norm or the rule's title, so a tax lawyer reads them as law."""
    ids = {r.id for r in RW.regeln} | {r.id for r in RW.risikoregeln}
    schritte = "\n".join(
        z.strip()
        for pfad in FEATURES
        for z in pfad.read_text(encoding="utf-8").splitlines()
        if z.strip().startswith(("Angenommen ", "Wenn ", "Dann ", "Und ", "Aber ", "|"))
    )
    gefunden = {i for i in ids if re.search(rf"(?<![a-z0-9_]){i}(?![a-z0-9_])", schritte)}
    assert gefunden == set()


def test_an_unknown_rule_name_is_a_test_error_that_lists_similar_names():
    with pytest.raises(
        AssertionError, match="Keine Regel heißt „§ 2b Abs. 3 Nr. 9 UStG“. Ähnlich: .*§ 2b Abs. 3 Nr. 1"
    ):
        regel_id("§ 2b Abs. 3 Nr. 9 UStG")


def test_a_norm_several_rules_share_is_ambiguous_and_lists_their_titles():
    with pytest.raises(AssertionError, match="mehrdeutig.*Innenumsatz innerhalb einer juristischen Person"):
        regel_id("§ 1 Abs. 1 Nr. 1 UStG")
    assert regel_id("Innenumsatz innerhalb einer juristischen Person") == "ustg_1_abs1_nr1_innenumsatz"
    assert regel_id("§ 2b Abs. 3 Nr. 1 UStG") == "ustg_2b_abs3_nr1"


@pytest.mark.parametrize("risiko", sorted(r.id for r in RW.risikoregeln))
def test_every_risk_rule_cites_what_it_relies_on_and_names_known_rules(risiko):
    rr = next(r for r in RW.risikoregeln if r.id == risiko)
    assert rr.bei_regeln <= {r.id for r in RW.regeln}
    assert rr.hinweis.strip()


def test_every_fact_a_rule_reads_is_a_registered_fact():
    gelesen = {f for r in RW.regeln for f in r.fakten}
    assert gelesen <= set(FAKTEN)


def test_every_service_fact_is_a_field_of_the_case_model():
    assert set(LEISTUNGSFAKTEN) <= set(Leistung.model_fields)


# How each registered fact is derived from the case file: a change to the case data, and the value
# the fact must then take. A new fact without an entry here fails the next test.
def _leistung(d):
    return d["leistungen"][0]


ABLEITUNGEN = {
    "stichtag": (lambda d: d.update(stichtag="2026-12-31"), date(2026, 12, 31)),
    "rechtsform": (lambda d: d.update(rechtsform="oerv_delegierend"), "oerv_delegierend"),
    "bundesland": (lambda d: d.update(bundesland="BY"), "BY"),
    "aufgabenfeld": (lambda d: _leistung(d).update(aufgabenfeld="standesamt"), "standesamt"),
    "erbringer_option_27_22": (lambda d: d["beteiligte"][0].update(option_27_22=True), True),
    "erbringer_ist_jpoer": (lambda d: d["beteiligte"][0].update(art="privat"), False),
    "erbringer_ist_zusammenschluss": (lambda d: d["beteiligte"][0].update(art="zweckverband"), True),
    "empfaenger_alle_jpoer": (lambda d: d["beteiligte"][1].update(art="privat"), False),
    "innenumsatz": (lambda d: d["beteiligte"][1].update(rechtstraeger="stadt-aheim"), True),
    "empfaenger_alle_mitglieder": (
        lambda d: d["beteiligte"][0].update(art="zweckverband", mitglieder=["gemeinde-bedorf"]),
        True,
    ),
    "mitglieder_nichtunternehmerisch": (
        lambda d: _leistung(d).update(kostenteilungsgemeinschaft={"mitglieder_nichtunternehmerisch": True}),
        True,
    ),
    "leistungen_mitgliedsbezogen": (
        lambda d: _leistung(d).update(kostenteilungsgemeinschaft={"leistungen_mitgliedsbezogen": False}),
        False,
    ),
    "laufzeit_beginn": (lambda d: _leistung(d).update(laufzeit={"beginn": "2027-01-01"}), date(2027, 1, 1)),
    "laufzeit_ende": (
        lambda d: _leistung(d).update(laufzeit={"beginn": "2027-01-01", "ende": "2032-01-01"}),
        date(2032, 1, 1),
    ),
    "laufzeit_letzter_tag": (
        lambda d: _leistung(d).update(laufzeit={"beginn": "2027-01-01", "letzter_tag": "2031-12-31"}),
        date(2031, 12, 31),
    ),
    "laufzeit_unbefristet": (lambda d: _leistung(d).update(laufzeit={"beginn": "2027-01-01", "ende": None}), True),
    "gewinnaufschlag_vorhanden": (
        lambda d: _leistung(d).update(kosten={**kosten_mit(Decimal(1000)), "gewinnaufschlag_prozent": 3}),
        True,
    ),
    "wagnis_vorhanden": (lambda d: _leistung(d).update(kosten=kosten_mit(Decimal(1000))), False),
    "kalkulatorische_zinsen_vorhanden": (lambda d: _leistung(d).update(kosten=kosten_mit(Decimal(1000))), False),
    "abrechnungsverfahren": (lambda d: _leistung(d).update(kosten=kosten_mit(Decimal(1000))), "spitzabrechnung"),
    "erstattung_jahr": (None, None),  # from the calculation's figures, see the test below
    "umsatz_gleichartige_untergrenze": (None, None),  # the same figures, summed: see the test below
}
_LEISTUNGSWERTE = {
    bool: True,
    Decimal: Decimal("1234.5"),
    str: None,
}
_TEXTWERTE = {
    "entgelt": "marktpreis",
    "anhang_i_taetigkeit": "gas",
    "anteil_leistungen_an_jpoer_prozent": Decimal("55.5"),
    "leistungsart": "lieferung",
    "vermietung_gegenstand": "stellplaetze",
    "nutzung_beim_empfaenger": "hoheitlich",
    "sondertaetigkeit_altes_recht": "brillenabgabe",
    "steuersatz": "ermaessigt",
}


@pytest.mark.parametrize("fakt", sorted(FAKTEN))
def test_every_registered_fact_is_derived_from_the_case_file(fakt):
    daten = grundfall()
    if fakt in LEISTUNGSFAKTEN:
        wert = _TEXTWERTE.get(fakt, _LEISTUNGSWERTE[LEISTUNGSFAKTEN[fakt]])
        _leistung(daten)[fakt] = format(wert, "f") if isinstance(wert, Decimal) else wert
        erwartet = wert
    elif fakt in ("erstattung_jahr", "umsatz_gleichartige_untergrenze"):
        fa = fallakte_aus_dict(daten)
        kennzahlen = Kostenkennzahlen(Decimal("4711.00"), Decimal(0), Decimal(0), Decimal(0), Decimal(0))
        assert sachverhalt_der_leistung(fa, 0, RW, kennzahlen).fakten[fakt] == Decimal("4711.00")
        assert sachverhalt_der_leistung(fa, 0, RW, None).fakten[fakt] is None
        return
    else:
        assert fakt in ABLEITUNGEN, f"Für den Fakt {fakt} ist nicht belegt, aus welchem Feld der Fallakte er stammt."
        aendern, erwartet = ABLEITUNGEN[fakt]
        aendern(daten)
    sv = sachverhalt_der_leistung(fallakte_aus_dict(daten), 0, RW, None)
    assert sv.fakten[fakt] == erwartet
    assert fakt not in sv.aus_katalog


def test_no_derivation_is_listed_for_a_fact_that_does_not_exist():
    assert set(ABLEITUNGEN) <= set(FAKTEN)


_BELEG = re.compile(r"Annahme|Abgeleitet|§|BMF|BFH|EuGH|BayLfSt|Anhang I|\d{2}\.\d{2}\.\d{4}")


def _vorgaben():
    yield from (("grundvorgaben", name, v) for name, v in _rohe_grundvorgaben().items())
    for feld in RW.katalog.values():
        for name, v in feld.vorgaben.items():
            yield feld.id, name, v.quelle


def _rohe_grundvorgaben():
    from advisor.strict_yaml import load_strict

    daten = load_strict((rules_loader.RULES_DIR / "katalog" / "aufgabenfelder.yaml").read_text(encoding="utf-8"))
    return {k: v["quelle"] for k, v in daten["grundvorgaben"].items()}


@pytest.mark.parametrize(("feld", "fakt", "quelle"), list(_vorgaben()), ids=lambda x: str(x)[:40])
def test_every_catalogue_default_has_a_source_or_says_annahme(feld, fakt, quelle):
    assert fakt in FAKTEN
    assert _BELEG.search(quelle), f"{feld}.{fakt}: Quelle „{quelle}“ nennt weder eine Fundstelle noch „Annahme“."


# --- The six shipped examples give the results stated in their headers ---------------------------


def _erwartet(text: str) -> tuple[str, list[str]]:
    """The expected result and the named open questions from the header's "Erwartet" sentence."""
    kopf = "\n".join(z.lstrip("# ") for z in text.splitlines() if z.startswith("#"))
    satz = kopf[kopf.index("Erwartet") :]
    ergebnis = re.search(r"\b(" + "|".join(ERGEBNISSE) + r")\b", satz).group(1)  # the first one named
    fragen = re.findall(r"offene Frage: ([a-z_]+)", satz)
    return ergebnis, fragen


def test_every_example_states_an_expected_result():
    assert len(EXAMPLE_FILES) == 6
    for pfad in EXAMPLE_FILES:
        assert "Erwartet" in pfad.read_text(encoding="utf-8"), pfad.name


@pytest.mark.parametrize("pfad", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_gives_the_result_stated_in_its_header(pfad: Path):
    text = pfad.read_text(encoding="utf-8")
    ergebnis, fragen = _erwartet(text)
    bewertung = berate(parse_fallakte(text), RW, rules_loader.load_rate_tables()).bewertung
    for lb in bewertung.leistungen:
        assert lb.ergebnis == ergebnis, f"{pfad.stem}/{lb.leistung}: {lb.ergebnis}, erwartet {ergebnis}"
        if fragen:
            assert sorted(q.fakt for q in lb.offene_fragen) == sorted(fragen)
