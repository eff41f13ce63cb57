from pathlib import Path

import pytest
from pydantic import ValidationError

from aicmo.platform.settings import Settings


def test_defaults_put_everything_under_the_home_folder(monkeypatch):
    monkeypatch.delenv("AICMO_HOME")

    settings = Settings()

    assert settings.home == Path("var")
    assert settings.resolved_database_url == f"sqlite:///{Path('var/aicmo.sqlite').resolve()}"
    assert settings.durable_database_url.endswith("var/durable.sqlite")
    assert not settings.is_postgres


def test_environment_overrides_with_the_aicmo_prefix(monkeypatch, tmp_path):
    monkeypatch.setenv("AICMO_HOME", str(tmp_path))
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql+psycopg://127.0.0.1:5432/agency")
    monkeypatch.setenv("AICMO_LOG_LEVEL", "debug")
    monkeypatch.setenv("AICMO_LOG_FORMAT", "json")

    settings = Settings()

    assert settings.home == tmp_path
    assert settings.is_postgres
    assert settings.durable_database_url == "postgresql+psycopg://127.0.0.1:5432/agency"
    assert (settings.log_level, settings.log_format) == ("DEBUG", "json")


def test_an_unknown_log_format_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("AICMO_LOG_FORMAT", "xml")

    with pytest.raises(ValidationError, match="log_format"):
        Settings()
