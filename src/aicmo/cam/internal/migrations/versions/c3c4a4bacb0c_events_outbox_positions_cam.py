"""events: outbox positions; cam

Revision ID: c3c4a4bacb0c
Revises: 3bff3b93c332
Create Date: 2026-11-26 16:24:10.516407
"""

from alembic import op
import sqlalchemy as sa


revision = "c3c4a4bacb0c"
down_revision = "3bff3b93c332"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cam_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE cam_outbox SET position = (SELECT count(*) FROM cam_outbox AS earlier"
        " WHERE earlier.occurred_at < cam_outbox.occurred_at"
        " OR (earlier.occurred_at = cam_outbox.occurred_at AND earlier.id <= cam_outbox.id))"
    )
    with op.batch_alter_table("cam_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_cam_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_cam_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("cam_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_cam_outbox_position"), type_="unique")
        batch_op.drop_index("ix_cam_outbox_event_type_position")
        batch_op.drop_column("position")
