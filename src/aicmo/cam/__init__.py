"""The cam module: import its public surface from aicmo.cam.api."""
