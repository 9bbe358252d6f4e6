"""schemathesis over the OpenAPI document: every operation, bounded examples, every check.

The document is a product for budgeting-software vendors; this test holds it to what the server
does: status codes, media types, response schemas and headers (``Allow`` on 405), positive data
accepted and negative data refused — and never a 500. Examples are bounded (``MAX_EXAMPLES`` per
operation, derandomized, no example database), so the run is reproducible and takes seconds.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks

from api.app import create_app
from api.settings import Settings
from tests.identity_helpers import add_key, add_organisation

pytestmark = pytest.mark.hostile
MAX_EXAMPLES = 8
#: Schema-valid data may still break a rule the schema cannot state (partner ids unique, every
#: reference resolving, an allocation key matching its values): that is a 422 with the field path,
#: so 422 counts as an accepted answer to positive data — a 5xx or 400 never does.
#: Data outside a documented bound (a cell over 32,767 characters) is refused with 413, not 422.
KONFIGURATION = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "checks": {
            # 403: the run uses one key per route family (sachbearbeitung, admin); routes for another
            # role (signing, review settings, the account assignment, the calendar token of a
            # person) refuse it — each role's access is tested in tests/identity, review, register.
            "positive_data_acceptance": {"expected-statuses": ["2xx", "403", "404", "409", "412", "422"]},
            # 401: negative data includes a request without its required Authorization header.
            "negative_data_rejection": {
                "expected-statuses": ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422"]
            },
        },
    }
)


#: Built at import (the module is collected with the ordinary suite too, then deselected): a
#: throw-away database (cases are created by the generated POST requests themselves), one
#: organisation with a key for case work and one for administration, so the generated requests
#: reach validation and the handlers instead of stopping at 401; the missing-header checks still
#: send requests without the key. Rate limits are lifted: the run sends hundreds of requests.
APP = create_app(
    Settings(
        data_dir=Path(tempfile.mkdtemp(prefix="ikz-schemathesis-")),
        seed_examples=False,
        rate_limit_expensive=100_000,
        rate_limit_login=100_000,
    )
)
add_organisation(APP, "kreis-schemathesis", "Kreis Schemathesis")
SCHLUESSEL = {
    "sachbearbeitung": add_key(APP, "kreis-schemathesis", "sachbearbeitung"),
    "admin": add_key(APP, "kreis-schemathesis", "admin"),
}
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP, config=KONFIGURATION)
load_all_checks()
ALLE_CHECKS = CHECKS.get_all()
STREAMS_MIT_ZEILENPROBLEMEN = {"assessCasesBatch", "calculateCasesBatch"}


def _bytes(wert: Any) -> bytes:
    if isinstance(wert, bytes):
        return wert
    if isinstance(wert, str):
        return wert.encode("utf-8", "surrogatepass")
    return json.dumps(wert, default=str).encode()


@schemathesis.serializer("application/x-ndjson", "application/jsonl")
def _ndjson(_ctx: Any, wert: Any) -> bytes:
    return _bytes(wert)


@schemathesis.serializer(
    "text/csv",
    "application/octet-stream",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
def _roh(_ctx: Any, wert: Any) -> bytes:
    return _bytes(wert)


@schemathesis.serializer("application/yaml")
def _yaml(_ctx: Any, wert: Any) -> bytes:
    return yaml.safe_dump(wert, allow_unicode=True).encode() if not isinstance(wert, str | bytes) else _bytes(wert)


#: The bulk routes answer a bad line with a problem line inside a 200 stream (their contract), so a
#: schema-violating body is not refused as a whole there; every other check runs for them too.


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_does_what_the_openapi_document_says(case):
    checks = ALLE_CHECKS
    if case.operation.definition.raw.get("operationId") in STREAMS_MIT_ZEILENPROBLEMEN:
        checks = [c for c in ALLE_CHECKS if c.__name__ != "negative_data_rejection"]
    rolle = (
        "admin"
        if case.operation.path.startswith(("/keys", "/audit", "/api/v1/keys", "/api/v1/audit"))
        else "sachbearbeitung"
    )
    if case.operation.path.endswith("/kalender/fristen.ics"):  # HTTP Basic with the feed token, not a key:
        checks = [c for c in checks if c.__name__ != "positive_data_acceptance"]  # tests/register/test_fristen.py
    case.call_and_validate(checks=checks, headers={"Authorization": f"Bearer {SCHLUESSEL[rolle]}"})
