"""idempotency keys of workflow steps

Revision ID: ee61f25a36f7
Revises: 63c4ad6dcbd4
Create Date: 2026-11-26 03:04:21.674940
"""

from alembic import op
import sqlalchemy as sa


revision = "ee61f25a36f7"
down_revision = "63c4ad6dcbd4"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("qc_runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_key", sa.String(length=200), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_qc_runs_request_key"), ["request_key"])


def downgrade() -> None:
    with op.batch_alter_table("qc_runs", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_qc_runs_request_key"), type_="unique")
        batch_op.drop_column("request_key")
