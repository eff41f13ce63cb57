"""events: outbox positions; qc

Revision ID: 35dcaf5d131b
Revises: 71c6d09b3ddb
Create Date: 2026-11-26 16:24:10.516216
"""

from alembic import op
import sqlalchemy as sa


revision = "35dcaf5d131b"
down_revision = "71c6d09b3ddb"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE qc_outbox SET position = (SELECT count(*) FROM qc_outbox AS earlier"
        " WHERE earlier.occurred_at < qc_outbox.occurred_at"
        " OR (earlier.occurred_at = qc_outbox.occurred_at AND earlier.id <= qc_outbox.id))"
    )
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_qc_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_qc_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_qc_outbox_position"), type_="unique")
        batch_op.drop_index("ix_qc_outbox_event_type_position")
        batch_op.drop_column("position")
