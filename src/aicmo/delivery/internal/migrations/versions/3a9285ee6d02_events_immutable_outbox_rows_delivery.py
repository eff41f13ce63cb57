"""events: immutable outbox rows; delivery

Revision ID: 3a9285ee6d02
Revises: 31b522588512
Create Date: 2026-11-26 03:13:58.918384
"""

from alembic import op
import sqlalchemy as sa


revision = "3a9285ee6d02"
down_revision = "31b522588512"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_outbox_status"))
        batch_op.create_index(batch_op.f("ix_delivery_outbox_occurred_at"), ["occurred_at"], unique=False)
        batch_op.drop_column("status")
        batch_op.drop_column("last_error")
        batch_op.drop_column("attempts")


def downgrade() -> None:
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.INTEGER(), nullable=False))
        batch_op.add_column(sa.Column("last_error", sa.TEXT(), nullable=True))
        batch_op.add_column(sa.Column("status", sa.VARCHAR(length=20), nullable=False))
        batch_op.drop_index(batch_op.f("ix_delivery_outbox_occurred_at"))
        batch_op.create_index(batch_op.f("ix_delivery_outbox_status"), ["status"], unique=False)
