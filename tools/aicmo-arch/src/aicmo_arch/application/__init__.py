"""The use cases (check, snapshot, docs) and the ports they read the project through."""
