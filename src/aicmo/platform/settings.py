"""Settings from the environment (prefix AICMO_), with defaults for the embedded setup."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

NO_AGENCY = (
    "AICMO_AGENCY_NAME is not set: the client documents name no agency (no 'Prepared by', no author); "
    'set it to your agency\'s name, e.g. AICMO_AGENCY_NAME="Brightside Agency"'
)
"""What `aicmo run` and `aicmo doctor` say while the agency is unnamed."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AICMO_", extra="ignore")

    home: Path = Field(
        default_factory=lambda: Path(user_data_dir("aicmo", appauthor=False)),
        description="Data folder: database, deliveries, logs; the user's data directory unless set.",
    )
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default is a SQLite file under AICMO_HOME."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"
    log_format: Literal["text", "json"] = "text"
    ownership_guard: bool = Field(default=True, description="Rule R5 at run time.")
    smtp_url: str | None = Field(
        default=None, description="smtp://user:password@host:port (smtps:// for TLS, ?starttls=1)."
    )
    smtp_timeout_seconds: float = Field(
        default=60.0, gt=0, description="The most one SMTP send may take, from connecting to the server's last reply."
    )
    imap_url: str | None = Field(
        default=None, description="imap[s]://user:password@host:port/MAILBOX: where replies to outreach arrive."
    )
    agency_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Your agency: author of the client documents and their 'Prepared by'; unset, they name no one.",
    )
    mail_from: str = Field(default="AICMO <aicmo@localhost>", description="Sender of deliveries and outreach.")
    webhook_secret: SecretStr | None = Field(default=None, description="Key of the HMAC-SHA256 webhook signature.")
    webhook_allow_private: bool = Field(
        default=False, description="Let webhooks reach loopback, link-local and private addresses."
    )
    webhook_timeout_seconds: float = Field(
        default=30.0, gt=0, description="The most one webhook attempt may take, answer included."
    )
    delivery_attempts: int = Field(default=4, ge=1, le=20, description="Tries per delivery target before it fails.")
    secret_key: SecretStr | None = Field(
        default=None, description="Signs unsubscribe links; generated into AICMO_HOME when unset."
    )
    public_url: str = Field(
        default="http://localhost:8000", description="Where recipients reach this installation (unsubscribe links)."
    )
    worker_concurrency: int = Field(default=4, ge=1, le=64, description="Runs one process executes at once.")
    executor_lease_seconds: float = Field(
        default=15.0,
        gt=0,
        description="A process (workflow executor or CAM worker) silent this long is taken for dead.",
    )
    crash_at: str | None = Field(default=None, description="Test switch: die right after this workflow step.")
    delivery_backoff_seconds: float = Field(
        default=1.0, ge=0, description="First wait between tries; doubles each time."
    )
    writer: Literal["template", "openai", "anthropic"] = Field(default="template", description="Who writes the copy.")
    llm_model: str | None = Field(default=None, description="Model name for the openai or anthropic writer.")
    llm_base_url: str | None = Field(
        default=None, description="An OpenAI- or Anthropic-compatible server; the provider's own when unset."
    )
    llm_api_key: SecretStr | None = Field(
        default=None, description="Key for the model server; else OPENAI_API_KEY / ANTHROPIC_API_KEY."
    )
    llm_timeout_seconds: float = Field(default=60.0, gt=0, description="Deadline of one model call.")
    llm_concurrency: int = Field(default=4, ge=1, le=64, description="Items one step writes at once.")
    llm_max_cost_per_run: float | None = Field(
        default=None, ge=0, description="USD; a run that reaches it stops and compensates."
    )
    llm_fallback: Literal["none", "template"] = Field(
        default="none", description="What an item the model cannot write falls back to."
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    def llm_key(self) -> str | None:
        """AICMO_LLM_API_KEY, or the provider's own variable (OPENAI_API_KEY, ANTHROPIC_API_KEY)."""
        if self.llm_api_key is not None:
            return self.llm_api_key.get_secret_value()
        return os.environ.get({"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}.get(self.writer, ""))

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'aicmo.sqlite').resolve()}"

    @property
    def is_postgres(self) -> bool:
        return self.resolved_database_url.startswith("postgresql")

    @property
    def durable_database_url(self) -> str:
        """Where DBOS keeps workflow state: beside the app database.

        On SQLite a file of its own (SQLite allows one writer per file); on Postgres the
        same database, in DBOS's own schema.
        """
        if self.is_postgres:
            return self.resolved_database_url
        return f"sqlite:///{(self.home / 'durable.sqlite').resolve()}"
