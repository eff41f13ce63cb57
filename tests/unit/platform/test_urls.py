from aicmo.platform.urls import without_password


def test_the_password_of_a_url_is_masked_and_nothing_else():
    assert (
        without_password("postgresql+psycopg://app:pa:ss@word@db:5432/aicmo")
        == "postgresql+psycopg://app:***@db:5432/aicmo"
    )
    assert without_password("smtps://:token@mail.example.org") == "smtps://:***@mail.example.org"
    assert without_password("https://client.example.org:8443/a:b@c") == "https://client.example.org:8443/a:b@c"
    assert without_password("imap://replies@127.0.0.1/INBOX") == "imap://replies@127.0.0.1/INBOX"
