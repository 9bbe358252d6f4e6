"""The server's settings: one pydantic-settings class, read from ``IKZ_*`` environment variables.

``IKZ_DATABASE_URL``   SQLAlchemy URL; default: a SQLite file ``ikz.sqlite`` in the data directory
``IKZ_DATA_DIR``       data directory (default: ``<repo>/var``), created on first start
``IKZ_SEED_EXAMPLES``  with ``IKZ_DEMO``: load the shipped examples into the demo organisation
                       (default: true; without ``IKZ_DEMO`` nothing is seeded)
``IKZ_MAX_BODY_BYTES`` largest accepted request body (default: 2 MB; larger → 413)
``IKZ_MAX_DOCUMENT_NODES`` largest number of values in a parsed document (default: 200 000)

Identity and security (docs/betrieb.md explains each for operators):

``IKZ_DEMO``               create the demo organisation and two demo users (``make run``); never
                           in production (default: false)
``IKZ_OFFENE_BERECHNUNG``  stateless endpoints (rules, catalogue, assessments, calculations,
                           settlements, drafts, screenings) answer without credentials (default: true)
``IKZ_PUBLIC_URL``         the address users reach the server at (``https://ikz.kreis.de``): the
                           origin a browser's ``Origin`` must match; default: the request's Host
``IKZ_TRUST_PROXY_HEADERS`` honour ``X-Forwarded-Proto``/``-For`` of a reverse proxy (default: false)
``IKZ_SESSION_HOURS`` / ``IKZ_SESSION_IDLE_MINUTES`` sign-in lifetime and idle timeout (10 h / 60 min)
``IKZ_LOGIN_MAX_FAILURES`` / ``IKZ_LOGIN_LOCK_MINUTES`` lock-out (5 failures → 15 min)
``IKZ_RATE_LIMIT_LOGIN`` / ``IKZ_RATE_LIMIT_EXPENSIVE`` requests per minute and client (10 / 60)
``IKZ_API_KEY_CACHE_SECONDS`` how long a key lookup is cached per process (default: 10)
``IKZ_IDEMPOTENCY_HOURS``  how long an Idempotency-Key is remembered (default: 24)
``IKZ_OIDC_ISSUER``, ``IKZ_OIDC_CLIENT_ID``, ``IKZ_OIDC_CLIENT_SECRET``, ``IKZ_OIDC_ROLLEN_CLAIM``
                           (default claim: ``rollen``), ``IKZ_OIDC_ORGANISATION`` (Kennung for every
                           user of the provider) or ``IKZ_OIDC_ORGANISATION_CLAIM`` (claim carrying
                           the Kennung) — single sign-on (api/identity/oidc.py)
``IKZ_BARRIEREFREIHEIT_KONTAKT`` the operator's contact for accessibility feedback (shown on
                       /barrierefreiheit, as BITV 2.0 requires; a notice asks for it while unset)
``IKZ_BARRIEREFREIHEIT_DURCHSETZUNG`` the enforcement body responsible for the operator (Land)
``IKZ_MAX_UPLOAD_BYTES`` largest inventory file for ``POST /api/v1/screenings`` and ``/screening``
                       (default: 50 MB; the body may exceed it by the multipart envelope, 1 MiB)
``IKZ_READ_TIMEOUT_SECONDS`` time allowed for reading and checking one inventory (default: 120)
``IKZ_MAX_BATCH_BYTES`` largest NDJSON body of the bulk routes ``…:batch`` (default: 64 MiB)
``IKZ_MAX_BATCH_LINES`` most case files in one bulk request (default: 10 000)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_DIR = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Everything the server can be configured with; nothing else reads the environment."""

    model_config = SettingsConfigDict(env_prefix="IKZ_", extra="ignore", frozen=True)

    data_dir: Path = REPO_DIR / "var"
    database_url: str | None = None
    seed_examples: bool = True
    examples_dir: Path = REPO_DIR / "examples"
    max_body_bytes: int = Field(default=2 * 1024 * 1024, gt=0)
    #: Bounds the work a document may cause after parsing (YAML aliases can multiply a small text).
    max_document_nodes: int = Field(default=200_000, gt=0)
    #: Contact for feedback on accessibility (address, e-mail, phone), per the operating body.
    barrierefreiheit_kontakt: str = ""
    #: The body that enforces accessibility for the operator (depends on the Land).
    barrierefreiheit_durchsetzung: str = ""

    demo: bool = False
    offene_berechnung: bool = True
    public_url: str | None = None
    trust_proxy_headers: bool = False
    session_hours: float = Field(default=10, gt=0, le=24 * 30)
    session_idle_minutes: float = Field(default=60, gt=0)
    login_max_failures: int = Field(default=5, ge=1)
    login_lock_minutes: float = Field(default=15, ge=0)
    rate_limit_login: int = Field(default=10, ge=1)
    rate_limit_expensive: int = Field(default=60, ge=1)
    api_key_cache_seconds: float = Field(default=10, ge=0, le=300)
    idempotency_hours: float = Field(default=24, gt=0)
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_rollen_claim: str = "rollen"
    oidc_organisation: str | None = None
    oidc_organisation_claim: str | None = None

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

    #: Processes per server process for rendering documents and screening uploads (api/worker_pool.py);
    #: 0: in a thread pool of the server process.
    worker_processes: int = Field(default=2, ge=0, le=64)
    max_upload_bytes: int = Field(default=50_000_000, gt=0)
    read_timeout_seconds: float = Field(default=120.0, gt=0)
    max_batch_bytes: int = Field(default=64 * 1024 * 1024, gt=0)
    max_batch_lines: int = Field(default=10_000, gt=0)
    #: Re-assess stored cases after a rule change in a background thread of each server process
    #: (api/register/hintergrund.py); off: only ``POST /api/v1/auswirkungen`` … and an explicit run.
    auswirkungen_im_hintergrund: bool = True

    def resolved_database_url(self) -> str:
        """The database URL to use: the explicit one, or the SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'ikz.sqlite').as_posix()}"
