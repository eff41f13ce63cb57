"""`python -m aicmo` is the `aicmo` command."""

from aicmo.operator.cli.main import run

run()
