"""The tables of billing."""

from sqlalchemy.orm import Mapped, mapped_column

from shop.kernel.tables import module_base

Base = module_base("billing")


class Row(Base):
    __tablename__ = "billing_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
