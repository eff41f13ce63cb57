"""The argon2 adapter keeps passwords as the product does: each hash costs about 0.1 s by design."""

from aicmo.accounts.internal.passwords import Argon2Passwords

PASSWORD = "correct horse battery"


def test_argon2_keeps_a_salted_hash_that_checks_the_password_and_nothing_else():
    passwords = Argon2Passwords()

    kept, again = passwords.hash(PASSWORD), passwords.hash(PASSWORD)

    assert kept.startswith("$argon2id$") and PASSWORD not in kept and kept != again
    assert passwords.verify(PASSWORD, kept) and not passwords.verify("correct horse batterY", kept)
    assert not passwords.verify(PASSWORD, passwords.unknown_account_hash)
