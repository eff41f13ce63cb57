import uuid

import pytest
from pydantic import BaseModel

from aicmo.kernel.ids import TypedId


class OrderId(TypedId):
    pass


class InvoiceId(TypedId):
    pass


class Order(BaseModel):
    order_id: OrderId


def test_new_ids_are_distinct_and_say_what_they_identify():
    first, second = OrderId.new(), OrderId.new()

    assert first != second
    assert repr(first) == f"OrderId('{first}')"
    assert isinstance(first, uuid.UUID)


def test_parse_accepts_text_and_uuids():
    raw = uuid.uuid4()

    assert OrderId.parse(str(raw)) == raw
    assert OrderId.parse(raw) == raw
    assert type(OrderId.parse(f"  {raw} ")) is OrderId


def test_parse_keeps_an_id_of_its_own_type_and_retypes_another_kind():
    order_id = OrderId.new()

    invoice_id = InvoiceId.parse(order_id)

    assert OrderId.parse(order_id) is order_id
    assert type(invoice_id) is InvoiceId and invoice_id == order_id


def test_parse_error_names_the_id_type():
    with pytest.raises(ValueError, match="not a valid OrderId"):
        OrderId.parse("not-a-uuid")


def test_pydantic_models_validate_and_dump_typed_ids():
    raw = uuid.uuid4()

    order = Order.model_validate({"order_id": str(raw)})

    assert type(order.order_id) is OrderId
    assert order.model_dump(mode="json") == {"order_id": str(raw)}
    assert Order.model_json_schema()["properties"]["order_id"]["format"] == "uuid"
