"""Scenarios of features/kstg_4_altes_recht.feature (steps in conftest.py)."""

from pytest_bdd import scenarios

scenarios("kstg_4_altes_recht.feature")
