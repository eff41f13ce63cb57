"""R6: the allowlist is exact, never stale, and never grows."""

import subprocess

from aicmo_arch.domain.rules.allowlist import CRITICAL

EMPTY = "max_entries = 0\nentries = []"
LEAK = "\n\ndef leak(connection):\n    connection.exec_driver_sql('DELETE FROM qc_runs')\n"


def set_allowlist(project, text: str) -> None:
    path = project.root / "pyproject.toml"
    path.write_text(path.read_text().replace(EMPTY, text))


def allowlist_messages(project) -> list[str]:
    return [f"{f.message} — {f.fix}" for f in project.findings() if f.rule == "ARCH-R6-ALLOWLIST"]


def test_an_exact_entry_silences_its_finding(project):
    project.append("operator/cli/doctor.py", LEAK)
    set_allowlist(
        project,
        "max_entries = 1\n"
        'entries = [{rule = "ARCH-R3-WRITE", file = "src/aicmo/operator/cli/doctor.py", target = "qc_runs"}]',
    )

    assert project.findings() == []


def test_a_stale_entry_fails_with_the_critical_message(project):
    set_allowlist(
        project,
        "max_entries = 1\n"
        'entries = [{rule = "ARCH-R3-WRITE", file = "src/aicmo/qc/internal/service.py", target = "strategy_versions"}]',
    )

    [message] = allowlist_messages(project)
    assert "stale allowlist entry" in message and CRITICAL in message


def test_a_new_entry_beyond_the_maximum_fails(project):
    project.append("operator/cli/doctor.py", LEAK)
    set_allowlist(
        project,
        "max_entries = 0\n"
        'entries = [{rule = "ARCH-R3-WRITE", file = "src/aicmo/operator/cli/doctor.py", target = "qc_runs"}]',
    )

    [message] = allowlist_messages(project)
    assert "has 1 entries but its maximum is 0" in message and CRITICAL in message


def test_raising_the_committed_maximum_fails(project):
    git = ["git", "-C", str(project.root), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "pyproject.toml"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    set_allowlist(project, "max_entries = 3\nentries = []")

    [message] = allowlist_messages(project)
    assert "max_entries went up from 0 to 3" in message and CRITICAL in message
