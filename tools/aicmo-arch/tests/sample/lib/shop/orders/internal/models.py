"""The tables of orders."""

from sqlalchemy.orm import Mapped, mapped_column

from shop.kernel.tables import module_base

Base = module_base("orders")


class Row(Base):
    __tablename__ = "orders_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
