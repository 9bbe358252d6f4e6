"""pytest-bdd's search for a step's definition, asked only of the definitions of that step's kind.

For every step of every scenario pytest-bdd 9 asks pytest, for each of the session's fixture names
(381 here, 272 of them step definitions), which of its definitions the test can see, and then
whether one of them parses the step: 7 % of the test processes' CPU in the whole suite (py-spy);
the feature tests alone took 10.3 s instead of 7.9 s. A step definition's fixture is named ``pytestbdd_stepdef_<given|when|then|*>_<text>``
(``pytest_bdd.steps``), so a "Given" step can only be defined by a fixture whose name begins with
``pytestbdd_stepdef_given_`` or ``pytestbdd_stepdef_*_``. This module asks pytest about those names
only; the rest of the search is pytest-bdd's own (``find_fixturedefs_for_step``), so a step finds
the same definition as before — and if pytest-bdd ever names its fixtures otherwise, no step is
found and every feature test fails, loudly, instead of passing unchecked.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator

import pytest
from _pytest.fixtures import FixtureDef, FixtureManager
from _pytest.nodes import Node
from pytest_bdd.parser import Step
from pytest_bdd.steps import StepNamePrefix

# The module, not the function ``pytest_bdd.scenario`` that the package exports under its name.
bdd_scenario = importlib.import_module("pytest_bdd.scenario")
_ORIGINAL = bdd_scenario.find_fixturedefs_for_step


def _names_for(step: Step, fixturemanager: FixtureManager) -> list[str]:
    prefixes = tuple(f"{StepNamePrefix.step_def.value}_{kind}_" for kind in (step.type, "*"))
    return [name for name in bdd_scenario.get_fixture_names(fixturemanager=fixturemanager) if name.startswith(prefixes)]


def find_fixturedefs_for_step(step: Step, fixturemanager: FixtureManager, node: Node) -> Iterable[FixtureDef[object]]:
    """``pytest_bdd.scenario.find_fixturedefs_for_step`` over the names of the step's kind."""
    names = _names_for(step, fixturemanager)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bdd_scenario, "get_fixture_names", lambda fixturemanager: names)
        return list(_ORIGINAL(step=step, fixturemanager=fixturemanager, node=node))


@pytest.fixture(scope="session", autouse=True)
def _bdd_step_lookup_by_kind() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bdd_scenario, "find_fixturedefs_for_step", find_fixturedefs_for_step)
        yield
