from aicmo.cam.internal.personalisation import personalise, unknown_tokens


def test_tokens_fill_from_the_lead_and_fall_back_gracefully():
    text = "Hi {{first_name}}, coffee for {{company|your office}}? {{title}}"

    assert personalise(text, {"first_name": "Jane", "company": "Acme"}) == "Hi Jane, coffee for Acme? "
    assert personalise(text, {"first_name": " ", "company": None}) == "Hi there, coffee for your office? "


def test_unknown_tokens_are_named():
    assert unknown_tokens("Hi {{first_name}} from {{city}} and {{ deal_size }}") == ["city", "deal_size"]
