"""lead scores and grades

Revision ID: 641f8a5250ad
Revises: 609559b5f626
Create Date: 2026-11-26 03:54:20.370007
"""

from alembic import op
import sqlalchemy as sa


revision = "641f8a5250ad"
down_revision = "609559b5f626"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        # Leads imported before scoring start unscored (0, D) until they next move.
        batch_op.add_column(sa.Column("score", sa.Integer(), nullable=False, server_default=sa.text("0")))
        batch_op.add_column(sa.Column("grade", sa.String(length=1), nullable=False, server_default=sa.text("'D'")))
        batch_op.add_column(sa.Column("score_reasons", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.create_index(batch_op.f("ix_cam_leads_grade"), ["grade"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_leads_grade"))
        batch_op.drop_column("score_reasons")
        batch_op.drop_column("grade")
        batch_op.drop_column("score")
