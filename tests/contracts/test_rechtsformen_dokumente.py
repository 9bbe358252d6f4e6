"""Issue 10, "for each example and each legal form": every legal form of the case file gives all
four documents as PDF and DOCX, or — for the agreement of a legal form without a contract template
— a German refusal that names the legal forms in words, not keys. One example per provider kind
(a Kreis's agreement and a Zweckverband) keeps the run short; the six examples in their own legal
form are covered by test_dokumente.py."""

from __future__ import annotations

from typing import get_args

import pytest

from advisor.errors import UngueltigeEingabe
from advisor.fallakte import Rechtsform
from contracts.dokumente import als_docx, als_pdf, erstelle
from tests.contracts.conftest import ARTEN, STAND, aus_daten, echte_beratung, example_daten, flach, seiten
from tests.feldschluessel import schluessel_in

RECHTSFORMEN = get_args(Rechtsform)
MIT_VORLAGE = {"oerv_delegierend", "oerv_mandatierend", "zweckverband"}


@pytest.mark.parametrize("rechtsform", RECHTSFORMEN)
@pytest.mark.parametrize("name", ["personalabrechnung-mandatierend", "it-zweckverband"])
def test_every_legal_form_gives_the_documents_or_a_german_refusal(name, rechtsform):
    daten = example_daten(name)
    daten["rechtsform"] = rechtsform
    beratung = echte_beratung(aus_daten(daten))
    for art in ARTEN:
        try:
            dokument = erstelle(art, beratung, stand=STAND)
        except UngueltigeEingabe as e:
            assert art == "vereinbarung" and rechtsform not in MIT_VORLAGE, (art, str(e))
            assert "keine Vertragsvorlage" in str(e)
            assert schluessel_in(" ".join(p.meldung for p in e.probleme)) == []
            continue
        pdf, docx = als_pdf(dokument), als_docx(dokument)
        assert pdf.startswith(b"%PDF") and docx.startswith(b"PK")
        text = flach(seiten(pdf))
        assert schluessel_in(text) == [], (art, schluessel_in(text))
        if art == "vereinbarung":
            for verboten in ("Rechtsgrundlage:", "Risiko", "Steuerliche Würdigung", "Mehrbelastung"):
                assert verboten not in text, verboten
