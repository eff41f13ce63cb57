"""events: immutable outbox rows; qc

Revision ID: 71c6d09b3ddb
Revises: ee61f25a36f7
Create Date: 2026-11-26 03:13:56.072427
"""

from alembic import op
import sqlalchemy as sa


revision = "71c6d09b3ddb"
down_revision = "ee61f25a36f7"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_outbox_status"))
        batch_op.create_index(batch_op.f("ix_qc_outbox_occurred_at"), ["occurred_at"], unique=False)
        batch_op.drop_column("status")
        batch_op.drop_column("last_error")
        batch_op.drop_column("attempts")


def downgrade() -> None:
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.INTEGER(), nullable=False))
        batch_op.add_column(sa.Column("last_error", sa.TEXT(), nullable=True))
        batch_op.add_column(sa.Column("status", sa.VARCHAR(length=20), nullable=False))
        batch_op.drop_index(batch_op.f("ix_qc_outbox_occurred_at"))
        batch_op.create_index(batch_op.f("ix_qc_outbox_status"), ["status"], unique=False)
