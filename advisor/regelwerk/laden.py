"""Strict loading of the rule directory: every problem named with file, line and rule id.

Pure: takes the files' texts (``{relative path: text}``) and their content hash, returns a
``Regelwerk`` or raises ``UngueltigesRegelwerk`` listing every problem found — YAML syntax,
duplicate keys, unknown fields, dates that are not ISO dates, references to facts, parameters or
rules that do not exist, overlapping validity, rules that no chain reaches, facts without a
question, placeholders that name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, ValidationError

from advisor.errors import UngueltigesRegelwerk
from advisor.regelwerk.bedingungen import BedingungsFehler, compile_condition
from advisor.regelwerk.dateiformat import (
    Empfehlungsdatei,
    Faktdatei,
    Katalogdatei,
    Kopfdatei,
    Parameter,
    Quelldatei,
    Regel,
)
from advisor.regelwerk.modell import (
    KompilierteRegel,
    KompilierteRisikoregel,
    Regelwerk,
)
from advisor.regelwerk.querpruefungen import (
    EMPFEHLUNGSDATEI,
    FAKTDATEI,
    IMMER_BEKANNT,
    KATALOGDATEI,
    KOPFDATEI,
    Probleme,
    catalogue,
    chains,
    check_questions,
    levers,
)
from advisor.sachverhalt import FAKTEN
from advisor.strict_yaml import DuplicateKeyError, load_strict, zeile_im_dokument
from advisor.validation_messages import field_path, german_message

QUELLEN_PREFIX = "quellen/"
#: Directories read by other loaders (rate tables); their files only enter the content hash.
FREMDE_PREFIXE = ("tarife/", "haushalt/")
_PLATZHALTER = re.compile(r"\{([a-z0-9_]+)\}")


def _validate(model: type[BaseModel], data: Any, datei: str, p: Probleme) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as e:
        for err in e.errors(include_url=False):
            loc = tuple(err["loc"])
            regel = _rule_id_at(data, loc)
            p.add(datei, zeile_im_dokument(data, loc), regel, f"{field_path(loc)}: {german_message(err)}")
        return None


def _rule_id_at(data: Any, loc: Sequence[int | str]) -> str | None:
    if len(loc) >= 2 and isinstance(data, dict) and isinstance(loc[1], int):
        items = data.get(loc[0])
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            value = items[loc[1]].get("id")
            return value if isinstance(value, str) else None
    return None


def _parse_yaml(datei: str, text: str, p: Probleme) -> Any:
    try:
        return load_strict(text)
    except DuplicateKeyError as e:
        p.add(datei, e.line, None, f"Schlüssel „{e.key}“ kommt doppelt vor")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        p.add(datei, mark.line + 1 if mark else None, None, f"kein gültiges YAML: {getattr(e, 'problem', e)}")
    return None


class _Zeitraum(Protocol):
    @property
    def gilt_ab(self) -> date: ...
    @property
    def gilt_bis(self) -> date | None: ...


def _overlaps(a: _Zeitraum, b: _Zeitraum) -> bool:
    far = date.max
    ueberlappt: bool = a.gilt_ab < (b.gilt_bis or far) and b.gilt_ab < (a.gilt_bis or far)
    return ueberlappt


def parse_regelwerk(files: dict[str, str], sha256: str) -> Regelwerk:
    """Validate and compile the rule directory's files. Raises ``UngueltigesRegelwerk``."""
    p = Probleme()
    geparst: dict[str, Any] = {}
    for datei in sorted(files):
        if datei.startswith(FREMDE_PREFIXE):
            continue
        data = _parse_yaml(datei, files[datei], p)
        if data is None:
            continue
        if datei == KOPFDATEI:
            model: type[BaseModel] = Kopfdatei
        elif datei == FAKTDATEI:
            model = Faktdatei
        elif datei == KATALOGDATEI:
            model = Katalogdatei
        elif datei == EMPFEHLUNGSDATEI:
            model = Empfehlungsdatei
        elif datei.startswith(QUELLEN_PREFIX):
            model = Quelldatei
        else:
            p.add(datei, None, None, "unbekannte Datei im Regelverzeichnis")
            continue
        parsed = _validate(model, data, datei, p)
        if parsed is not None:
            geparst[datei] = (parsed, data)
    for pflicht in (KOPFDATEI, FAKTDATEI, KATALOGDATEI, EMPFEHLUNGSDATEI):
        if pflicht not in files:
            p.add(pflicht, None, None, "Datei fehlt")
    if p.liste or any(d not in geparst for d in (KOPFDATEI, FAKTDATEI, KATALOGDATEI, EMPFEHLUNGSDATEI)):
        raise UngueltigesRegelwerk(p.liste)
    return _build(geparst, sha256, p, files)


#: Rule sets rebuilt from their texts in this process, by content hash (see ``Regelwerk.__reduce__``).
_AUS_QUELLTEXTEN: dict[str, Regelwerk] = {}


def regelwerk_aus_quelltexten(files: dict[str, str], sha256: str) -> Regelwerk:
    """The rule set of ``files``, built once per process and content hash (a pickled ``Regelwerk``)."""
    regelwerk = _AUS_QUELLTEXTEN.get(sha256)
    if regelwerk is None:
        regelwerk = parse_regelwerk(files, sha256)
        if len(_AUS_QUELLTEXTEN) >= 4:  # a process sees one rule set, two around a change
            _AUS_QUELLTEXTEN.clear()
        _AUS_QUELLTEXTEN[sha256] = regelwerk
    return regelwerk


def _build(geparst: dict[str, Any], sha256: str, p: Probleme, files: dict[str, str]) -> Regelwerk:
    kopf: Kopfdatei = geparst[KOPFDATEI][0]
    fragen: Faktdatei = geparst[FAKTDATEI][0]
    katalog: Katalogdatei = geparst[KATALOGDATEI][0]
    empfehlungen: Empfehlungsdatei = geparst[EMPFEHLUNGSDATEI][0]
    quellen = {d: v for d, v in geparst.items() if d.startswith(QUELLEN_PREFIX)}

    parameter, parameter_dateien = _parameters(quellen, p)
    pnamen = set(parameter)
    regeln_roh: list[tuple[str, Regel, Any]] = []
    for datei, (parsed, data) in quellen.items():
        for i, r in enumerate(parsed.regeln):
            regeln_roh.append((datei, r, data["regeln"][i]))
    _check_rule_versions(regeln_roh, p)
    regel_ids = {r.id for _, r, _ in regeln_roh}

    regeln = []
    for datei, r, roh in regeln_roh:
        kompiliert = _compile_rule(datei, r, roh, pnamen, regel_ids, parameter, p)
        if kompiliert is not None:
            regeln.append(kompiliert)

    risikoregeln = []
    for datei, (parsed, data) in quellen.items():
        for i, rr in enumerate(parsed.risiken):
            zeile = getattr(data["risiken"][i], "line", None)
            for ref in rr.bei_regeln:
                if ref not in regel_ids:
                    p.add(datei, zeile, rr.id, f"bei_regeln: unbekannte Regel „{ref}“")
            try:
                fn, verweise = compile_condition(rr.bedingung, FAKTEN, pnamen)
            except BedingungsFehler as e:
                p.add(datei, zeile, rr.id, f"bedingung: {e}")
                continue
            _check_refs(verweise.regeln, regel_ids, datei, zeile, rr.id, p)
            _check_placeholders(rr.hinweis, pnamen, datei, zeile, rr.id, p)
            risikoregeln.append(
                KompilierteRisikoregel(
                    rr.id, rr.titel, frozenset(rr.bei_regeln), fn, rr.risiko, rr.hinweis, tuple(rr.quellen)
                )
            )

    ketten = chains(kopf, geparst[KOPFDATEI][1], regel_ids, regeln, p)
    check_questions(fragen, geparst[FAKTDATEI][1], regeln, p)
    grundvorgaben = catalogue(katalog, geparst[KATALOGDATEI][1], p)
    hebel = levers(empfehlungen, geparst[EMPFEHLUNGSDATEI][1], pnamen, dict(fragen.fakten), p)
    if p.liste:
        raise UngueltigesRegelwerk(p.liste)
    return Regelwerk(
        version=kopf.version,
        titel=kopf.titel,
        sha256=sha256,
        zuletzt_geprueft=kopf.zuletzt_geprueft,
        regeln=tuple(regeln),
        parameter=parameter,
        parameter_dateien=parameter_dateien,
        risikoregeln=tuple(risikoregeln),
        ketten=ketten,
        fragen=dict(fragen.fakten),
        grundvorgaben=grundvorgaben,
        katalog={f.id: f for f in katalog.aufgabenfelder},
        hebel=tuple(hebel),
        max_kombination=empfehlungen.max_kombination,
        quelltexte=dict(files),
    )


def _parameters(quellen: dict[str, Any], p: Probleme) -> tuple[dict[str, Parameter], dict[str, str]]:
    parameter: dict[str, Parameter] = {}
    dateien: dict[str, str] = {}
    for datei, (parsed, data) in quellen.items():
        for i, par in enumerate(parsed.parameter):
            zeile = getattr(data["parameter"][i], "line", None)
            if par.id in parameter:
                p.add(datei, zeile, par.id, f"Parameter „{par.id}“ ist schon in {dateien[par.id]} definiert")
                continue
            for a_i, a in enumerate(par.werte):
                if a.gilt_bis is not None and a.gilt_bis <= a.gilt_ab:
                    p.add(datei, zeile, par.id, "gilt_bis muss nach gilt_ab liegen")
                for b in par.werte[a_i + 1 :]:
                    if _overlaps(a, b):
                        p.add(
                            datei,
                            zeile,
                            par.id,
                            f"Gültigkeitszeiträume überschneiden sich (ab {a.gilt_ab} und ab {b.gilt_ab})",
                        )
            parameter[par.id] = par
            dateien[par.id] = datei
    return parameter, dateien


def _check_rule_versions(regeln: list[tuple[str, Regel, Any]], p: Probleme) -> None:
    for i, (datei, a, roh) in enumerate(regeln):
        zeile = getattr(roh, "line", None)
        if a.gilt_bis is not None and a.gilt_bis <= a.gilt_ab:
            p.add(datei, zeile, a.id, "gilt_bis muss nach gilt_ab liegen")
        for datei_b, b, _ in regeln[i + 1 :]:
            if a.id == b.id and _overlaps(a, b):
                p.add(datei, zeile, a.id, f"Regel-ID doppelt mit überschneidender Gültigkeit (auch in {datei_b})")


def _check_refs(
    refs: frozenset[str], bekannt: set[str], datei: str, zeile: int | None, regel: str, p: Probleme
) -> None:
    for ref in sorted(refs - bekannt):
        p.add(datei, zeile, regel, f"Verweis auf unbekannte Regel „{ref}“")


def _check_placeholders(text: str, pnamen: set[str], datei: str, zeile: int | None, regel: str, p: Probleme) -> None:
    for name in _PLATZHALTER.findall(text):
        if name not in FAKTEN and name not in pnamen:
            p.add(datei, zeile, regel, f"Platzhalter „{{{name}}}“ ist weder Fakt noch Parameter")


def _compile_rule(
    datei: str, r: Regel, roh: Any, pnamen: set[str], regel_ids: set[str], parameter: dict[str, Parameter], p: Probleme
) -> KompilierteRegel | None:
    zeile = getattr(roh, "line", None)
    try:
        bedingung, verweise = compile_condition(r.bedingung, FAKTEN, pnamen)
        anwendbar, verweise_a = (None, None)
        if r.anwendbar_wenn is not None:
            anwendbar, verweise_a = compile_condition(r.anwendbar_wenn, FAKTEN, pnamen)
    except BedingungsFehler as e:
        p.add(datei, zeile_im_dokument(roh, ["bedingung"]), r.id, f"bedingung: {e}")
        return None
    regeln_refs = verweise.regeln | (verweise_a.regeln if verweise_a else frozenset())
    _check_refs(regeln_refs, regel_ids, datei, zeile, r.id, p)
    if r.id in regeln_refs:
        p.add(datei, zeile, r.id, "die Regel verweist auf sich selbst")
    for text in (
        r.begruendung.erfuellt,
        r.begruendung.nicht_erfuellt,
        r.begruendung.offen,
        r.begruendung.nicht_anwendbar or "",
        r.risikohinweis or "",
    ):
        _check_placeholders(text, pnamen, datei, zeile, r.id, p)
    for pid in verweise.parameter:
        if not any(
            w.gilt_ab <= r.gilt_ab and (w.gilt_bis is None or r.gilt_ab < w.gilt_bis) for w in parameter[pid].werte
        ):
            p.add(
                datei, zeile, r.id, f"Parameter „{pid}“ hat am {r.gilt_ab.isoformat()} (gilt_ab der Regel) keinen Wert"
            )
    fakten = verweise.fakten | (verweise_a.fakten if verweise_a else frozenset())
    return KompilierteRegel(
        id=r.id,
        norm=r.norm,
        titel=r.titel,
        paraphrase=r.paraphrase,
        quellen=tuple(r.quellen),
        gilt_ab=r.gilt_ab,
        gilt_bis=r.gilt_bis,
        zuletzt_geprueft=r.zuletzt_geprueft,
        folge=r.folge,
        risiko=r.risiko,
        risikohinweis=r.risikohinweis,
        begruendung=r.begruendung,
        anwendbar=anwendbar,
        bedingung=bedingung,
        fakten=tuple(sorted(fakten)),
        verweist_auf=tuple(sorted(regeln_refs)),
        datei=datei,
        zeile=zeile,
    )


__all__ = ["IMMER_BEKANNT", "parse_regelwerk"]
