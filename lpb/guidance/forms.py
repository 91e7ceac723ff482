"""Guidance's forms: accepting an invitation, and a guide's question or reply."""

from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from lpb.accounts.forms import LocalisedForm
from lpb.i18n import translate
from lpb.sync.contract import MAX_GUIDE_TEXT


class AcceptForm(LocalisedForm):
    """Accepting an invitation: with the name the client will see (never the email)."""

    guide_display_name = StringField()

    def field_validators(self) -> dict[str, list]:
        """A name is needed, and a short one."""
        return {
            # Required in the form; a post without it (older scripts) keeps the name as it was.
            "guide_display_name": [
                Optional(),
                Length(max=100, message=translate("guide_text_long", n=100)),
            ]
        }


class GuideTextForm(LocalisedForm):
    """A guide's question or reply: a short text."""

    guide_text = TextAreaField()

    def field_validators(self) -> dict[str, list]:
        """A text is needed, and a short one."""
        return {
            "guide_text": [
                InputRequired(message=translate("field_required")),
                Length(max=MAX_GUIDE_TEXT, message=translate("guide_text_long", n=MAX_GUIDE_TEXT)),
            ]
        }
