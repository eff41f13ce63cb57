"""The installation's secret key under processes that start at once, and refused when empty."""

import multiprocessing
from pathlib import Path

import pytest

from aicmo.kernel.errors import InvalidInput
from aicmo.platform.secrets import secret_key
from aicmo.platform.settings import Settings
from tests.e2e.cli import aicmo

PROCESSES = 8
ROUNDS = 15


def _read_key(home: str, start, keys) -> None:  # noqa: ANN001 - multiprocessing proxies
    start.wait()
    try:
        keys.put(secret_key(Settings(home=Path(home))).decode())
    except Exception as error:  # noqa: BLE001 - the parent asserts on what came back
        keys.put(f"{type(error).__name__}: {error}")


def test_processes_that_start_at_once_share_one_key(tmp_path):
    context = multiprocessing.get_context("fork")
    for round_ in range(ROUNDS):
        home = tmp_path / f"home{round_}"
        start, keys = context.Barrier(PROCESSES), context.Queue()
        processes = [context.Process(target=_read_key, args=(str(home), start, keys)) for _ in range(PROCESSES)]
        for process in processes:
            process.start()
        seen = {keys.get(timeout=60) for _ in processes}
        for process in processes:
            process.join(timeout=60)

        assert seen == {(home / "secret.key").read_text()}, seen
        assert len(seen.pop()) == 64
        assert [p.name for p in home.iterdir()] == ["secret.key"], "no draft left behind"


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_secret_key_setting_is_refused(tmp_path, value):
    with pytest.raises(InvalidInput, match="AICMO_SECRET_KEY is empty"):
        secret_key(Settings(home=tmp_path, secret_key=value))


def test_an_empty_key_file_is_refused_with_one_line(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "secret.key").write_text(" \n")

    result = aicmo("runs", env={"AICMO_HOME": str(home)})

    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"error: {home / 'secret.key'} is empty: delete it to have a new key generated, or set AICMO_SECRET_KEY"
    )


def test_an_empty_secret_key_variable_is_refused_with_one_line(tmp_path):
    result = aicmo("runs", env={"AICMO_HOME": str(tmp_path / "home"), "AICMO_SECRET_KEY": ""})

    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: AICMO_SECRET_KEY is empty")
    assert len(result.stderr.strip().splitlines()) == 1
