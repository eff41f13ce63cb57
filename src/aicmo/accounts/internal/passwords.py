"""How a password is kept: the PasswordHasher port and its argon2 adapter (pwdlib)."""

from __future__ import annotations

from functools import cached_property
from typing import Protocol

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password: str, stored_hash: str) -> bool: ...

    @property
    def unknown_account_hash(self) -> str:
        """Checked against when the account does not exist, so a wrong email takes as long as
        a wrong password."""
        ...


class Argon2Passwords:
    def __init__(self) -> None:
        self._hasher = PasswordHash((Argon2Hasher(),))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password: str, stored_hash: str) -> bool:
        return self._hasher.verify(password, stored_hash)

    @cached_property
    def unknown_account_hash(self) -> str:
        """Made on first use: a command that signs nobody in does not pay for a hash."""
        return self._hasher.hash("a password no account has")
