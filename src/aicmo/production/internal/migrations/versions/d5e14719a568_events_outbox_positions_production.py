"""events: outbox positions; production

Revision ID: d5e14719a568
Revises: f44c264a57b1
Create Date: 2026-11-26 16:24:10.516120
"""

from alembic import op
import sqlalchemy as sa


revision = "d5e14719a568"
down_revision = "f44c264a57b1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE production_outbox SET position = (SELECT count(*) FROM production_outbox AS earlier"
        " WHERE earlier.occurred_at < production_outbox.occurred_at"
        " OR (earlier.occurred_at = production_outbox.occurred_at AND earlier.id <= production_outbox.id))"
    )
    with op.batch_alter_table("production_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_production_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_production_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("production_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_production_outbox_position"), type_="unique")
        batch_op.drop_index("ix_production_outbox_event_type_position")
        batch_op.drop_column("position")
