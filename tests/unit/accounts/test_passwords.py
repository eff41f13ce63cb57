"""The argon2 adapter keeps passwords as the product does; the unit tests sign in on a fake."""

from aicmo.accounts.internal.passwords import Argon2Passwords
from tests.fakes import FakePasswords

PASSWORD = "correct horse battery"


def test_argon2_keeps_a_salted_hash_that_checks_the_password_and_nothing_else():
    passwords = Argon2Passwords()

    kept, again = passwords.hash(PASSWORD), passwords.hash(PASSWORD)

    assert kept.startswith("$argon2id$") and PASSWORD not in kept and kept != again
    assert passwords.verify(PASSWORD, kept) and not passwords.verify("correct horse batterY", kept)
    assert not passwords.verify(PASSWORD, passwords.unknown_account_hash)


def test_the_fake_answers_as_argon2_does():
    passwords = FakePasswords()

    kept = passwords.hash(PASSWORD)

    assert PASSWORD not in kept and kept != passwords.hash(PASSWORD)
    assert passwords.verify(PASSWORD, kept) and not passwords.verify("correct horse batterY", kept)
    assert not passwords.verify(PASSWORD, passwords.unknown_account_hash)
