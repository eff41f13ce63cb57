"""events: immutable outbox rows; strategy

Revision ID: bbe2700fe2f9
Revises: 8fad921217f7
Create Date: 2026-11-26 03:13:49.789302
"""

from alembic import op
import sqlalchemy as sa


revision = "bbe2700fe2f9"
down_revision = "8fad921217f7"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_strategy_outbox_status"))
        batch_op.create_index(batch_op.f("ix_strategy_outbox_occurred_at"), ["occurred_at"], unique=False)
        batch_op.drop_column("last_error")
        batch_op.drop_column("status")
        batch_op.drop_column("attempts")


def downgrade() -> None:
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.INTEGER(), nullable=False))
        batch_op.add_column(sa.Column("status", sa.VARCHAR(length=20), nullable=False))
        batch_op.add_column(sa.Column("last_error", sa.TEXT(), nullable=True))
        batch_op.drop_index(batch_op.f("ix_strategy_outbox_occurred_at"))
        batch_op.create_index(batch_op.f("ix_strategy_outbox_status"), ["status"], unique=False)
