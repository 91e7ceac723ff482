"""practice: a guide's display name, and a guide's own records (notes, last session) per link

Revision ID: e5a7c2d90b13
Revises: e5a1c7d93b42
Create Date: 2026-12-06 16:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5a7c2d90b13'
down_revision = 'e5a1c7d93b42'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('display_name', sa.String(length=100), server_default='', nullable=False)
        )
    op.create_table('guide_records',
    sa.Column('link_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('client_name', sa.String(length=100), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('notes_updated_at', sa.DateTime(), nullable=True),
    sa.Column('session_held_on', sa.String(length=10), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_guide_records_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('link_id', name=op.f('pk_guide_records'))
    )
    with op.batch_alter_table('guide_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_records_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('guide_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guide_records_user_id'))
    op.drop_table('guide_records')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('display_name')
