"""Each route's parameter analysis done once per test process, not once per app.

FastAPI (0.165) analyses the signature of every endpoint and of every dependency under it —
types evaluated, a pydantic ``TypeAdapter`` built per parameter — separately for every app, on the
first request that reaches the router. The product builds one app per server process, so this
costs it a tenth of a second once. The tests build an app per test (a fresh database each), so the
same analysis of the same functions ran some thousand times: a seventh of the CPU of the in-process
tests (py-spy over the whole suite), and up to two thirds of a short API test.

So in the test process the analysis of an endpoint with its route-level dependencies
(``fastapi.routing._build_dependant_with_parameterless_dependencies``) is remembered and handed to
the next app that builds the same route. It is a pure function of the path, the endpoint and the
dependencies, and FastAPI does not change its result after building it (dependency overrides are
looked up per request, not stored in it), so every app answers exactly as it would with its own
copy. The servers the tests start as processes (``ikz serve``, uvicorn for the browser tests)
build their routes the ordinary way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from fastapi import params, routing

_NAME = "_build_dependant_with_parameterless_dependencies"


def _key(path: str, call: Callable[..., Any], dependencies: Sequence[params.Depends]) -> tuple[Any, ...]:
    return (
        path,
        call,
        tuple(
            (type(d), d.dependency, d.use_cache, getattr(d, "scope", None), tuple(getattr(d, "scopes", None) or ()))
            for d in dependencies
        ),
    )


@pytest.fixture(scope="session", autouse=True)
def _shared_route_analysis() -> Iterator[None]:
    build = getattr(routing, _NAME, None)
    assert build is not None, (
        f"fastapi.routing.{_NAME} fehlt (neue FastAPI-Version?): tests/shared_route_analysis.py anpassen oder entfernen"
    )
    cache: dict[tuple[Any, ...], Any] = {}

    def remembered(*, path: str, call: Callable[..., Any], dependencies: Sequence[params.Depends]) -> Any:
        key = _key(path, call, dependencies)
        if key not in cache:
            cache[key] = build(path=path, call=call, dependencies=dependencies)
        return cache[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(routing, _NAME, remembered)
        yield
