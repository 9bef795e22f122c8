"""Rules for what the dashboard accepts, stated in its OpenAPI description and enforced.

JSON types are taken as they are: ``0`` is not ``false`` and ``"5"`` is not ``5``
(:data:`JsonBool`, :func:`json_int`; ``5.0`` is an integer, as JSON Schema says).

Every string: no control characters (tab, newline and
carriage return are fine) and nothing that is not valid Unicode. Such text cannot be stored
(PostgreSQL refuses NUL), encoded (lone surrogates) or shown safely.

Input models say it with :data:`NO_CONTROL` as a pattern, so the OpenAPI description states
the rule and the validation enforces it; the persona model (shared with the bot) is checked
with :func:`bad_character` and its description gets the same pattern.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final

from pydantic import BeforeValidator, Field, StrictBool

NO_CONTROL: Final = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
NOT_BLANK: Final = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*[^\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
"""Like :data:`NO_CONTROL`, and at least one character that is not white space."""
_BAD: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def exact_int(value: Any) -> Any:
    """A JSON integer: an int, or a float without a fraction; never a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a JSON integer, got {type(value).__name__}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be a whole number")
        return int(value)
    return value


def json_int(**constraints: Any) -> Any:
    """An integer field type taken exactly (see :func:`exact_int`), e.g. ``json_int(ge=1)``."""
    return Annotated[int, Field(**constraints), BeforeValidator(exact_int)]


JsonBool = StrictBool


def bad_character(text: str) -> str | None:
    """Why ``text`` is refused, or None when it is fine."""
    m = _BAD.search(text)
    if m is None:
        return None
    kind = "an unpaired surrogate" if "\ud800" <= m.group() <= "\udfff" else "a control character"
    return f"{kind} (U+{ord(m.group()):04X}) at position {m.start()} is not allowed"


def forbid_control_in_schema(schema: dict[str, Any]) -> None:
    """Add the :data:`NO_CONTROL` pattern to every string in a JSON schema that has no pattern."""
    if (
        schema.get("type") == "string"
        and "pattern" not in schema
        and "format" not in schema
        and "enum" not in schema
    ):
        schema["pattern"] = NO_CONTROL
    for key in ("properties", "$defs", "definitions"):
        for sub in (schema.get(key) or {}).values():
            if isinstance(sub, dict):
                forbid_control_in_schema(sub)
    names = schema.get("propertyNames")
    if isinstance(names, dict) and not {"pattern", "enum"} & names.keys():
        names["pattern"] = NO_CONTROL  # object keys are strings too
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            forbid_control_in_schema(schema[key])
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for sub in schema.get(key) or []:
            if isinstance(sub, dict):
                forbid_control_in_schema(sub)
