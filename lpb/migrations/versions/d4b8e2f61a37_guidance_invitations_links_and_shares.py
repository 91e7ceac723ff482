"""guidance: guide invitations, guide links and shares

Revision ID: d4b8e2f61a37
Revises: 76f9bd88ddaa
Create Date: 2026-11-28 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4b8e2f61a37'
down_revision = '76f9bd88ddaa'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('guide_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('name_for_guide', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_guide_invitations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_invitations')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_guide_invitations_token_hash'))
    )
    with op.batch_alter_table('guide_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_invitations_user_id'), ['user_id'], unique=False)

    op.create_table('guide_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('name_for_guide', sa.String(length=100), nullable=False),
    sa.Column('show_insights', sa.Boolean(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=False),
    sa.Column('guide_last_seen_at', sa.DateTime(), nullable=True),
    sa.Column('seen_version', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['guide_id'], ['users.id'], name=op.f('fk_guide_links_guide_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_guide_links_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guide_links')),
    sa.UniqueConstraint('user_id', 'guide_id', name='uq_guide_links_user_guide'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('guide_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guide_links_guide_id'), ['guide_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_guide_links_user_id'), ['user_id'], unique=False)

    op.create_table('shares',
    sa.Column('link_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['link_id'], ['guide_links.id'], name=op.f('fk_shares_link_id_guide_links'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id', 'entry_id'], ['entries.user_id', 'entries.id'], name=op.f('fk_shares_user_id_entries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_shares_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('link_id', 'user_id', 'entry_id', name=op.f('pk_shares'))
    )
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.create_index('ix_shares_user_id_entry_id', ['user_id', 'entry_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('shares', schema=None) as batch_op:
        batch_op.drop_index('ix_shares_user_id_entry_id')

    op.drop_table('shares')
    with op.batch_alter_table('guide_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guide_links_user_id'))
        batch_op.drop_index(batch_op.f('ix_guide_links_guide_id'))

    op.drop_table('guide_links')
    with op.batch_alter_table('guide_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guide_invitations_user_id'))

    op.drop_table('guide_invitations')
