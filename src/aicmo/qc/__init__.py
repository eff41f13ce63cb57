"""The qc module: import its public surface from aicmo.qc.api."""
