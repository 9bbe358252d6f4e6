"""Form state ↔ Fallakte data: the one translation between what the form shows and the contract.

``fallakte_dict_aus_formular(state)`` reads the typed strings (German numbers and dates, yes/no/unknown
choices, partner row references) into the dict that ``advisor.parsing.fallakte_aus_dict``
validates; it also returns the problems it found itself (a number it cannot read) and, for every
Fallakte field path it produced, the form field that holds it — so that every error the advisor
reports is shown at its field. ``form_state(fallakte_dict)`` is the way back, used for the
examples, imports and saved cases; for every valid case the two are inverse.

Empty fields are left out (unknown) — never replaced by a default. A group (Laufzeit, Kosten, …)
whose fields are all empty is left out as a whole; a group with some fields is passed on, so the
advisor names whatever is still missing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from advisor.bezeichnungen import JA_NEIN_FAKTEN
from advisor.errors import Feldproblem
from api.web.form_state import PARTNER_DICTS
from api.web.german_input import format_date, format_number, parse_date, parse_integer, parse_number

# Leaf kinds by generic path ("[]" for a list index, "@" for a partner key).
_KINDS: dict[str, str] = {
    "stichtag": "datum",
    "beteiligte[].einwohner": "ganzzahl",
    "beteiligte[].option_27_22": "janein",
    "beteiligte[].anzahl_mitglieder": "ganzzahl",
    "beteiligte[].mitglieder": "partnerliste",
    "beteiligte[].haushaltssicherung": "janein",
    "leistungen[].erbringer": "partner",
    "leistungen[].empfaenger": "partnerliste",
    "leistungen[].umsatz_gleichartige_taetigkeiten": "betrag",
    "leistungen[].anteil_leistungen_an_jpoer_prozent": "dezimal",
    "leistungen[].kostenteilungsgemeinschaft.mitglieder_nichtunternehmerisch": "janein",
    "leistungen[].kostenteilungsgemeinschaft.leistungen_mitgliedsbezogen": "janein",
    "leistungen[].laufzeit.beginn": "datum",
    "leistungen[].laufzeit.letzter_tag": "datum",
    "leistungen[].laufzeit.ende": "datum",  # deprecated (exclusive); still read from older form states
    "leistungen[].laufzeit.kuendigungsfrist_monate": "ganzzahl",
    "leistungen[].kosten.kalkulationsjahr": "ganzzahl",
    "leistungen[].kosten.positionen[].vzae": "dezimal",
    "leistungen[].kosten.positionen[].betrag": "betrag",
    "leistungen[].kosten.positionen[].vorsteuer": "betrag",
    "leistungen[].kosten.sachkostenpauschale_je_vzae": "betrag",
    "leistungen[].kosten.gemeinkostenzuschlag_prozent": "dezimal",
    "leistungen[].kosten.gewinnaufschlag_prozent": "dezimal",
    "leistungen[].kosten.verteilung.sockel_prozent": "dezimal",
    "leistungen[].kosten.verteilung.werte.@": "gewicht",
    "leistungen[].kosten.verteilung.erbringer_traegt_anteil": "haken",
    # issue 16 (cost keys as practice agrees them)
    "leistungen[].kosten.verteilung.festanteile.@": "dezimal",
    "leistungen[].kosten.verteilung.einwohner_stichtag": "datum",
    "leistungen[].kosten.verteilung.stueckpreis": "betrag",
    "leistungen[].kosten.verteilung.restcent_traeger": "partner",
    "leistungen[].kosten.abrechnung.faelligkeitstag": "ganzzahl",
    "leistungen[].kosten.positionen[].gemeinkosten_enthalten": "janein",
    "leistungen[].kosten.positionen[].leitungsposition": "janein",
    "leistungen[].kosten.eigenerstellung.@": "betrag",
    "leistungen[].kosten.remanenzkosten.@": "betrag",
}
for _fakt in (*JA_NEIN_FAKTEN, "verzicht_nach_9"):
    _KINDS[f"leistungen[].{_fakt}"] = "janein"

#: Lists whose rows are left out when all their fields are empty (a cost row the user did not use).
_OPTIONAL_ROWS = {"positionen"}
#: Sub-sections that are left out when all their fields are empty.
_OPTIONAL_GROUPS = {"laufzeit", "kosten", "verteilung", "abrechnung", "kostenteilungsgemeinschaft"} | PARTNER_DICTS


@dataclass
class FormFallakte:
    """The result of reading the form: the data for validation, own problems, and the map from
    every Fallakte field path produced to the form field that holds it."""

    daten: dict[str, Any]
    probleme: list[Feldproblem] = field(default_factory=list)
    feldnamen: dict[str, str] = field(default_factory=dict)
    #: Kennungen left empty whose row has no name either: nothing to demand (the name is missing).
    ohne_kennung: set[str] = field(default_factory=set)
    #: {form field: why} for values the form implied (e.g. "befreiend" from a delegating agreement).
    abgeleitet: dict[str, str] = field(default_factory=dict)


def _filled(node: Any) -> bool:
    """Whether a row of the form holds any typed value."""
    if isinstance(node, dict):
        return any(_filled(v) for v in node.values())
    if isinstance(node, list):
        return any(_filled(v) for v in node)
    return isinstance(node, str) and node.strip() != ""


def slug(text: str) -> str:
    """ "Gemeinde Jüchheim" → "gemeinde-juechheim" (a Fallakte Kennung)."""
    text = text.strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:64].rstrip("-")


def _derived_ids(rows: list[Any], name_key: str) -> list[str]:
    """The id of each row: the typed Kennung, or one made from the name (unique in the list)."""
    typed = {str(r.get("id", "")).strip() for r in rows if isinstance(r, dict)}
    ids: list[str] = []
    for r in rows:
        r = r if isinstance(r, dict) else {}
        given = str(r.get("id", "")).strip()
        if given:
            ids.append(given)
            continue
        base = slug(str(r.get(name_key, ""))) or ""
        candidate, n = base, 2
        while base and (candidate in typed or candidate in ids):
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def fallakte_dict_aus_formular(state: dict[str, Any]) -> FormFallakte:
    """Read the form state into Fallakte data (see the module docstring)."""
    result = FormFallakte(daten={})
    partners = state.get("beteiligte")
    partners = partners if isinstance(partners, list) else []
    leistungen = state.get("leistungen")
    leistungen = leistungen if isinstance(leistungen, list) else []
    partner_ids = _derived_ids(partners, "name")
    leistung_ids = _derived_ids(leistungen, "bezeichnung")
    reader = _Reader(result, partner_ids)
    data = reader.group(state, "", "", top=True)
    data["format"] = str(state.get("format") or "ikz-fallakte/1")
    for i, pid in enumerate(partner_ids):
        if pid and i < len(data.get("beteiligte", [])):
            data["beteiligte"][i]["id"] = pid
        elif not pid:
            result.ohne_kennung.add(f"beteiligte[{i}].id")
    for j, lid in enumerate(leistung_ids):
        if lid and j < len(data.get("leistungen", [])):
            data["leistungen"][j]["id"] = lid
        elif not lid:
            result.ohne_kennung.add(f"leistungen[{j}].id")
        # No recipient ticked posts nothing: its message still belongs to the recipient group.
        result.feldnamen.setdefault(f"leistungen[{j}].empfaenger", f"leistungen[{j}].empfaenger")
        # Every partner has a field in each per-partner table, even when it was not posted.
        for i, pid in enumerate(partner_ids):
            for table in (
                "kosten.verteilung.werte",
                "kosten.verteilung.festanteile",
                "kosten.eigenerstellung",
                "kosten.remanenzkosten",
            ):
                result.feldnamen.setdefault(f"leistungen[{j}].{table}.{pid}", f"leistungen[{j}].{table}.@{i}")
    _imply_from_legal_form(data, result)
    result.daten = data
    return result


#: Legal forms under which a task passes with discharging effect by law: a delegating agreement
#: transfers the task's rights and duties to the provider (§ 23 Abs. 1 Alt. 1, Abs. 2 GkG NRW).
BEFREIENDE_RECHTSFORMEN = {"oerv_delegierend"}
BEFREIEND_ABGELEITET = (
    "Aus der Rechtsform abgeleitet: ja – bei einer delegierenden Vereinbarung gehen Rechte und Pflichten "
    "der Aufgabe auf den Erbringer über (§ 23 Abs. 2 GkG NRW). Wählen Sie „nein“, wenn das hier nicht zutrifft."
)


def _imply_from_legal_form(data: dict[str, Any], result: FormFallakte) -> None:
    """A delegating agreement implies "befreiend = ja" for every service where the user left it
    unknown; the form shows the implication at the field (``result.abgeleitet``)."""
    if data.get("rechtsform") not in BEFREIENDE_RECHTSFORMEN:
        return
    for j, leistung in enumerate(data.get("leistungen", [])):
        if isinstance(leistung, dict) and leistung.get("aufgabenuebertragung_befreiend") is None:
            leistung["aufgabenuebertragung_befreiend"] = True
            result.abgeleitet[f"leistungen[{j}].aufgabenuebertragung_befreiend"] = BEFREIEND_ABGELEITET


class _Reader:
    def __init__(self, result: FormFallakte, partner_ids: list[str]) -> None:
        self.result = result
        self.partner_ids = partner_ids

    def group(
        self, node: dict[str, Any], path: str, generic: str, *, top: bool = False, form: str | None = None
    ) -> dict[str, Any]:
        """Read one group. ``path`` is its Fallakte path, ``form`` the form's name of it (they differ
        only after an empty cost row before it was left out)."""
        form = path if form is None else form
        out: dict[str, Any] = {}
        for key, value in node.items():
            if top and key == "format":
                continue
            child_path = f"{path}.{key}" if path else key
            child_form = f"{form}.{key}" if form else key
            child_generic = f"{generic}.{key}" if generic else key
            if isinstance(value, dict):
                if key in PARTNER_DICTS:
                    sub = self.partner_dict(value, child_path, child_generic, child_form)
                else:
                    sub = self.group(value, child_path, child_generic, form=child_form)
                self.result.feldnamen.setdefault(child_path, child_form)
                if sub or key not in _OPTIONAL_GROUPS:
                    out[key] = sub
            elif isinstance(value, list) and _KINDS.get(child_generic) != "partnerliste":
                self.result.feldnamen.setdefault(child_path, child_form)
                rows = [(i, item if isinstance(item, dict) else {}) for i, item in enumerate(value)]
                if key in _OPTIONAL_ROWS:
                    rows = [(i, item) for i, item in rows if _filled(item)]
                out[key] = []
                for n, (i, item) in enumerate(rows):
                    self.result.feldnamen.setdefault(f"{child_path}[{n}]", f"{child_form}[{i}]")
                    out[key].append(
                        self.group(item, f"{child_path}[{n}]", f"{child_generic}[]", form=f"{child_form}[{i}]")
                    )
                if not out[key] and key in _OPTIONAL_ROWS:
                    del out[key]
            else:
                converted = self.leaf(value, child_path, _KINDS.get(child_generic, "text"))
                self.result.feldnamen[child_path] = child_form
                if converted is not None:
                    out[key] = converted
        return out

    def partner_dict(self, node: dict[str, Any], path: str, generic: str, form: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        kind = _KINDS.get(f"{generic}.@", "text")
        for key, value in node.items():
            form_name = f"{form}.{key}"
            partner = self.partner(key[1:] if key.startswith("@") else "", form_name)
            if partner is None:
                continue
            data_path = f"{path}.{partner}"
            self.result.feldnamen[data_path] = form_name
            converted = self.leaf(value, data_path, kind)
            if converted is not None:
                out[partner] = converted
        return out

    def partner(self, ref: str, data_path: str) -> str | None:
        if ref.isdigit() and int(ref) < len(self.partner_ids):
            return self.partner_ids[int(ref)] or None
        self.result.probleme.append(Feldproblem(data_path, "Bitte einen Beteiligten aus der Liste auswählen."))
        return None

    def leaf(self, value: Any, path: str, kind: str) -> Any:
        if kind == "partnerliste":
            refs = value if isinstance(value, list) else [value]
            ids = [self.partner(str(r), path) for r in refs if str(r).strip()]
            return [i for i in ids if i is not None] or None
        text = value.strip() if isinstance(value, str) else ""
        if text == "":
            return None
        try:
            if kind == "janein":
                if text not in ("ja", "nein"):
                    raise ValueError("Bitte „ja“, „nein“ oder „unbekannt“ wählen.")
                return text == "ja"
            if kind == "haken":
                return True
            if kind == "partner":
                return self.partner(text, path)
            if kind == "datum":
                return parse_date(text).isoformat()
            if kind == "ganzzahl":
                return parse_integer(text)
            if kind == "betrag":
                return parse_number(text, thousands_allowed=True)
            if kind in ("dezimal", "gewicht"):
                return parse_number(text, thousands_allowed=kind == "gewicht")
        except ValueError as e:
            self.result.probleme.append(Feldproblem(path, str(e)))
            # Pass the text on: the model then fails at this field only, instead of reporting
            # follow-up errors for a value that seems to be missing.
            return text
        return text


# --- the way back: Fallakte data → form state ---------------------------------------------------

#: Contract fields the form does not show: the deprecated exclusive end, which the contract keeps
#: beside ``letzter_tag`` (the form's field) for clients of version 1.
_NUR_VERTRAG = {"leistungen[].laufzeit.ende"}


def form_state(daten: dict[str, Any]) -> dict[str, Any]:
    """A valid Fallakte (as a dict, e.g. ``model_dump(mode="json")`` or parsed YAML) → form state,
    with numbers and dates in German notation and partner references as row indices."""
    partner_index = {str(b.get("id")): str(i) for i, b in enumerate(daten.get("beteiligte", []))}
    return _to_form(daten, "", partner_index)


def _to_form(node: Any, generic: str, partner_index: dict[str, str]) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if value is None or (child := f"{generic}.{key}" if generic else key) in _NUR_VERTRAG:
                continue
            if key in PARTNER_DICTS and isinstance(value, dict):
                kind = _KINDS.get(f"{child}.@", "text")
                out[key] = {f"@{partner_index.get(str(k), k)}": _leaf_text(v, kind) for k, v in value.items()}
            elif _KINDS.get(child) == "partner":
                out[key] = partner_index.get(str(value), "")
            elif _KINDS.get(child) == "partnerliste":
                out[key] = [partner_index.get(str(v), "") for v in value]
            elif isinstance(value, list):
                out[key] = [_to_form(v, f"{child}[]", partner_index) for v in value]
            elif isinstance(value, dict):
                out[key] = _to_form(value, child, partner_index)
            else:
                text = _leaf_text(value, _KINDS.get(child, "text"))
                if text != "":
                    out[key] = text
        return out
    return node


def _leaf_text(value: Any, kind: str) -> str:
    if kind == "janein":
        return "ja" if value is True else "nein" if value is False else ""
    if kind == "haken":
        return "ja" if value is True else ""
    if kind == "datum":
        return format_date(value if isinstance(value, date) else str(value))
    if kind == "betrag":
        return format_number(Decimal(str(value)), places=2)
    if kind in ("dezimal", "gewicht", "ganzzahl"):
        return format_number(Decimal(str(value)), grouping=False)
    return str(value)
