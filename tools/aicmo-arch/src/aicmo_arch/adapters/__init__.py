"""The ports implemented on the file system, git, Python's import system and sqlglot."""
