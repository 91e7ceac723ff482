"""Portability's routes: download everything, import our JSON, erase the account."""

from flask import Blueprint, Response, jsonify, request

from lpb import limits
from lpb.i18n import LANGUAGES, current_language
from lpb.jsonapi import ApiError, json_body, parse, signed_in, signed_in_user
from lpb.portability import deletion, export, imports
from lpb.portability.export_words import time_zone
from lpb.sync import contract

bp = Blueprint("portability", __name__, url_prefix="/api")


@bp.get("/export", endpoint="export")
@signed_in
@limits.limited(limits.EXPORT)
def export_file() -> Response:
    """Download everything of the signed-in user as JSON, or as Markdown or CSV in lang and tz."""
    fmt = request.args.get("format", "json")
    if fmt not in export.DOWNLOADS:
        raise ApiError(400, "invalid_request", "format must be json, md or csv.")
    lang = request.args.get("lang") or current_language()
    if lang not in LANGUAGES:
        raise ApiError(400, "invalid_request", "lang must be nl or en.")
    # Markdown and CSV give times in the reader's zone, which the app sends; UTC without one.
    zone_name = request.args.get("tz") or "UTC"
    zone = time_zone(zone_name)
    if zone is None:
        raise ApiError(400, "invalid_request", "tz must be a time zone such as Europe/Brussels.")
    body, mimetype, filename = export.download(signed_in_user(), fmt, lang, zone_name, zone)
    response = Response(body, content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.post("/import")
@signed_in
@limits.limited(limits.IMPORT)
def import_json() -> Response:
    """Merge a JSON export into the signed-in account, without duplicates, a chunk at a time."""
    entries = imports.parse_import(json_body())
    return jsonify(imports.import_entries(signed_in_user().id, entries))


@bp.post("/account/delete")
@signed_in
@limits.limited(limits.DELETE_ACCOUNT)
def delete() -> Response:
    """Erase the signed-in account, confirmed with its password."""
    confirmation = parse(contract.DeleteAccountRequest, json_body())
    deletion.delete_confirmed(signed_in_user(), confirmation.password)
    return jsonify(deleted=True)
