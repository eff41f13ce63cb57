"""the latest QC report of each run

Revision ID: 35dbe126a3fe
Revises: 9f4889ecf231
Create Date: 2026-11-26 02:56:09.250743
"""

from alembic import op
import sqlalchemy as sa


revision = "35dbe126a3fe"
down_revision = "9f4889ecf231"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orchestration_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("qc_run_id", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orchestration_runs", schema=None) as batch_op:
        batch_op.drop_column("qc_run_id")
