"""The `aicmo` command line."""
