"""`aicmo-arch`: the command line (check, snapshot, docs, import-linter)."""
