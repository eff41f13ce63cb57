"""A PasswordHasher as cheap as a hash can be: tests that create users and sign in many
times stay fast. It keeps a salted digest, never the password itself, as argon2 does."""

from __future__ import annotations

import hashlib
import secrets


class FakePasswords:
    unknown_account_hash = "fake$-$-"

    def hash(self, password: str) -> str:
        salt = secrets.token_hex(4)
        return f"fake${salt}${self._digest(salt, password)}"

    def verify(self, password: str, stored_hash: str) -> bool:
        _, salt, digest = stored_hash.split("$")
        return secrets.compare_digest(self._digest(salt, password), digest)

    @staticmethod
    def _digest(salt: str, password: str) -> str:
        return hashlib.sha256(f"{salt}:{password}".encode()).hexdigest()
