"""The creatives module: import its public surface from aicmo.creatives.api."""
