"""The config's delivery settings: the ``[mail]`` table, ``base_url`` and ``interests``.

``[mail]`` is checked against ``MailSettings``' field types like the rest of the file,
each error naming the file, the line and the key. A password is never accepted in the
file itself: ``password_env`` names an environment variable, ``password_file`` a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.daily.schema import ConfigError, Locator, convert, schema, under, unknown_key
from briefing.publish.mail import MailSettings

__all__ = ["MailSettings", "check_base_url", "check_interests", "parse_mail"]


def check_interests(values: tuple[str, ...]) -> None:
    """A check: words or phrases, none empty."""
    for value in values:
        if not value.strip():
            raise ValueError("must be words or phrases, not an empty string")


def check_base_url(value: str) -> None:
    """A check: an http(s) URL (where the output folder is published)."""
    if value and not re.match(r"^https?://[^/\s]+(/\S*)?$", value):
        raise ValueError(
            f"must be an http(s) URL such as https://example.org/briefings/, not {value!r}"
        )


def with_slash(url: str) -> str:
    return url if not url or url.endswith("/") else url + "/"


def parse_mail(where: Locator, raw, base: Path) -> MailSettings | None:
    """The ``[mail]`` table as MailSettings (None when there is none)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise where.error("mail", "must be a table: [mail]")
    spec = {
        f.metadata.get("key") or name: (f, kind) for name, (f, kind) in schema(MailSettings).items()
    }
    if "password" in raw:
        raise _error(
            where,
            "password",
            "must not be in the config file; name an environment "
            "variable with password_env, or a file with password_file",
        )
    values = {}
    for key, value in raw.items():
        if key not in spec:
            raise _error(where, key, unknown_key(key, list(spec)))
        field, kind = spec[key]
        try:
            value = convert(value, kind, key)
            if field.metadata.get("check"):
                field.metadata["check"](value)
        except ValueError as exc:
            raise _error(where, key, str(exc)) from None
        values[field.name] = value
    for key in ("to", "from"):
        if key not in raw:
            raise _error(
                where, "mail", f"needs {key!r} (the {'recipients' if key == 'to' else 'sender'})"
            )
    if values.get("password_env") and values.get("password_file"):
        raise _error(where, "password_file", "cannot be set with password_env; choose one")
    if values.get("user") and not (values.get("password_env") or values.get("password_file")):
        raise _error(where, "user", "needs password_env or password_file for its password")
    for key in ("password_file", "ca_file"):
        if values.get(key) is not None:
            values[key] = under(base, values[key])
            if not values[key].is_file():
                raise _error(where, key, f"must be a file; {values[key]} is not one")
    _check_attach(where, values.get("attach", ()))
    return MailSettings(**values)


def _check_attach(where: Locator, attach: tuple[str, ...]) -> None:
    from briefing.publish.outputs import OUTPUTS

    unknown = [a for a in attach if a not in OUTPUTS]
    if unknown:
        raise _error(
            where, "attach", f"names no output: {unknown[0]!r} (choose from {', '.join(OUTPUTS)})"
        )


def _error(where: Locator, key: str, message: str) -> ConfigError:
    """An error naming the line of ``key`` inside the ``[mail]`` table."""
    line = None
    header = next((i for i, t in enumerate(where.lines) if re.match(r"\s*\[\s*mail\s*\]", t)), None)
    if header is not None:
        line = header + 1
        for number in range(header + 1, len(where.lines)):
            text = where.lines[number]
            if re.match(r"\s*\[", text):
                break
            if re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text):
                line = number + 1
                break
    at = f"{where.path}:{line}" if line else str(where.path)
    return ConfigError(f"{at}: [mail] {key!r} {message}")
