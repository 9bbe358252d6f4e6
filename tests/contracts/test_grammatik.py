"""German grammar of party names: gender from the head noun, article by case, pronouns."""

from __future__ import annotations

import pytest

from contracts.grammatik import Nominalphrase, parteien_im


@pytest.mark.parametrize(
    ("name", "dat", "akk", "pronomen"),
    [
        ("Stadt Aheim", "der Stadt Aheim", "die Stadt Aheim", "ihr"),
        ("Gemeinde Bedorf", "der Gemeinde Bedorf", "die Gemeinde Bedorf", "ihr"),
        ("Kreis Musterland", "dem Kreis Musterland", "den Kreis Musterland", "ihm"),
        ("Rhein-Erle-Kreis", "dem Rhein-Erle-Kreis", "den Rhein-Erle-Kreis", "ihm"),
        ("Hochsauerlandkreis", "dem Hochsauerlandkreis", "den Hochsauerlandkreis", "ihm"),
        ("Zweckverband Kommunale IT", "dem Zweckverband Kommunale IT", "den Zweckverband Kommunale IT", "ihm"),
        ("Wasserverband Obere Erft", "dem Wasserverband Obere Erft", "den Wasserverband Obere Erft", "ihm"),
        ("Städteregion Aachen", "der Städteregion Aachen", "die Städteregion Aachen", "ihr"),
        ("Münster", "Münster", "Münster", "ihm"),
    ],
)
def test_a_party_is_declined_by_the_gender_of_its_head_noun(name, dat, akk, pronomen):
    phrase = Nominalphrase.aus_name(name)
    assert (phrase.dat, phrase.akk, phrase.pronomen_dat) == (dat, akk, pronomen)


def test_several_parties_each_keep_their_own_article():
    assert parteien_im(["Stadt A", "Kreis B", "Gemeinde C"], "dat") == "der Stadt A, dem Kreis B und der Gemeinde C"
