"""index for a state's runs newest first

Revision ID: d905be376884
Revises: 4f2112a035aa
Create Date: 2026-11-26 22:34:40.781585
"""

from alembic import op


revision = "d905be376884"
down_revision = "4f2112a035aa"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orchestration_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_runs_state"))
        batch_op.create_index("ix_orchestration_runs_state_started_at_id", ["state", "started_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("orchestration_runs", schema=None) as batch_op:
        batch_op.drop_index("ix_orchestration_runs_state_started_at_id")
        batch_op.create_index(batch_op.f("ix_orchestration_runs_state"), ["state"], unique=False)
