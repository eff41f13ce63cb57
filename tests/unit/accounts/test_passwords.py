"""The fake the unit tests sign in on answers as the argon2 adapter does
(tests/integration/test_argon2_passwords.py), for a fraction of its cost."""

from tests.fakes import FakePasswords

PASSWORD = "correct horse battery"


def test_the_fake_answers_as_argon2_does():
    passwords = FakePasswords()

    kept = passwords.hash(PASSWORD)

    assert PASSWORD not in kept and kept != passwords.hash(PASSWORD)
    assert passwords.verify(PASSWORD, kept) and not passwords.verify("correct horse batterY", kept)
    assert not passwords.verify(PASSWORD, passwords.unknown_account_hash)
