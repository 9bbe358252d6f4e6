"""Every field of the case model has a name in the users' words (documents never show a key)."""

from __future__ import annotations

from advisor import fallakte as f
from contracts.feldnamen import FELDNAMEN, feld_bezeichnung
from tests.contracts.conftest import example_fallakte


def test_every_field_of_every_model_of_the_case_file_has_a_german_name():
    modelle = (f.Fallakte, f.Beteiligter, f.Leistung, f.Laufzeit, f.Kosten, f.Kostenposition, f.Verteilung)
    modelle += (f.Abrechnungsweise, f.Kostenteilungsgemeinschaft, f.Schluesselbestandteil, f.Anlagegut)
    modelle += (f.Fortschreibungsschritt,)
    fehlend = {name for m in modelle for name in m.model_fields if name not in FELDNAMEN}
    assert not fehlend


def test_a_path_names_the_service_and_the_field():
    fallakte = example_fallakte("standesamt-delegierend")
    assert (
        feld_bezeichnung("leistungen[0].laufzeit.kuendigungsfrist_monate", fallakte)
        == "Leistung „Standesamtliche Aufgaben nach dem Personenstandsgesetz“: Laufzeit – Kündigungsfrist (Monate)"
    )
    assert feld_bezeichnung("beteiligte[1].vertreten_durch", fallakte) == "Beteiligter „Gemeinde Cestadt“: Vertretung"
    assert feld_bezeichnung("ziele", fallakte) == "Ziele der Zusammenarbeit"
