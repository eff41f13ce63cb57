"""The production module: import its public surface from aicmo.production.api."""
