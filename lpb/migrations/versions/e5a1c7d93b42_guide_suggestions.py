"""guide suggestions: a client's switch per guide for suggested questions

Revision ID: e5a1c7d93b42
Revises: e5a1c7d93b20
Create Date: 2026-12-06 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5a1c7d93b42'
down_revision = 'e5a1c7d93b20'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('guide_links', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('accepts_suggestions', sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('guide_links', schema=None) as batch_op:
        batch_op.drop_column('accepts_suggestions')
