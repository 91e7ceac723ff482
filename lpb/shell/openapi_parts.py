"""The pieces every path of /api/openapi.json is made of: answers, errors, bodies, operations."""

REF_TEMPLATE = "#/components/schemas/{model}"

CSRF_HEADER = {
    "name": "X-CSRFToken",
    "in": "header",
    "required": True,
    "description": "The csrf_token from GET /api/session.",
    "schema": {"type": "string"},
}


def answer(schema: dict, description: str) -> dict:
    """Return a response object with a JSON body."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def errors(*codes: int) -> dict:
    """Return error responses for the given status codes."""
    return {str(code): answer(ref("Error"), "An error, explained.") for code in codes}


def ref(name: str) -> dict:
    """Return a reference to a schema of the contract."""
    return {"$ref": REF_TEMPLATE.format(model=name)}


def body(name: str) -> dict:
    """Return a required JSON request body described by a contract model."""
    return {"required": True, "content": {"application/json": {"schema": ref(name)}}}


def query(name: str, schema: dict, description: str = "") -> dict:
    """Return a query parameter."""
    parameter = {"name": name, "in": "query", "schema": schema}
    return {**parameter, "description": description} if description else parameter


def path_id(name: str) -> dict:
    """Return an id in the path."""
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


def operation(
    summary: str,
    answers: tuple[str, dict],
    codes: tuple[int, ...],
    parameters: list[dict] | None = None,
    request: str | None = None,
) -> dict:
    """Return an operation: its answer (status, response), its error codes, parameters, body."""
    status, response = answers
    described: dict = {"summary": summary}
    if parameters:
        described["parameters"] = parameters
    if request:
        described["requestBody"] = body(request)
    described["responses"] = {status: response, **errors(*codes)}
    return described
