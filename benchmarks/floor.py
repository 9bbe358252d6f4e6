"""The floor for the engine benchmark: the same § 2b decision hand-written in plain Python.

Reads the same facts (advisor.sachverhalt) and returns the result and the deciding rule, without
a trace. Parameters are hard-coded here on purpose (the floor may cheat where the engine may not).
The benchmark checks that floor and engine agree on every generated case, so this file is also a
second, independent reading of the rule set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from itertools import product
from typing import Any

from advisor.regelwerk.bedingungen import volle_jahre

GRENZE = Decimal("17500")
BGA_GRENZE = Decimal("45000")
JAHRE = 5
ANTEIL = Decimal("80")
ENDE_OPTION = date(2027, 1, 1)
BEGINN_2B = date(2017, 1, 1)
KEINE_UST = {"nicht_steuerbar", "steuerfrei"}


def _und(*werte: bool | None) -> bool | None:
    if any(w is False for w in werte):
        return False
    return None if any(w is None for w in werte) else True


def _oder(*werte: bool | None) -> bool | None:
    if any(w is True for w in werte):
        return True
    return None if any(w is None for w in werte) else False


def _nicht(w: bool | None) -> bool | None:
    return None if w is None else not w


def _in(w: Any, menge: set[str]) -> bool | None:
    return None if w is None else w in menge


def _umsatz_le(f: dict[str, Any], grenze: Decimal) -> bool | None:
    u, e = f["umsatz_gleichartige_taetigkeiten"], f["umsatz_gleichartige_untergrenze"]
    if u is not None:
        return u <= grenze
    if e is not None and e > grenze:
        return False
    return None


#: A rank of rules of equal precedence whose unknown yes/no facts may still cover every case: the
#: rules with their values, and whether some rule is true for every value of those facts.
Schritt = tuple[str, bool | None, str]
Rang = tuple[list[Schritt], bool]


def _kette(schritte: Sequence[Schritt | Rang]) -> list[tuple[str, str, bool]]:
    moeglich: list[tuple[str, str, bool]] = []
    for schritt in schritte:
        regeln: list[Schritt]
        if len(schritt) == 2:
            regeln, deckt = schritt
        else:
            regeln, deckt = [schritt], False
        for regel, wert, folge in regeln:
            if wert is True:
                moeglich.append((regel, folge, True))
                return moeglich
        moeglich.extend((regel, folge, False) for regel, wert, folge in regeln if wert is None)
        if deckt:
            return moeglich
    return moeglich


def _deckt(regeln: Callable[[dict[str, Any]], list[bool | None]], f: dict[str, Any], fakten: tuple[str, ...]) -> bool:
    """Whether, for every value of the unknown yes/no ``fakten``, one of the rank's rules is true
    (the engine's ``_rang_deckt_ab``; only asked when none is certainly true and one is unknown)."""
    offen = [n for n in fakten if f[n] is None]
    if not offen:
        return False
    for werte in product((True, False), repeat=len(offen)):
        if not any(w is True for w in regeln({**f, **dict(zip(offen, werte, strict=True))})):
            return False
    return True


def _befreiung(f: dict[str, Any]) -> list[tuple[str, bool | None, str]]:
    """The exemption stage every steuerbar supply runs through (§ 4 Nr. 12, 14/21/25, 29 UStG)."""
    abrechnung = f["abrechnungsverfahren"]
    nr29 = _und(
        f["stichtag"] >= date(2020, 1, 1),
        f["erbringer_ist_zusammenschluss"],
        f["empfaenger_alle_mitglieder"],
        _in(f["leistungsart"], {"sonstige_leistung"}),
        f["mitglieder_nichtunternehmerisch"],
        f["leistungen_mitgliedsbezogen"],
        _oder(
            _in(f["entgelt"], {"kostenerstattung", "umlage_nach_nutzung"}),
            _und(_in(f["entgelt"], {"pauschalpreis"}), _in(abrechnung, {"pauschale_mit_anpassung", "spitzabrechnung"})),
        ),
        _nicht(_in(abrechnung, {"festpreis"})),
        _nicht(f["gewinnaufschlag_vorhanden"]),
        _nicht(f["wagnis_vorhanden"]),
    )
    nr12 = _und(
        _in(f["vermietung_gegenstand"], {"grundstueck_raeume"}),
        _oder(_nicht(f["verzicht_nach_9"]), _in(f["nutzung_beim_empfaenger"], {"hoheitlich"})),
    )
    return [
        ("ustg_4_nr12_a_vermietung", nr12, "steuerfrei"),
        ("ustg_4_steuerfrei_wie_bei_privaten", f["privat_steuerfrei_ohne_option"], "steuerfrei"),
        ("ustg_4_nr29", nr29, "steuerfrei"),
        ("ustg_4_keine_befreiung", True, "steuerpflichtig"),
    ]


def _unentgeltlich_rang(f: dict[str, Any]) -> Rang:
    def werte(g: dict[str, Any]) -> list[bool | None]:
        unentgeltlich = _in(g["entgelt"], {"unentgeltlich"})
        aus = g["unentgeltlich_aus_unternehmensbereich"]
        return [_und(unentgeltlich, _nicht(aus)), _und(unentgeltlich, aus)]

    w = werte(f)
    regeln = [
        ("ustg_1_abs1_nr1_unentgeltlich_hoheitlich", w[0], "nicht_steuerbar"),
        ("ustg_3_abs9a_unentgeltliche_wertabgabe", w[1], "steuerbar"),
    ]
    return regeln, True not in w and None in w and _deckt(werte, f, ("unentgeltlich_aus_unternehmensbereich",))


def _personal_rang(f: dict[str, Any]) -> Rang:
    def werte(g: dict[str, Any]) -> list[bool | None]:
        return [
            _und(g["personalgestellung"], _nicht(g["beamtenvorbehalt"]), g["private_anbieter_am_markt"]),
            _und(g["personalgestellung"], g["beamtenvorbehalt"]),
        ]

    w = werte(f)
    regeln = [
        ("bmf_2022_12_09_personalgestellung", w[0], "steuerbar"),
        ("lfst_ni_2019_07_15_beamtenvorbehalt", w[1], "nicht_steuerbar"),
    ]
    fakten = ("personalgestellung", "beamtenvorbehalt", "private_anbieter_am_markt")
    return regeln, True not in w and None in w and _deckt(werte, f, fakten)


def _kein_austausch(f: dict[str, Any]) -> list[tuple[str, bool | None, str] | Rang]:
    """Whether there is a supply for consideration at all: the steps both regimes share."""
    return [
        ("ustg_1_abs1_nr1_innenumsatz", f["innenumsatz"], "nicht_steuerbar"),
        (
            "ustg_1_abs1_nr1_kein_leistungsaustausch",
            _in(f["entgelt"], {"umlage_allgemein", "abgabe_ohne_nutzungsbezug"}),
            "nicht_steuerbar",
        ),
        _unentgeltlich_rang(f),
        (
            "ustae_1_1_abs6_personalbeistellung",
            _und(f["personalgestellung"], f["personalbeistellung"]),
            "nicht_steuerbar",
        ),
        ("ustg_2_abs1_privater_erbringer", not f["erbringer_ist_jpoer"], "steuerbar"),
        (
            "bmf_2022_12_09_einzelfallhilfe",
            _und(f["erbringer_ist_jpoer"], f["notfallhilfe_gesetzliche_pflicht"]),
            "nicht_steuerbar",
        ),
    ]


def _ustg_2b(f: dict[str, Any]) -> list[tuple[str, bool | None, str] | Rang]:
    jpoer = f["empfaenger_alle_jpoer"]
    wettbewerb = _oder(f["private_anbieter_am_markt"], f["hilfstaetigkeit"])
    jahre = None
    if f["laufzeit_beginn"] is not None and f["laufzeit_ende"] is not None:
        jahre = volle_jahre(f["laufzeit_beginn"], f["laufzeit_ende"]) >= JAHRE
    a = _und(jpoer, _nicht(f["rechtsform"] == "privatrechtlicher_vertrag"), _oder(f["laufzeit_unbefristet"], jahre))
    b = _und(jpoer, f["oeffentliche_infrastruktur"], f["gemeinsame_oeffentliche_aufgabe"])
    c = _und(
        jpoer,
        _oder(
            _in(f["entgelt"], {"kostenerstattung", "umlage_nach_nutzung"}),
            _und(
                _in(f["entgelt"], {"pauschalpreis"}),
                _in(f["abrechnungsverfahren"], {"pauschale_mit_anpassung", "spitzabrechnung"}),
            ),
        ),
        _nicht(f["gewinnaufschlag_vorhanden"]),
        _nicht(f["wagnis_vorhanden"]),
    )
    anteil = f["anteil_leistungen_an_jpoer_prozent"]
    d = _und(jpoer, None if anteil is None else anteil > ANTEIL)
    delegation_anwendbar = _und(
        jpoer,
        f["kommunale_aufgabe_uebertragbar"],
        _nicht(f["hilfsgeschaeft"]),
        _in(f["vermietung_gegenstand"], {"keine"}),
    )
    return [
        *_kein_austausch(f),
        (
            "ustae_2b_1_abs9_hilfsgeschaeft",
            _und(f["hilfsgeschaeft"], _nicht(f["hilfsgeschaeft_haendlerartig"])),
            "nicht_steuerbar",
        ),
        ("ustg_2b_abs4_nr3_vermessung", _und(f["vermessung_kataster"], _nicht(f["amtshilfe"])), "steuerbar"),
        (
            "ustg_2b_abs4_nr5_anhang_i",
            _und(_nicht(_in(f["anhang_i_taetigkeit"], {"keine"})), _nicht(f["anhang_i_unbedeutend"])),
            "steuerbar",
        ),
        (
            "ustg_2b_abs1_s1_privatrechtliche_handlungsform",
            f["rechtsform"] == "privatrechtlicher_vertrag",
            "steuerbar",
        ),
        ("ustg_2b_abs2_nr1", _umsatz_le(f, GRENZE), "nicht_steuerbar"),
        ("ustg_2b_abs2_nr2", f["privat_steuerfrei_ohne_option"], "nicht_steuerbar"),
        ("ustg_2b_abs3_nr1", _und(jpoer, f["gesetzlicher_vorbehalt_jpoer"]), "nicht_steuerbar"),
        _personal_rang(f),
        (
            "bylfst_2023_02_15_befreiende_delegation",
            _und(
                delegation_anwendbar,
                f["rechtsform"] in {"oerv_delegierend", "zweckverband", "gemeinsames_kommunalunternehmen"},
                f["aufgabenuebertragung_befreiend"],
                f["befreiende_uebertragung_nur_an_jpoer"],
                f["befreiung_ausschlaggebend"],
            ),
            "nicht_steuerbar",
        ),
        ("ustg_2b_abs3_nr2_wettbewerb", _und(jpoer, a, b, c, d, wettbewerb), "steuerbar"),
        ("ustg_2b_abs3_nr2", _und(jpoer, a, b, c, d, _nicht(wettbewerb)), "nicht_steuerbar"),
        ("ustg_2b_abs1_s2_wettbewerb", wettbewerb, "steuerbar"),
        ("ustg_2b_abs1_s1_keine_wettbewerbsverzerrung", _nicht(wettbewerb), "nicht_steuerbar"),
    ]


def _altes_recht(f: dict[str, Any]) -> list[tuple[str, bool | None, str] | Rang]:
    beistand = _und(
        f["empfaenger_alle_jpoer"],
        f["rechtsform"] != "privatrechtlicher_vertrag",
        _in(f["nutzung_beim_empfaenger"], {"hoheitlich"}),
    )
    return [
        *_kein_austausch(f),
        (
            "ustae_2b_1_abs9_hilfsgeschaeft",
            _und(f["hilfsgeschaeft"], _nicht(f["hilfsgeschaeft_haendlerartig"])),
            "nicht_steuerbar",
        ),
        ("ustg_2_abs3_s2_nr4_af_vermessung", _und(f["vermessung_kataster"], _nicht(f["amtshilfe"])), "steuerbar"),
        ("ustg_2_abs3_s2_af_sondertaetigkeit", _nicht(_in(f["sondertaetigkeit_altes_recht"], {"keine"})), "steuerbar"),
        ("ofd_rostock_2002_11_21_beistandsleistung", beistand, "nicht_steuerbar"),
        ("kstg_4_abs5_hoheitsbetrieb", f["gesetzlicher_vorbehalt_jpoer"], "nicht_steuerbar"),
        ("kstg_4_bga_umsatzgrenze", _nicht(_umsatz_le(f, BGA_GRENZE)), "steuerbar"),
        ("kstg_4_kein_bga", _umsatz_le(f, BGA_GRENZE), "nicht_steuerbar"),
    ]


def entscheide(f: dict[str, Any]) -> tuple[str, str | None]:
    """(ergebnis, entscheidende_regel) for the facts ``f``."""
    alt = _und(
        f["erbringer_ist_jpoer"],
        _oder(f["stichtag"] < BEGINN_2B, _und(f["stichtag"] < ENDE_OPTION, f["erbringer_option_27_22"])),
    )
    regime = _kette(
        [("ustg_27_abs22_altes_recht", alt, "altes_recht"), ("ustg_27_abs22a_neues_recht", _nicht(alt), "ustg_2b")]
    )
    pfade = []
    for _, reg, sicher_r in regime:
        schritte = _ustg_2b(f) if reg == "ustg_2b" else _altes_recht(f)
        for regel, folge, sicher in _kette(schritte):
            if folge == "steuerbar":
                for regel_b, folge_b, sicher_b in _kette(_befreiung(f)):
                    entscheidend = regel_b if folge_b == "steuerfrei" else regel
                    pfade.append((folge_b, entscheidend, sicher_r and sicher and sicher_b))
            else:
                pfade.append((folge, regel, sicher_r and sicher))
    folgen = {p[0] for p in pfade}
    sicher_pfad = next((p for p in pfade if p[2]), None)
    if len(folgen) == 1:
        ergebnis = pfade[0][0]
    elif folgen <= KEINE_UST and sicher_pfad is not None:
        ergebnis = sicher_pfad[0]
    else:
        return "offen", None
    return ergebnis, sicher_pfad[1] if sicher_pfad else None
