"""The crash switch kills the process after the step it names, and only after that one."""

import subprocess
import sys

from aicmo.platform.crash_switch import CRASH_EXIT_CODE

SCRIPT = """
from aicmo.platform.crash_switch import CrashSwitch
switch = CrashSwitch({at!r})
switch.after("capture_brief")
print("past capture_brief", flush=True)
switch.after("generate_strategy")
print("past generate_strategy", flush=True)
"""


def run_with_switch(at: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT.format(at=at)], capture_output=True, text=True, timeout=60)


def test_the_process_dies_right_after_the_named_step():
    died = run_with_switch("generate_strategy")

    assert (died.returncode, died.stdout) == (CRASH_EXIT_CODE, "past capture_brief\n")


def test_an_unset_switch_lets_every_step_pass():
    lived = run_with_switch(None)

    assert (lived.returncode, lived.stdout) == (0, "past capture_brief\npast generate_strategy\n")
