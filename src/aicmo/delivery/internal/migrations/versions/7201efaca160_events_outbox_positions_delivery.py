"""events: outbox positions; delivery

Revision ID: 7201efaca160
Revises: 3a9285ee6d02
Create Date: 2026-11-26 16:24:10.516308
"""

from alembic import op
import sqlalchemy as sa


revision = "7201efaca160"
down_revision = "3a9285ee6d02"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE delivery_outbox SET position = (SELECT count(*) FROM delivery_outbox AS earlier"
        " WHERE earlier.occurred_at < delivery_outbox.occurred_at"
        " OR (earlier.occurred_at = delivery_outbox.occurred_at AND earlier.id <= delivery_outbox.id))"
    )
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_delivery_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_delivery_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_delivery_outbox_position"), type_="unique")
        batch_op.drop_index("ix_delivery_outbox_event_type_position")
        batch_op.drop_column("position")
