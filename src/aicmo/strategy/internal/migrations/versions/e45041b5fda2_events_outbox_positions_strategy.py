"""events: outbox positions; strategy

Revision ID: e45041b5fda2
Revises: bbe2700fe2f9
Create Date: 2026-11-26 16:24:10.516023
"""

from alembic import op
import sqlalchemy as sa


revision = "e45041b5fda2"
down_revision = "bbe2700fe2f9"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE strategy_outbox SET position = (SELECT count(*) FROM strategy_outbox AS earlier"
        " WHERE earlier.occurred_at < strategy_outbox.occurred_at"
        " OR (earlier.occurred_at = strategy_outbox.occurred_at AND earlier.id <= strategy_outbox.id))"
    )
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_strategy_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_strategy_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_strategy_outbox_position"), type_="unique")
        batch_op.drop_index("ix_strategy_outbox_event_type_position")
        batch_op.drop_column("position")
