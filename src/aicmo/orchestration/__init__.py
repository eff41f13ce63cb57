"""The orchestration module: import its public surface from aicmo.orchestration.api."""
