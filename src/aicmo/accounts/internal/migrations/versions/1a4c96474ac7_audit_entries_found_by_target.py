"""audit entries found by target

Revision ID: 1a4c96474ac7
Revises: 45bf8ff81870
Create Date: 2026-11-26 23:20:54.395159
"""

from alembic import op

revision = "1a4c96474ac7"
down_revision = "45bf8ff81870"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_audit_target"), ["target"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("accounts_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_audit_target"))
