"""reply timeout

Revision ID: 3bff3b93c332
Revises: fb1b61a0911e
Create Date: 2026-11-26 05:26:53.952827
"""

from alembic import op
import sqlalchemy as sa


revision = "3bff3b93c332"
down_revision = "fb1b61a0911e"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cam_campaigns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reply_timeout_days", sa.Integer(), server_default="14", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("cam_campaigns", schema=None) as batch_op:
        batch_op.drop_column("reply_timeout_days")
