"""Accounts' private side: tables, storage, password hashing, use cases."""
