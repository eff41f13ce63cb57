"""`aicmo doctor` checks a model writer: a key or a local server, the server answering,
the model listed; each failure names the setting to fix."""

import pytest

from tests.local_servers import free_port
from stand_ins.model_server import ModelServer

from .cli import aicmo


@pytest.fixture
def home(tmp_path) -> dict[str, str]:
    env = {"AICMO_HOME": str(tmp_path / "home")}
    assert aicmo("db", "upgrade", env=env).returncode == 0
    return env


def _base_url(server: ModelServer, provider: str) -> str:
    return server.base_url if provider == "openai" else server.root_url


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_a_server_that_lists_the_model_passes_every_writer_check(home, provider):
    with ModelServer() as server:
        env = {
            **home,
            "AICMO_WRITER": provider,
            "AICMO_LLM_BASE_URL": _base_url(server, provider),
            "AICMO_LLM_MODEL": "gpt-4o-mini",
        }
        result = aicmo("doctor", env=env)

    assert result.returncode == 0, result.stdout
    assert "ok   model key: none set;" in result.stdout
    assert "ok   model server reachable:" in result.stdout and "lists 3 model(s)" in result.stdout
    assert "ok   model listed: gpt-4o-mini" in result.stdout


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_a_model_the_server_does_not_list_is_named_with_what_it_lists(home, provider):
    with ModelServer() as server:
        env = {
            **home,
            "AICMO_WRITER": provider,
            "AICMO_LLM_BASE_URL": _base_url(server, provider),
            "AICMO_LLM_MODEL": "gpt-5-huge",
            "AICMO_LLM_API_KEY": "k",
        }
        result = aicmo("doctor", env=env)

    assert result.returncode == 1
    assert "ok   model key: AICMO_LLM_API_KEY is set" in result.stdout
    assert (
        "fail model listed: the server does not list 'gpt-5-huge'"
        " — fix: set AICMO_LLM_MODEL to one of: local-model, gpt-4o-mini" in result.stdout
    )


@pytest.mark.parametrize("provider", ["openai", "anthropic"])
def test_a_closed_port_fails_reachability_with_the_setting_and_skips_the_model_check(home, provider):
    env = {
        **home,
        "AICMO_WRITER": provider,
        "AICMO_LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1",
        "AICMO_LLM_MODEL": "gpt-4o-mini",
    }

    result = aicmo("doctor", env=env)

    assert result.returncode == 1
    assert "fail model server reachable: no model server answers at" in result.stdout
    assert "fix: check AICMO_LLM_BASE_URL" in result.stdout
    assert "model listed" not in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_no_key_and_no_server_names_both_settings(home):
    env = {
        **home,
        "AICMO_WRITER": "openai",
        "AICMO_LLM_MODEL": "gpt-4o-mini",
        "OPENAI_API_KEY": "",
        "AICMO_LLM_BASE_URL": "",
    }

    result = aicmo("doctor", env=env)

    assert result.returncode == 1
    assert (
        "fail model key: no key and no server set"
        " — fix: set AICMO_LLM_API_KEY (or OPENAI_API_KEY), or point AICMO_LLM_BASE_URL at a local server"
        in result.stdout
    )


def test_the_template_writer_needs_no_model_server(home):
    result = aicmo("doctor", env={**home, "AICMO_WRITER": "template"})

    assert result.returncode == 0 and "ok   writer: template (offline, no model server)" in result.stdout
