"""score per deliverable, waivers

Revision ID: 63c4ad6dcbd4
Revises: c345911961e7
Create Date: 2026-11-26 02:49:34.827038
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "63c4ad6dcbd4"
down_revision = "c345911961e7"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("qc_findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("waiver_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("waived_by", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("waived_at", UtcDateTime(), nullable=True))

    with op.batch_alter_table("qc_runs", schema=None) as batch_op:
        # Runs stored before this revision get empty scores; their findings are unchanged.
        batch_op.add_column(sa.Column("scores", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch_op.add_column(sa.Column("thresholds", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch_op.add_column(sa.Column("items", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.drop_column("threshold")


def downgrade() -> None:
    with op.batch_alter_table("qc_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("threshold", sa.INTEGER(), nullable=False, server_default=sa.text("70")))
        batch_op.drop_column("items")
        batch_op.drop_column("thresholds")
        batch_op.drop_column("scores")

    with op.batch_alter_table("qc_findings", schema=None) as batch_op:
        batch_op.drop_column("waived_at")
        batch_op.drop_column("waived_by")
        batch_op.drop_column("waiver_reason")
