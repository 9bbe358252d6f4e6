"""The ASGI application: JSON API under /api/v1, the web form at /, static files at /static.

``create_app(settings)`` does all start-up work eagerly, so that a test's ``TestClient(app)`` and
``ikz serve`` behave alike: it loads the rule set and the rate tables (a broken rule set stops the
start with ``UngueltigesRegelwerk``), opens the database (api/db/startup.py: SQLite is migrated to
the newest revision, PostgreSQL must be current — ``ikz db upgrade`` — or the start stops with
``SchemaNichtAktuell``) and — only with ``IKZ_DEMO`` — creates the demo organisation and users and,
when the database has no cases yet, loads the shipped examples into it (api/identity/demo.py,
api/seed.py), under the start-up lock, so that any number of workers may start at once.
Everything a later request needs is in the database (``app.state.session_factory`` for
transactions that write, ``app.state.read_session_factory`` for those that only read).

Access control (api/identity/): the stateless routers get the ``Computation`` dependency (open
while ``IKZ_OFFENE_BERECHNUNG``); the saved-case, share, audit and key routers declare their own
(api/deps.py). Middleware, outermost first: security headers, the Origin check against forged
cross-site requests, the body limit. The web pages stay open until phase 2 of issue 12.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from advisor.kosten import Istdaten
from advisor.kosten.satztabellen import SatztabelleDatei
from api import worker_pool
from api.access_log import hide_query_strings
from api.body_limit import BodyLimitMiddleware
from api.db.startup import open_database, startup_lock
from api.identity import oidc
from api.identity import web as identity_web
from api.identity.csrf import OriginCheckMiddleware, csrf_feld, sitzung_person
from api.identity.demo import ensure_demo
from api.identity.dependencies import computation_access
from api.identity.openapi_security import add_security
from api.identity.problems import install_identity_problem_handlers
from api.identity.rollen import Recht
from api.jsonout import CanonicalJSONResponse
from api.openapi import install_openapi
from api.problems import install_problem_handlers
from api.query_params import reject_unknown_query_parameters
from api.register import auswirkungen_routes, haushalt_routes, register_routes, satztabellen_routes
from api.register import web as register_web
from api.register.hintergrund import Auswirkungsarbeiter
from api.review import web as review_web
from api.review.problems import install_review_problem_handlers
from api.routers import (
    assessments,
    audit,
    batch,
    calculations,
    cases,
    catalogue,
    documents,
    drafts,
    keys,
    pruefung,
    rules,
    screenings,
    settlements,
    shares,
    vergleich,
)
from api.routers.calculations import KALKULATIONSANFRAGE_SCHEMA
from api.routers.settlements import ABRECHNUNGSANFRAGE_SCHEMA
from api.schemas import Fallliste, FallVersion, Problem, Versionsliste
from api.security_headers import SecurityHeadersMiddleware
from api.seed import seed_examples
from api.settings import Settings
from api.web import satztabellen as satztabellen_web
from api.web.render import ENVIRONMENT
from api.web.routes import router as web_router
from rules_loader import load_rate_tables, load_rules

API_PREFIX = "/api/v1"
STATIC_DIR = Path(__file__).resolve().parent / "static"

BESCHREIBUNG = """
Schnittstelle des IKZ-Beraters für Haushalts- und Finanzsoftware: § 2b UStG-Bewertung,
Kostenerstattung, Spitzabrechnung, Vereinbarungsentwurf (PDF/DOCX) und gespeicherte Fälle mit
Versionen. Eingaben als Fallakte `ikz-fallakte/1` in JSON oder YAML; Fehler als
`application/problem+json` (RFC 9457) mit deutschem `detail` und Feldpfad.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """On start, the re-assessment after a rule change (api/register/hintergrund.py); on shutdown,
    stop it, the worker processes (api/worker_pool.py) and the database connections (a worker
    stopping leaves none open)."""
    if app.state.settings.auswirkungen_im_hintergrund:
        app.state.auswirkungsarbeiter.starten()
    yield
    worker_pool.beenden()
    app.state.auswirkungsarbeiter.stoppen()
    app.state.database.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application (see the module docstring for what happens on start)."""
    settings = settings or Settings()
    app = FastAPI(
        title="IKZ-Berater",
        version="1",
        description=BESCHREIBUNG,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # served by api/identity/web.py with packaged assets (no CDN, no inline script)
        redoc_url=None,
        default_response_class=CanonicalJSONResponse,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.regelwerk = load_rules()
    app.state.satztabellen = load_rate_tables()
    database = open_database(settings.resolved_database_url())
    app.state.database = database
    app.state.engine = database.engine
    app.state.session_factory = database.sessions
    app.state.read_session_factory = database.read_sessions
    app.state.auswirkungsarbeiter = Auswirkungsarbeiter(app.state)
    if settings.demo:
        with startup_lock(database):
            demo_id = ensure_demo(database.sessions)
            if settings.seed_examples:
                seed_examples(
                    database.sessions, settings.examples_dir, app.state.regelwerk, app.state.satztabellen, demo_id
                )

    install_problem_handlers(app)
    install_identity_problem_handlers(app)
    install_review_problem_handlers(app)
    hide_query_strings()
    ENVIRONMENT.globals["csrf_feld"] = csrf_feld  # the hook templates use: {{ csrf_feld() }}
    ENVIRONMENT.globals["sitzung_person"] = sitzung_person  # the page header's sign-in status
    ENVIRONMENT.globals["rechte"] = Recht
    upload = screenings.upload_body_limit(settings.max_upload_bytes)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        route_limits={
            f"{API_PREFIX}/screenings": upload,
            "/screening": upload,
            f"{API_PREFIX}/assessments:batch": settings.max_batch_bytes,
            f"{API_PREFIX}/calculations:batch": settings.max_batch_bytes,
        },
    )
    app.add_middleware(OriginCheckMiddleware, settings=settings)
    app.add_middleware(SecurityHeadersMiddleware, settings=settings)

    known_query = Depends(reject_unknown_query_parameters)
    open_to_computation = [Depends(computation_access), known_query]
    for router in (
        assessments.router,
        calculations.router,
        settlements.router,
        batch.router,
        rules.router,
        catalogue.router,
    ):
        app.include_router(router, prefix=API_PREFIX, dependencies=open_to_computation)
    for router in (drafts.router, documents.router, screenings.router):  # their expensive routes add the rate limit
        app.include_router(router, prefix=API_PREFIX, dependencies=open_to_computation)
    for router in (
        cases.router,
        shares.router,
        audit.router,
        keys.router,
        pruefung.router,
        vergleich.router,
        haushalt_routes.router,
        satztabellen_routes.router,
        register_routes.router,
        auswirkungen_routes.router,
    ):  # each names its access
        app.include_router(router, prefix=API_PREFIX, dependencies=[known_query])
    app.include_router(identity_web.router)
    app.include_router(oidc.router)

    app.include_router(review_web.router)  # the review pages (issue 13), before the case pages
    app.include_router(web_router, include_in_schema=False)  # the web pages, /screening included (api/web/)
    app.include_router(register_web.router, include_in_schema=False)  # /register, /auswirkungen
    app.include_router(satztabellen_web.router, include_in_schema=False)  # the rate-table page /satztabellen
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    install_openapi(app, extra_schemas=_extra_schemas())
    add_security(app)
    return app


def _extra_schemas() -> dict[str, object]:
    """Components besides the contract documents: request envelopes, saved cases, problems."""
    return {
        "Istdaten": Istdaten,
        "Abrechnungsanfrage": ABRECHNUNGSANFRAGE_SCHEMA,
        "Satztabelle": SatztabelleDatei,
        "Kalkulationsanfrage": KALKULATIONSANFRAGE_SCHEMA,
        "Problem": Problem,
        "FallVersion": FallVersion,
        "Fallliste": Fallliste,
        "Versionsliste": Versionsliste,
        "Fallteilungsliste": shares.Fallteilungsliste,
        "Protokoll": audit.Protokoll,
        "Schluessel": keys.Schluessel,
        "Screeninganfrage": screenings.SCREENINGANFRAGE_SCHEMA,
    }
