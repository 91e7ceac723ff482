"""Creating an account, signing in, managing sessions and getting back in: forms with CSRF."""

import secrets
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from lpb import limits
from lpb.accounts import links, recovery, sessions, signup
from lpb.accounts import services as accounts
from lpb.accounts.forms import (
    ChangePasswordForm,
    ConfirmForm,
    CredentialsForm,
    ForgotForm,
    LocalisedForm,
    RecoverForm,
    RegisterForm,
    ResetForm,
)
from lpb.i18n import translate, translate_count

bp = Blueprint("auth", __name__)

# What a page of this blueprint answers: a page, a page with its status, or a redirect.
Answer = BaseResponse | str | tuple[str, int]

SHOW_NEW_CODES = "show_new_recovery_codes"
AFTER_CODES = "after_recovery_codes"


def _safe_next() -> str:
    """Return the local path to go to after signing in (never another site)."""
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    return url_for("pages.today")


def _wait_message(wait: int) -> str:
    """Return "try again in …", in seconds or, from two minutes on, in minutes."""
    if wait < 120:
        return translate("try_again_seconds", n=wait)
    return translate("try_again_minutes", n=-(-wait // 60))


def _too_many(template: str, form: LocalisedForm, wait: int, **context: object) -> Response:
    """Answer a refused try: the form with "try again in …", 429 and Retry-After."""
    form.form_errors.append(_wait_message(wait))
    response = make_response(render_template(template, form=form, **context), 429)
    response.headers["Retry-After"] = str(wait)
    return response


def _private_page(template: str, status: int, **context: object) -> Response:
    """Answer with a page that holds a secret (a link's form, codes): never kept in a cache."""
    response = make_response(render_template(template, **context), status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/register", methods=["GET", "POST"])
def register() -> Answer:
    """Create an account; with mail, only once the address is confirmed (see lpb/accounts/signup.py)."""
    form = RegisterForm()
    if form.validate_on_submit():
        wait = limits.attempt(limits.REGISTER, sessions.client_address())
        if wait:
            return _too_many("register.html", form, wait)
        if recovery.mail_configured():
            return _register_by_mail(form)
        user = accounts.create_user(form.email.data, form.password.data)
        if user is None:
            # Without mail there is no one to tell instead: the visitor is told (see the README).
            form.email.errors.append(translate("email_taken"))
        else:
            return _signed_up(user)
    return render_template("register.html", form=form), 400 if form.errors else 200


def _signed_up(user: accounts.User) -> BaseResponse:
    """Sign a new account in; without mail, show its recovery codes next."""
    sessions.sign_in(user)
    if recovery.mail_configured():
        response = redirect(_safe_next())
    else:
        session[SHOW_NEW_CODES] = True
        session[AFTER_CODES] = _safe_next()
        response = redirect(url_for("auth.recovery_codes"))
    sessions.remember_device(response, user)
    return response


def _register_by_mail(form: RegisterForm) -> str:
    """Answer "check your email" for any address; the mail differs, after the answer."""
    email = accounts.normalise_email(form.email.data)
    token = signup.confirm_token(email, accounts.password_hasher.hash(form.password.data))
    link = (links.public_base() or "") + url_for("auth.confirm_registration", token=token)
    login = (links.public_base() or "") + url_for("auth.login")
    forgot = (links.public_base() or "") + url_for("auth.forgot")
    signup.in_background(
        signup.mail_signup,
        email,
        (translate("signup_mail_subject"), translate("signup_mail_body", link=link)),
        (
            translate("signup_taken_subject"),
            translate("signup_taken_body", login=login, forgot=forgot),
        ),
    )
    return render_template("register_sent.html", email=email, hours=signup.CONFIRM_HOURS)


@bp.route("/register/confirm/<token>", methods=["GET", "POST"])
def confirm_registration(token: str) -> Answer:
    """Create the account of a confirmed address with a button (a mail scanner only looks)."""
    found = signup.read_token(token)
    form = ConfirmForm()
    if found is not None and form.validate_on_submit():
        email, password_hash = found
        user = accounts.create_user_with_hash(email, password_hash)
        if user is not None:
            return _signed_up(user)
        found = None  # created meanwhile, from another mail of the same address
    status = 410 if found is None else 400 if form.errors else 200
    return _private_page("register_confirm.html", status, form=form, found=found)


@bp.route("/login", methods=["GET", "POST"])
def login() -> Answer:
    """Sign in with email and password, within the limits on failed attempts."""
    form = CredentialsForm()
    status = 200
    if form.validate_on_submit():
        user = accounts.find_user(form.email.data)
        wait = sessions.count_sign_in(form.email.data, user)
        if wait:
            return _too_many("login.html", form, wait)
        # Always checked, also without an account: answering takes as long either way.
        correct = accounts.check_password(user, form.password.data)
        if user is not None and correct:
            sessions.sign_in_succeeded(form.email.data, user)
            sessions.sign_in(user)
            response = redirect(_safe_next())
            sessions.remember_device(response, user)
            return response
        form.form_errors.append(translate("wrong_login"))
        status = 401
    elif form.errors:
        status = 400
    return render_template("login.html", form=form), status


@bp.route("/account", methods=["GET", "POST"])
def account() -> Answer:
    """Show the account: change the password, sign out the other devices, new recovery codes."""
    user = sessions.current_user()
    if user is None:
        return redirect(url_for("auth.login", next=url_for("auth.account")))
    password_form = ChangePasswordForm(prefix="password")
    others_form = ConfirmForm(prefix="others")
    codes_form = ConfirmForm(prefix="codes")
    page = {
        "user": user,
        "password_form": password_form,
        "others_form": others_form,
        "codes_form": codes_form,
        "show_codes": not recovery.mail_configured() or bool(user.recovery_codes),
    }
    if "password-new_password" in request.form and request.method == "POST":
        wait = limits.attempt(limits.PASSWORD_CHANGE, f"user:{user.id}", user_id=user.id)
        if wait:
            return _too_many("account.html", password_form, wait, **page)
        valid = password_form.validate_on_submit()
        if not password_form.current_password.errors:
            sessions.password_tried(user)
        if valid:
            sessions.change_password(user, password_form.new_password.data)
            flash(translate("password_changed"))
            return redirect(url_for("auth.account"))
    if "others-csrf_token" in request.form and others_form.validate_on_submit():
        ended = sessions.sign_out_others(user)
        flash(translate("signed_out_others", n=ended))
        return redirect(url_for("auth.account"))
    if "codes-csrf_token" in request.form and codes_form.validate_on_submit():
        session[SHOW_NEW_CODES] = True
        return redirect(url_for("auth.recovery_codes"))
    status = 400 if request.method == "POST" else 200
    return render_template("account.html", **page), status


@bp.get("/recovery-codes")
def recovery_codes() -> Answer:
    """Show new recovery codes, once: right after registering or after asking for new ones."""
    user = sessions.current_user()
    if user is None:
        return redirect(url_for("auth.login", next=url_for("auth.account")))
    if not session.pop(SHOW_NEW_CODES, False):
        return redirect(url_for("auth.account"))
    codes = recovery.new_recovery_codes(user)
    after = session.pop(AFTER_CODES, None) or url_for("pages.today")
    return _private_page("recovery_codes.html", 200, codes=codes, after=after)


@bp.route("/forgot", methods=["GET", "POST"])
def forgot() -> Answer:
    """Ask for a reset link by email (the same answer, in the same time, for any address)."""
    form = ForgotForm()
    mail = recovery.mail_configured()
    if mail and form.validate_on_submit():
        typed = accounts.lookup_email(form.email.data)
        user = accounts.find_user(typed)
        wait = limits.attempt_all(
            sessions.owner_or_stranger(
                typed,
                user,
                (limits.RESET_MAIL_ADDRESS, limits.RESET_MAIL_ACCOUNT, limits.RESET_MAIL_DEVICE),
            )
        )
        if wait:
            return _too_many("forgot.html", form, wait, mail=mail)
        # Whether the address has an account is looked at after the answer, in the background.
        token = secrets.token_urlsafe(32)
        link = (links.public_base() or "") + url_for("auth.reset", token=token)
        signup.in_background(
            recovery.mail_reset_link,
            typed,
            token,
            translate("reset_mail_subject"),
            translate("reset_mail_body", link=link, minutes=recovery.RESET_LINK_MINUTES),
        )
        flash(translate("reset_sent", minutes=recovery.RESET_LINK_MINUTES))
        return redirect(url_for("auth.forgot"))
    status = 400 if form.errors else 200
    return render_template("forgot.html", form=form, mail=mail), status


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str) -> Answer:
    """Choose a new password from a reset link; every session of the account ends."""
    user = recovery.reset_token_user(token)
    form = ResetForm(user.email) if user else None
    if form is not None and form.validate_on_submit():
        user = recovery.use_reset_token(token)
        if user is not None:
            sessions.reset_and_sign_out(user, form.new_password.data)
            flash(translate("password_reset_done"))
            return redirect(url_for("auth.login"))
        form = None  # used at the same moment by another request
    status = 410 if form is None else 400 if form.errors else 200
    return _private_page("reset.html", status, form=form)


@bp.route("/recover", methods=["GET", "POST"])
def recover() -> Answer:
    """Choose a new password with a recovery code; every session of the account ends."""
    form = RecoverForm()
    if not form.validate_on_submit():
        return render_template("recover.html", form=form), 400 if form.errors else 200
    user = accounts.find_user(form.email.data)
    counters = sessions.recovery_counters(form.email.data, user)
    wait = limits.attempt_all(counters)
    if wait:
        return _too_many("recover.html", form, wait)
    if user is not None and recovery.use_recovery_code(user, form.recovery_code.data):
        left = len(user.recovery_codes)
        sessions.recovered(counters)
        sessions.reset_and_sign_out(user, form.new_password.data)
        flash(translate_count("recovered", left))
        return redirect(url_for("auth.login"))
    form.form_errors.append(translate("wrong_recovery_code"))
    return render_template("recover.html", form=form), 401
