"""events: immutable outbox rows; orchestration

Revision ID: 9a0122473b4d
Revises: 35dbe126a3fe
Create Date: 2026-11-26 03:14:01.939201
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "9a0122473b4d"
down_revision = "35dbe126a3fe"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orchestration_event_deliveries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("subscriber", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orchestration_event_deliveries")),
        sa.UniqueConstraint("event_id", "subscriber", name=op.f("uq_orchestration_event_deliveries_event_id")),
    )
    with op.batch_alter_table("orchestration_event_deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orchestration_event_deliveries_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_orchestration_event_deliveries_status"), ["status"], unique=False)

    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_outbox_status"))
        batch_op.create_index(batch_op.f("ix_orchestration_outbox_occurred_at"), ["occurred_at"], unique=False)
        batch_op.drop_column("attempts")
        batch_op.drop_column("status")
        batch_op.drop_column("last_error")


def downgrade() -> None:
    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_error", sa.TEXT(), nullable=True))
        batch_op.add_column(sa.Column("status", sa.VARCHAR(length=20), nullable=False))
        batch_op.add_column(sa.Column("attempts", sa.INTEGER(), nullable=False))
        batch_op.drop_index(batch_op.f("ix_orchestration_outbox_occurred_at"))
        batch_op.create_index(batch_op.f("ix_orchestration_outbox_status"), ["status"], unique=False)

    with op.batch_alter_table("orchestration_event_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_event_deliveries_status"))
        batch_op.drop_index(batch_op.f("ix_orchestration_event_deliveries_event_id"))

    op.drop_table("orchestration_event_deliveries")
