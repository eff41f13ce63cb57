"""The gateways module: import its public surface from aicmo.gateways.api."""
