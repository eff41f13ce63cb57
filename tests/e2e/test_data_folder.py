"""Where AICMO keeps its data, and who may read it: the user's data folder whatever the
current directory, files 0600 and folders 0700."""

import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_BRIEF

from .cli import AICMO

pytestmark = pytest.mark.e2e
LEADS = "email,first_name,company\r\njane@roastery.io,Jane,Roastery\r\nnot-an-address,Bo,X\r\n"
SEQUENCE = '- delay_days: 0\n  variants:\n    - {name: A, subject: "Hello", body: "Hi {{first_name}}"}\n'


def _aicmo(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The command as a user starts it from a shell whose umask lets others read new files."""
    return subprocess.run(
        [AICMO, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        preexec_fn=lambda: os.umask(0o022),
    )


def _user_env(tmp_path: Path) -> dict[str, str]:
    """A user with no AICMO_HOME: the data folder comes from XDG_DATA_HOME."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("AICMO_")}
    return {**env, "XDG_DATA_HOME": str(tmp_path / "xdg"), "COLUMNS": "200"}


def test_the_data_folder_does_not_depend_on_the_current_directory(tmp_path):
    env = _user_env(tmp_path)
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir(), elsewhere.mkdir()
    data = tmp_path / "xdg" / "aicmo"

    empty = _aicmo("runs", cwd=elsewhere, env=env)
    ran = _aicmo("run", str(EXAMPLE_BRIEF), "--auto-approve", cwd=here, env=env)
    listed = _aicmo("runs", cwd=elsewhere, env=env)
    doctor = _aicmo("doctor", cwd=elsewhere, env=env)

    assert f"no runs yet in {data}" in empty.stdout, empty.stdout + empty.stderr
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "Northwind" in listed.stdout and "DELIVERED" in listed.stdout
    assert f"home={data}" in doctor.stdout
    assert not (here / "var").exists() and not (elsewhere / "var").exists()


def test_every_data_file_is_private_to_its_owner(tmp_path):
    env = {**_user_env(tmp_path), "AICMO_HOME": str(tmp_path / "home")}
    (tmp_path / "leads.csv").write_text(LEADS, encoding="utf-8")
    (tmp_path / "steps.yaml").write_text(SEQUENCE, encoding="utf-8")
    out = tmp_path / "out"

    steps = [
        ("run", str(EXAMPLE_BRIEF), "--auto-approve", "--out", str(out)),
        ("cam", "campaign", "create", "Coffee", "--window", "00:00-23:59"),
        ("cam", "import", str(tmp_path / "leads.csv"), "--campaign", "Coffee"),
        ("cam", "sequence", "Coffee", str(tmp_path / "steps.yaml")),
        ("cam", "worker", "--once"),
    ]
    for args in steps:
        result = _aicmo(*args, cwd=tmp_path, env=env)
        assert result.returncode == 0, (args, result.stdout + result.stderr)

    written = [*(tmp_path / "home").rglob("*"), *out.rglob("*")]
    kinds = {path.suffix for path in written if path.is_file()}
    assert {".sqlite", ".eml", ".csv", ".pdf", ".zip", ".key"} <= kinds, kinds
    open_to_others = [
        f"{path} {stat.filemode(path.stat().st_mode)}"
        for path in [tmp_path / "home", *written]
        if path.stat().st_mode & 0o077
    ]
    assert open_to_others == []


def test_a_data_folder_an_older_version_left_open_is_closed(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    env = {**_user_env(tmp_path), "AICMO_HOME": str(home)}

    result = _aicmo("runs", cwd=tmp_path, env=env)

    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
