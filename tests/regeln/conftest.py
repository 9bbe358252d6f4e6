"""Shared steps of the German § 2b features (features/*.feature).

Given steps (schritte_sachverhalt.py, imported here) change the base case of ``faelle.grundfall()``
(held in the ``fall`` fixture as case-file data); the When step validates it through the one parser and assesses it — with
``berate`` (calculation first, its figures feed the rules) when the scenario gives costs, with
``assess`` alone otherwise; Then steps read the ``Bewertung``. Steps stay thin: the legal
behaviour lives in the rule set, not here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytest_bdd import then, when

import rules_loader
from advisor.beratung import berate
from advisor.bewerten import assess
from advisor.bewertung import Leistungsbewertung
from advisor.parsing import fallakte_aus_dict, parse_fallakte
from tests.regeln.faelle import EMPFAENGER, ERBRINGER, liste
from tests.regeln.regelnamen import regel_id, status
from tests.regeln.schritte_sachverhalt import *  # noqa: F403 - the Given steps, registered for every feature
from tests.regeln.szenario import Szenario, muster


@pytest.fixture
def fall() -> Szenario:
    return Szenario()


@pytest.fixture(scope="session")
def regelwerk():
    return rules_loader.load_rules()


@pytest.fixture(scope="session")
def satztabellen():
    return rules_loader.load_rate_tables()


# --- When ----------------------------------------------------------------------------------------


@when(muster("die Leistung nach § 2b UStG bewertet wird"))
@when(muster("der Fall nach § 2b UStG bewertet wird"))
def _bewerte(fall: Szenario, regelwerk, satztabellen) -> None:
    fallakte = parse_fallakte(fall.beispiel) if fall.beispiel is not None else fallakte_aus_dict(fall.daten)
    if any(leistung.kosten is not None for leistung in fallakte.leistungen):
        beratung = berate(fallakte, regelwerk, satztabellen)
        fall.bewertung, fall.kalkulation = beratung.bewertung, beratung.kalkulation
    else:
        fall.bewertung = assess(fallakte, regelwerk)


# --- Then ----------------------------------------------------------------------------------------


@then(muster('ist das Ergebnis "{ergebnis}"'))
@then(muster('das Ergebnis ist "{ergebnis}"'))
def _ergebnis(fall: Szenario, ergebnis: str) -> None:
    lb = fall.ergebnis()
    assert lb.ergebnis == ergebnis, _erklaere(lb)


@then(muster('ist das Ergebnis der Leistung "{leistung}" "{ergebnis}"'))
@then(muster('das Ergebnis der Leistung "{leistung}" ist "{ergebnis}"'))
def _ergebnis_der_leistung(fall: Szenario, leistung: str, ergebnis: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert lb.ergebnis == ergebnis, _erklaere(lb)


@then(muster('ist das Gesamtergebnis "{ergebnis}"'))
def _gesamtergebnis(fall: Szenario, ergebnis: str) -> None:
    assert fall.bewertung is not None and fall.bewertung.ergebnis == ergebnis


@then(muster("die entscheidende Regel ist „{regel}“"))
def _entscheidende_regel(fall: Szenario, regel: str) -> None:
    lb = fall.ergebnis()
    assert lb.entscheidende_regel == regel_id(regel), _erklaere(lb)


@then(muster('die entscheidende Regel der Leistung "{leistung}" ist „{regel}“'))
def _entscheidende_regel_der_leistung(fall: Szenario, leistung: str, regel: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert lb.entscheidende_regel == regel_id(regel), _erklaere(lb)


@then(muster("es gibt keine entscheidende Regel"))
def _keine_entscheidende_regel(fall: Szenario) -> None:
    assert fall.ergebnis().entscheidende_regel is None


@then(muster('das Regime ist "{regime}"'))
@then(muster('ist das Regime "{regime}"'))
def _regime(fall: Szenario, regime: str) -> None:
    lb = fall.ergebnis()
    assert lb.regime == regime, _erklaere(lb)


@then(muster('das Risiko ist "{risiko}"'))
@then(muster('ist das Risiko "{risiko}"'))
def _risiko(fall: Szenario, risiko: str) -> None:
    lb = fall.ergebnis()
    assert lb.risiko == risiko, f"Risiko {lb.risiko}: {lb.risikogruende}"


@then(muster('ein Risikogrund nennt "{text}"'))
def _risikogrund(fall: Szenario, text: str) -> None:
    gruende = fall.ergebnis().risikogruende
    assert any(text in g.replace("\u00a0", " ") for g in gruende), gruende


@then(muster('kein Risikogrund nennt "{text}"'))
def _kein_risikogrund(fall: Szenario, text: str) -> None:
    gruende = fall.ergebnis().risikogruende
    assert not any(text in g for g in gruende), gruende


def _kriterium(lb: Leistungsbewertung, name: str):
    """The reported criterion of the rule called ``name`` (its norm or title, see regelnamen)."""
    regel = regel_id(name)
    for k in lb.kriterien:
        if k.regel == regel:
            return k
    raise AssertionError(f"Die Regel „{name}“ wird nicht berichtet; berichtet: {[k.norm for k in lb.kriterien]}")


@then(muster("die Regel „{regel}“ ist {wort}"))
@then(muster("ist die Regel „{regel}“ {wort}"))
def _kriterium_status(fall: Szenario, regel: str, wort: str) -> None:
    k = _kriterium(fall.ergebnis(), regel)
    assert k.status == status(wort), f"{regel}: {k.status} – {k.begruendung}"


@then(muster('die Begründung zu „{regel}“ enthält "{text}"'))
def _begruendung(fall: Szenario, regel: str, text: str) -> None:
    k = _kriterium(fall.ergebnis(), regel)
    assert text in k.begruendung.replace("\u00a0", " "), k.begruendung


@then(muster('die Regel „{regel}“ nennt die Quelle "{quelle}"'))
def _quelle(fall: Szenario, regel: str, quelle: str) -> None:
    k = _kriterium(fall.ergebnis(), regel)
    assert any(quelle in q for q in k.quellen), k.quellen


@then(muster("gefragt wird nur nach {fakten}"))
def _fragen(fall: Szenario, fakten: str) -> None:
    lb = fall.ergebnis()
    assert sorted(q.fakt for q in lb.offene_fragen) == sorted(liste(fakten)), _erklaere(lb)
    assert all(q.frage.endswith("?") or "?" in q.frage for q in lb.offene_fragen)


@then(muster("es wird keine Frage gestellt"))
def _keine_fragen(fall: Szenario) -> None:
    lb = fall.ergebnis()
    assert lb.offene_fragen == (), _erklaere(lb)


@then(muster('zur Leistung "{leistung}" wird nur nach {fakten} gefragt'))
def _fragen_der_leistung(fall: Szenario, leistung: str, fakten: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert sorted(q.fakt for q in lb.offene_fragen) == sorted(liste(fakten)), _erklaere(lb)


@then(muster('zur Leistung "{leistung}" wird keine Frage gestellt'))
def _keine_fragen_der_leistung(fall: Szenario, leistung: str) -> None:
    lb = fall.leistung_namens(leistung)
    assert lb.offene_fragen == (), _erklaere(lb)


@then(muster('die Frage nach "{fakt}" enthält "{text}"'))
def _fragetext(fall: Szenario, fakt: str, text: str) -> None:
    fragen = {q.fakt: q for q in fall.ergebnis().offene_fragen}
    assert fakt in fragen, sorted(fragen)
    assert text in fragen[fakt].frage, fragen[fakt].frage


@then(muster('der Titel der Bewertung lautet "{titel}"'))
def _titel(fall: Szenario, titel: str) -> None:
    assert fall.bewertung is not None and fall.bewertung.titel == titel, fall.bewertung and fall.bewertung.titel


@then(muster("die Kalkulation rechnet mit {satz:Prozent} Umsatzsteuer"))
def _kalkulierter_satz(fall: Szenario, satz: Decimal) -> None:
    assert fall.kalkulation is not None, "Erst die Kosten angeben („Und die Kosten betragen jährlich …“)."
    (lk,) = fall.kalkulation.leistungen
    assert lk.umsatzsteuersatz == satz, lk.umsatzsteuersatz


@then(muster('die Frage nach "{fakt}" verweist auf das Feld "{feld}"'))
def _frage_feld(fall: Szenario, fakt: str, feld: str) -> None:
    fragen = {q.fakt: q for q in fall.ergebnis().offene_fragen}
    assert fakt in fragen, sorted(fragen)
    assert fragen[fakt].feld == feld


@then(muster('empfohlen wird "{hebel}" mit dem Ergebnis "{ergebnis}"'))
def _empfohlen(fall: Szenario, hebel: str, ergebnis: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    assert empfehlungen[hebel].ergebnis_danach == ergebnis


@then(muster('die Empfehlung "{hebel}" ändert "{feld}" nicht'))
def _aendert_nicht(fall: Szenario, hebel: str, feld: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    assert feld not in empfehlungen[hebel].aenderung, empfehlungen[hebel].aenderung


@then(muster('nicht empfohlen wird "{hebel}"'))
def _nicht_empfohlen(fall: Szenario, hebel: str) -> None:
    assert hebel not in {e.hebel for e in fall.ergebnis().empfehlungen}


@then(muster("es wird nichts empfohlen"))
def _nichts_empfohlen(fall: Szenario) -> None:
    assert fall.ergebnis().empfehlungen == ()


@then(muster('die Empfehlung "{hebel}" setzt voraus, dass "{fakt}" geklärt ist'))
def _voraussetzung(fall: Szenario, hebel: str, fakt: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    e = empfehlungen[hebel]
    assert fakt in {q.fakt for q in e.voraussetzungen}, e.voraussetzungen
    assert "Voraussetzung" in e.massnahme and "nicht zu wählen" in e.massnahme, e.massnahme


@then(muster('die Empfehlung "{hebel}" hat keine offene Voraussetzung'))
def _keine_voraussetzung(fall: Szenario, hebel: str) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert hebel in empfehlungen, sorted(empfehlungen)
    assert empfehlungen[hebel].voraussetzungen == ()


@then(muster('die Empfehlung "{hebel}" vermeidet eine Mehrbelastung von {betrag:Euro}'))
def _mehrbelastung(fall: Szenario, hebel: str, betrag: Decimal) -> None:
    empfehlungen = {e.hebel: e for e in fall.ergebnis().empfehlungen}
    assert empfehlungen[hebel].mehrbelastung_vermieden_eur == betrag


@then(muster('die Angabe "{fakt}" stammt aus dem Katalog'))
def _aus_katalog(fall: Szenario, fakt: str) -> None:
    assert fakt in fall.ergebnis().katalogvorgaben


@then(muster('ein Hinweis nennt "{text}"'))
def _hinweis(fall: Szenario, text: str) -> None:
    hinweise = fall.ergebnis().hinweise
    assert any(text in h.replace("\u00a0", " ") for h in hinweise), hinweise


def _erklaere(lb: Leistungsbewertung) -> str:
    """The assessment in short, for a failing assertion."""
    zeilen = [f"Ergebnis {lb.ergebnis}, entscheidend {lb.entscheidende_regel}, Risiko {lb.risiko}"]
    zeilen += [f"  {k.regel}: {k.status}" for k in lb.kriterien]
    zeilen += [f"  Frage: {q.fakt}" for q in lb.offene_fragen]
    return "\n".join(zeilen)


__all__ = ["ERBRINGER", "EMPFAENGER"]
