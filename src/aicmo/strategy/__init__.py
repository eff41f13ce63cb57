"""The strategy module: import its public surface from aicmo.strategy.api."""
