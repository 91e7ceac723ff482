"""The account forms: each field's checks, with messages in the reader's language, and CSRF."""

import unicodedata
from typing import Any

from flask_wtf import FlaskForm
from wtforms import EmailField, Field, PasswordField, StringField
from wtforms.validators import InputRequired, Length, ValidationError

from lpb.accounts import passwords, sessions
from lpb.accounts import services as accounts
from lpb.i18n import translate


def _strip(value: str | None) -> str | None:
    """Drop spaces around a typed value (phones like to add one)."""
    return value.strip() if isinstance(value, str) else value


class LocalisedForm(FlaskForm):
    """A form whose labels and messages are in the visitor's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, validators in self.field_validators().items():
            self[name].validators = validators
        for field in self:
            if field.type != "CSRFTokenField":
                field.label.text = translate(field.short_name)

    def field_validators(self) -> dict[str, list]:
        """Return each field's validators (built per request, since messages are translated)."""
        return {}

    def validate(self, extra_validators: dict | None = None) -> bool:
        """Refuse control characters (NUL …) in any field before anything else looks at them."""
        controlled = [
            field
            for field in self
            if isinstance(field.data, str)
            and any(unicodedata.category(char) == "Cc" for char in field.data)
        ]
        for field in controlled:
            field.errors = [translate("control_characters")]
        return not controlled and super().validate(extra_validators)


def _required() -> InputRequired:
    """Return a required-field validator with a translated message."""
    return InputRequired(message=translate("field_required"))


def _check_new_password(password: str, email: str) -> None:
    """Raise a translated ValidationError when a new password is not acceptable."""
    problem = passwords.problem(password or "", email or "")
    if problem:
        raise ValidationError(translate(problem, n=passwords.MIN_LENGTH))


def _check_new_email(email: str) -> None:
    """Raise a translated ValidationError when an email address is not acceptable."""
    try:
        accounts.normalise_email(email or "")
    except accounts.InvalidEmail as invalid:
        raise ValidationError(translate(invalid.args[0])) from None


class CredentialsForm(LocalisedForm):
    """Email and password, as asked when signing in."""

    email = EmailField(filters=[_strip])
    password = PasswordField()

    def field_validators(self) -> dict[str, list]:
        """Both are needed."""
        return {"email": [_required(), Length(max=254)], "password": [_required(), Length(max=128)]}


class RegisterForm(LocalisedForm):
    """Email and a new password, as asked when creating an account."""

    email = EmailField(filters=[_strip])
    password = PasswordField()

    def field_validators(self) -> dict[str, list]:
        """Both are needed; the rest is checked below."""
        return {"email": [_required()], "password": [_required()]}

    def validate_email(self, field: Field) -> None:
        """A plausible address without invisible characters."""
        _check_new_email(field.data)

    def validate_password(self, field: Field) -> None:
        """Long enough, not common, not the email address."""
        _check_new_password(field.data, self.email.data)


class ChangePasswordForm(LocalisedForm):
    """The current password and a new one."""

    current_password = PasswordField()
    new_password = PasswordField()

    def field_validators(self) -> dict[str, list]:
        """Both are needed."""
        return {"current_password": [_required()], "new_password": [_required()]}

    def validate_current_password(self, field: Field) -> None:
        """Check the current password against the signed-in user."""
        if not accounts.check_password(sessions.current_user(), field.data):
            raise ValidationError(translate("wrong_login"))

    def validate_new_password(self, field: Field) -> None:
        """Long enough, not common, not the email address."""
        user = sessions.current_user()
        _check_new_password(field.data, user.email if user else "")


class ForgotForm(LocalisedForm):
    """The email address to send a reset link to."""

    email = EmailField(filters=[_strip])

    def field_validators(self) -> dict[str, list]:
        """An address is needed."""
        return {"email": [_required(), Length(max=254)]}


class ResetForm(LocalisedForm):
    """A new password, from a reset link."""

    new_password = PasswordField()

    def __init__(self, email: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account_email = email

    def field_validators(self) -> dict[str, list]:
        """A password is needed."""
        return {"new_password": [_required()]}

    def validate_new_password(self, field: Field) -> None:
        """Long enough, not common, not the email address."""
        _check_new_password(field.data, self.account_email)


class RecoverForm(LocalisedForm):
    """Email, a recovery code and a new password."""

    email = EmailField(filters=[_strip])
    recovery_code = StringField(filters=[_strip])
    new_password = PasswordField()

    def field_validators(self) -> dict[str, list]:
        """All three are needed."""
        return {
            "email": [_required(), Length(max=254)],
            "recovery_code": [_required(), Length(max=40)],
            "new_password": [_required()],
        }

    def validate_new_password(self, field: Field) -> None:
        """Long enough, not common, not the email address."""
        _check_new_password(field.data, self.email.data)


class ConfirmForm(LocalisedForm):
    """A button that only needs a CSRF token."""
