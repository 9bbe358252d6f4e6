"""The grouping of the result page is derived from the rule set (chains, outcomes, references),
never from a list of rule ids: renamed rules, a new chain and a new criterion are grouped the same
way. And every label the page needs exists for every chain, fact and field of the real rule set."""

from __future__ import annotations

import typing
from types import SimpleNamespace

import pytest
from pydantic import BaseModel

from advisor import fallakte as modell
from advisor.bezeichnungen import FAKTEN, FELDER, KETTEN
from advisor.sachverhalt import FAKTEN as FAKTREGISTER
from api.web.decision_path import ENTSCHEIDEND, GEPRUEFT, NICHT_ERFORDERLICH, OFFEN, decision_path, steps
from rules_loader import load_rules


def regel(rid: str, verweist_auf: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(id=rid, verweist_auf=verweist_auf)


def kriterium(rid: str, status: str, folge: str | None, **mehr) -> dict:
    return {
        "regel": rid,
        "titel": f"Titel {rid}",
        "norm": f"Norm {rid}",
        "status": status,
        "folge": folge,
        "begruendung": f"Begründung {rid}.",
        "fakten": {},
        "fakten_aus_katalog": [],
        "quellen": [],
        **mehr,
    }


#: A made-up rule set: new ids, a new chain ("vorstufe"), a rank of two equal rules, a criterion
#: referred to by a rule.
REGELWERK = SimpleNamespace(
    ketten={
        "vorstufe": (("neu_a",),),
        "steuerbarkeit_ustg_2b": (("x_eins",), ("x_zwei", "x_zwei_b"), ("x_drei",), ("x_vier",)),
    },
    regeln=[
        regel("neu_a"),
        regel("x_eins"),
        regel("x_zwei"),
        regel("x_zwei_b"),
        regel("x_drei", ("teil_1",)),
        regel("x_vier"),
        regel("teil_1"),
    ],
)


def bewertung(ergebnis: str, entscheidend: str | None, *kriterien: dict) -> dict:
    return {
        "bezeichnung": "Leistung",
        "ergebnis": ergebnis,
        "entscheidende_regel": entscheidend,
        "risiko": "gering",
        "risikogruende": [],
        "offene_fragen": [],
        "kriterien": list(kriterien),
    }


def test_steps_follow_the_chains_and_the_first_fulfilled_rank_decides():
    lb = bewertung(
        "steuerpflichtig",
        "x_drei",
        kriterium("neu_a", "erfuellt", "ustg_2b"),
        kriterium("x_eins", "nicht_erfuellt", "nicht_steuerbar"),
        kriterium("x_zwei", "nicht_anwendbar", "nicht_steuerbar"),
        kriterium("x_zwei_b", "offen", "nicht_steuerbar"),
        kriterium("teil_1", "erfuellt", None),
        kriterium("x_drei", "erfuellt", "steuerpflichtig"),
        kriterium("x_vier", "erfuellt", "nicht_steuerbar"),
    )
    vorstufe, steuerbarkeit = steps(lb, REGELWERK, "l1")
    assert vorstufe.kette == "vorstufe" and vorstufe.titel == "vorstufe", "a chain without a label shows its key"
    assert vorstufe.entscheidende.kriterium["regel"] == "neu_a" and vorstufe.ergebnis == "ustg_2b"
    assert steuerbarkeit.titel == KETTEN["steuerbarkeit_ustg_2b"]
    assert steuerbarkeit.entscheidende.kriterium["regel"] == "x_drei"
    assert steuerbarkeit.entscheidende.art == ENTSCHEIDEND
    assert steuerbarkeit.entscheidende.wirkung == "Entscheidet das Ergebnis: steuerpflichtig."
    assert [(a.kriterium["regel"], a.art) for a in steuerbarkeit.geprueft] == [
        ("x_eins", GEPRUEFT),
        ("x_zwei", GEPRUEFT),
        ("x_zwei_b", OFFEN),
    ]
    assert [(a.kriterium["regel"], a.art) for a in steuerbarkeit.nicht_erforderlich] == [("x_vier", NICHT_ERFORDERLICH)]
    assert [t.kriterium["regel"] for t in steuerbarkeit.entscheidende.teile] == ["teil_1"]
    assert steuerbarkeit.entscheidende.teile[0].anker == "l1-x_drei-teil_1"
    assert steuerbarkeit.ergebnis == "steuerpflichtig", "a certain result: the open rule did not matter"


def test_an_open_result_leaves_the_step_open_and_the_open_rule_could_decide():
    lb = bewertung(
        "offen",
        None,
        kriterium("x_eins", "offen", "nicht_steuerbar"),
        kriterium("x_zwei", "nicht_erfuellt", "nicht_steuerbar"),
        kriterium("x_drei", "erfuellt", "steuerpflichtig"),
    )
    (schritt,) = steps(lb, REGELWERK, "l1")
    assert schritt.ergebnis is None
    assert schritt.geprueft[0].wirkung == "Offen: führt zu „nicht steuerbar“, wenn die offenen Angaben es bestätigen."
    weg = decision_path(lb, REGELWERK, "l1", "01.01.2027", {})
    text = " ".join(str(s) for s in weg.saetze)
    assert "noch nicht fest" in text and 'href="#l1-x_eins"' in text
    assert "nicht steuerbar oder steuerpflichtig" in text


def test_a_criterion_in_no_chain_and_referred_to_by_none_is_still_shown():
    lb = bewertung(
        "steuerpflichtig",
        "x_eins",
        kriterium("x_eins", "erfuellt", "steuerpflichtig"),
        kriterium("ganz_neu", "offen", None),
    )
    *_, weitere = steps(lb, REGELWERK, "l1")
    assert weitere.titel == "Weitere Kriterien" and weitere.geprueft[0].kriterium["regel"] == "ganz_neu"


def test_the_decision_path_has_three_to_five_sentences_for_every_example(example_texts):
    from advisor.beratung import berate
    from advisor.bewertung import bewertung_als_dict
    from advisor.parsing import parse_fallakte
    from rules_loader import load_rate_tables

    rw, st = load_rules(), load_rate_tables()
    for name, text in example_texts.items():
        for n, lb in enumerate(bewertung_als_dict(berate(parse_fallakte(text), rw, st).bewertung)["leistungen"]):
            weg = decision_path(lb, rw, f"l{n}", "01.01.2027", {})
            assert 3 <= len(weg.saetze) <= 5, name
            gezeigt = [
                a.kriterium["regel"]
                for s in weg.schritte
                for a in [*([s.entscheidende] if s.entscheidende else []), *s.geprueft, *s.nicht_erforderlich]
            ]
            gezeigt += [
                t.kriterium["regel"]
                for s in weg.schritte
                for a in [*s.geprueft, *s.nicht_erforderlich, *([s.entscheidende] if s.entscheidende else [])]
                for t in a.teile
            ]
            assert {k["regel"] for k in lb["kriterien"]} == set(gezeigt), f"{name}: every criterion is shown"


def test_every_chain_of_the_rule_set_has_a_step_title():
    assert set(load_rules().ketten) <= set(KETTEN)


def test_every_fact_a_rule_may_read_has_a_label():
    assert set(FAKTREGISTER) <= set(FAKTEN)


def _modelle(annotation: object, liste: bool = False) -> list[tuple[type[BaseModel], bool]]:
    """The models inside a field's annotation, each with whether it sits in a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [(annotation, liste)]
    in_liste = liste or typing.get_origin(annotation) is list
    return [m for arg in typing.get_args(annotation) for m in _modelle(arg, in_liste)]


def _felder(model: type[BaseModel], prefix: str) -> set[str]:
    out = set()
    for name, info in model.model_fields.items():
        pfad = f"{prefix}.{name}" if prefix else name
        out.add(pfad)
        for inner, liste in _modelle(info.annotation):
            out |= _felder(inner, f"{pfad}[]" if liste else pfad)
    return out


@pytest.mark.parametrize("pfad", sorted(_felder(modell.Fallakte, "")))
def test_every_field_of_the_case_file_has_the_forms_label(pfad):
    assert pfad in FELDER
