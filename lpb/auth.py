"""Creating an account, signing in, and managing sessions: server-rendered forms with CSRF."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length, Regexp, ValidationError

from lpb import accounts
from lpb.extensions import db
from lpb.i18n import translate

bp = Blueprint("auth", __name__)

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _strip(value: str | None) -> str | None:
    """Drop spaces around a typed value (phones like to add one)."""
    return value.strip() if isinstance(value, str) else value


class LocalisedForm(FlaskForm):
    """A form whose labels and messages are in the visitor's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, validators in self.field_validators().items():
            self[name].validators = validators
        for field in self:
            if field.type != "CSRFTokenField":
                field.label.text = translate(field.short_name)

    def field_validators(self) -> dict[str, list]:
        """Return each field's validators (built per request, since messages are translated)."""
        return {}


def _required():
    """Return a required-field validator with a translated message."""
    return InputRequired(message=translate("field_required"))


def _new_password():
    """Return the validators of a new password."""
    return [
        _required(),
        Length(min=8, message=translate("password_short")),
        Length(max=128, message=translate("password_long")),
    ]


class CredentialsForm(LocalisedForm):
    """Email and password, as asked when signing in."""

    email = EmailField(filters=[_strip])
    password = PasswordField()

    def field_validators(self):
        """Both are needed."""
        return {"email": [_required(), Length(max=254)], "password": [_required(), Length(max=128)]}


class RegisterForm(LocalisedForm):
    """Email and a new password, as asked when creating an account."""

    email = EmailField(filters=[_strip])
    password = PasswordField()

    def field_validators(self):
        """A plausible email address and a password of 8 to 128 characters."""
        return {
            "email": [
                _required(),
                Length(max=254),
                Regexp(EMAIL_PATTERN, message=translate("email_invalid")),
            ],
            "password": _new_password(),
        }


class ChangePasswordForm(LocalisedForm):
    """The current password and a new one."""

    current_password = PasswordField()
    new_password = PasswordField()

    def field_validators(self):
        """The current password is needed; the new one follows the usual rules."""
        return {"current_password": [_required()], "new_password": _new_password()}

    def validate_current_password(self, field):
        """Check the current password against the signed-in user."""
        if not accounts.check_password(accounts.current_user(), field.data):
            raise ValidationError(translate("wrong_login"))


class ConfirmForm(LocalisedForm):
    """A button that only needs a CSRF token."""


def _safe_next() -> str:
    """Return the local path to go to after signing in (never another site)."""
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    return url_for("pages.today")


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create an account and sign in."""
    form = RegisterForm()
    if form.validate_on_submit():
        user = accounts.create_user(form.email.data, form.password.data)
        if user is None:
            form.email.errors.append(translate("email_taken"))
        else:
            accounts.start_session(user)
            db.session.commit()
            return redirect(url_for("pages.today"))
    return render_template("register.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with email and password, within the limits on failed attempts."""
    form = CredentialsForm()
    status = 200
    if form.validate_on_submit():
        if accounts.sign_in_blocked(form.email.data):
            form.form_errors.append(translate("too_many_attempts"))
            status = 429
        else:
            user = db.session.scalar(
                db.select(accounts.User).where(
                    accounts.User.email == accounts.normalise_email(form.email.data)
                )
            )
            if accounts.check_password(user, form.password.data):
                accounts.forget_failed_sign_ins(form.email.data)
                accounts.start_session(user)
                db.session.commit()
                return redirect(_safe_next())
            accounts.record_failed_sign_in(form.email.data)
            db.session.commit()
            form.form_errors.append(translate("wrong_login"))
            status = 401
    elif form.errors:
        status = 400
    return render_template("login.html", form=form), status


@bp.route("/account", methods=["GET", "POST"])
def account():
    """Show the account: change the password, sign out the other devices."""
    user = accounts.current_user()
    if user is None:
        return redirect(url_for("auth.login", next=url_for("auth.account")))
    password_form = ChangePasswordForm(prefix="password")
    others_form = ConfirmForm(prefix="others")
    if "password-new_password" in request.form and password_form.validate_on_submit():
        accounts.set_password(user, password_form.new_password.data)
        db.session.commit()
        flash(translate("password_changed"))
        return redirect(url_for("auth.account"))
    if "others-csrf_token" in request.form and others_form.validate_on_submit():
        ended = accounts.end_other_sessions(user)
        db.session.commit()
        flash(translate("signed_out_others", n=ended))
        return redirect(url_for("auth.account"))
    return render_template(
        "account.html", user=user, password_form=password_form, others_form=others_form
    )
