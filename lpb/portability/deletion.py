"""Erasing an account: every row of the user, in every table, on either database."""

import sqlalchemy as sa

from lpb.accounts.services import check_password
from lpb.accounts.sessions import end_session
from lpb.extensions import db
from lpb.guidance import services as guidance
from lpb.jsonapi import ApiError
from lpb.models import (
    Client,
    Entry,
    GuideInvitation,
    GuideLink,
    GuideRecord,
    RateLimit,
    ResetLink,
    Session,
    SetAsideEntry,
    Share,
    User,
)


def delete_account(user: User) -> None:
    """Erase a user and everything of theirs, in the caller's transaction."""
    # A guide's name leaves the clients' data, and open questions their Today.
    for link in db.session.scalars(sa.select(GuideLink).where(GuideLink.guide_id == user.id)).all():
        guidance.end_link(link, forget_guide=True)
    # Explicit deletes rather than relying on ON DELETE CASCADE alone: every table, every engine.
    for link in db.session.scalars(sa.select(GuideLink).where(GuideLink.user_id == user.id)):
        guidance.link_ended(link)  # the guide's notes stay theirs; their page says what happened
    db.session.execute(sa.delete(GuideRecord).where(GuideRecord.user_id == user.id))
    links = sa.select(GuideLink.id).where(
        sa.or_(GuideLink.user_id == user.id, GuideLink.guide_id == user.id)
    )
    db.session.execute(sa.delete(Share).where(Share.link_id.in_(links)))
    db.session.execute(
        sa.delete(GuideLink).where(
            sa.or_(GuideLink.user_id == user.id, GuideLink.guide_id == user.id)
        )
    )
    for model in (
        Share,
        GuideInvitation,
        Entry,
        SetAsideEntry,
        Client,
        Session,
        RateLimit,
        ResetLink,
    ):
        db.session.execute(sa.delete(model).where(model.user_id == user.id))
    db.session.execute(sa.delete(User).where(User.id == user.id))


def delete_confirmed(user: User, password: str) -> None:
    """Erase the account of the signed-in user, confirmed with its password, and sign out."""
    if not check_password(user, password):
        raise ApiError(403, "wrong_password", "The password is not right; nothing was deleted.")
    delete_account(user)
    end_session()
    db.session.commit()
