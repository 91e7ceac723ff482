"""Links to this app in mail and invitations: from FLASK_PUBLIC_URL, or a trusted Host, never else.

Behind a proxy that passes any Host on, a link made from the request would point wherever the
asker wrote in the header: a reset mail could carry its token to someone else's site.
"""

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import SecurityError


def trusted_hosts(app: Flask) -> None:
    """Accept FLASK_TRUSTED_HOSTS as a JSON list or a comma-separated string (Flask checks Host)."""
    hosts = app.config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):
        app.config["TRUSTED_HOSTS"] = [host.strip() for host in hosts.split(",") if host.strip()]


def public_base() -> str | None:
    """Return the app's address for links (no trailing slash), or None when none is configured."""
    configured = current_app.config.get("PUBLIC_URL")
    if configured:
        return str(configured).rstrip("/")
    if current_app.config.get("TRUSTED_HOSTS"):
        # Flask refused the request already (400) unless its Host is one of these.
        return request.host_url.rstrip("/")
    return None


def mail_problem(app: Flask) -> str | None:
    """Return why mail is off although FLASK_MAIL_SERVER is set, if it is."""
    if not app.config.get("MAIL_SERVER"):
        return None
    if app.config.get("PUBLIC_URL") or app.config.get("TRUSTED_HOSTS"):
        return None
    return (
        "FLASK_MAIL_SERVER is set, but no mail will be sent: links in mail need the app's address. "
        "Set FLASK_PUBLIC_URL (e.g. https://journal.example.org) or FLASK_TRUSTED_HOSTS; until "
        "then, accounts get recovery codes instead of reset mails."
    )


def refuse_untrusted_host() -> Response | None:
    """Answer a request for a host outside FLASK_TRUSTED_HOSTS with a plain 400, first of all.

    (Flask refuses it too, but then no page can be drawn: every link on it would need the host.)
    """
    if isinstance(request.routing_exception, SecurityError):
        return Response(
            "Deze server kent die hostnaam niet. / This server does not serve that host name.\n",
            400,
            mimetype="text/plain",
        )
    return None


def warn_at_start(app: Flask) -> None:
    """Say at start why mail is off, when it is configured but cannot be sent safely."""
    trusted_hosts(app)
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_untrusted_host)
    problem = mail_problem(app)
    if problem:
        app.logger.warning(problem)
