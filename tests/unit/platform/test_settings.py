import pytest
from pydantic import ValidationError

from aicmo.platform.settings import Settings


def test_defaults_put_everything_under_the_users_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("AICMO_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    settings = Settings()

    assert settings.home == tmp_path / "aicmo"
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'aicmo' / 'aicmo.sqlite'}"
    assert settings.durable_database_url.endswith("aicmo/durable.sqlite")
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
