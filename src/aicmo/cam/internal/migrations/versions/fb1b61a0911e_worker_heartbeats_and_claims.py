"""worker heartbeats and claims

Revision ID: fb1b61a0911e
Revises: 65a680f3cbcc
Create Date: 2026-11-26 05:11:16.212090
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "fb1b61a0911e"
down_revision = "65a680f3cbcc"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cam_workers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("last_seen", UtcDateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("cycles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_workers")),
    )
    with op.batch_alter_table("cam_workers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_workers_last_seen"), ["last_seen"], unique=False)

    with op.batch_alter_table("cam_sends", schema=None) as batch_op:
        batch_op.add_column(sa.Column("worker_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_cam_sends_worker_id"), ["worker_id"], unique=False)
    # A send left 'sending' by a crash becomes a claim without a worker: the next cycle releases it.
    op.execute("UPDATE cam_sends SET status = 'claimed' WHERE status = 'sending'")


def downgrade() -> None:
    op.execute("UPDATE cam_sends SET status = 'sending' WHERE status = 'claimed'")
    with op.batch_alter_table("cam_sends", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_sends_worker_id"))
        batch_op.drop_column("worker_id")

    with op.batch_alter_table("cam_workers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_workers_last_seen"))

    op.drop_table("cam_workers")
