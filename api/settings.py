"""The server's settings: one pydantic-settings class, read from ``IKZ_*`` environment variables.

``IKZ_DATABASE_URL``   SQLAlchemy URL; default: a SQLite file ``ikz.sqlite`` in the data directory
``IKZ_DATA_DIR``       data directory (default: ``<repo>/var``), created on first start
``IKZ_SEED_EXAMPLES``  load the shipped examples into an empty database on start (default: true)
``IKZ_MAX_BODY_BYTES`` largest accepted request body (default: 2 MB; larger → 413)
``IKZ_MAX_DOCUMENT_NODES`` largest number of values in a parsed document (default: 200 000)
``IKZ_MAX_UPLOAD_BYTES`` largest inventory file for ``POST /api/v1/screenings`` and ``/screening``
                       (default: 50 MB; the body may exceed it by the multipart envelope, 1 MiB)
``IKZ_READ_TIMEOUT_SECONDS`` time allowed for reading and checking one inventory (default: 120)
``IKZ_MAX_BATCH_BYTES`` largest NDJSON body of the bulk routes ``…:batch`` (default: 64 MiB)
``IKZ_MAX_BATCH_LINES`` most case files in one bulk request (default: 10 000)
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
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
    max_upload_bytes: int = Field(default=50_000_000, gt=0)
    read_timeout_seconds: float = Field(default=120.0, gt=0)
    max_batch_bytes: int = Field(default=64 * 1024 * 1024, gt=0)
    max_batch_lines: int = Field(default=10_000, gt=0)

    def resolved_database_url(self) -> str:
        """The database URL to use: the explicit one, or the SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'ikz.sqlite').as_posix()}"
