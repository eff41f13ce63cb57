"""The delivery module: import its public surface from aicmo.delivery.api."""
