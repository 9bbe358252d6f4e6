"""Scenarios of features/ustg_2_abs3_sondertatbestaende.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("ustg_2_abs3_sondertatbestaende.feature")
