"""A briefing as a mail: HTML with its CSS inlined, a plain-text alternative, files attached.

Mail clients drop ``<style>`` (or parts of it) and CSS variables, so every rule is written
into the elements' ``style`` attributes (css-inline, with variables resolved and nothing
fetched). The settings are a typed dataclass: the config's ``[mail]`` table is checked
against its field types at load, like the rest of the config.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.limits import DEFAULT_TIMEOUT
from briefing.model import Briefing

if TYPE_CHECKING:  # the email package loads only to compose a mail, not with every config
    from email.message import EmailMessage

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_SUBJECT = "{title} · {date}"
SUBJECT_FIELDS = ("title", "date", "items")
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+$")


def _address(value: str) -> None:
    if not _ADDRESS.match(value):
        raise ValueError(f"must be a mail address such as name@example.org, not {value!r}")


def _addresses(values: tuple[str, ...]) -> None:
    if not values:
        raise ValueError("must list at least one address")
    for value in values:
        _address(value)


def _security(value: str) -> None:
    if value not in SECURITY:
        raise ValueError(f"must be one of {', '.join(SECURITY)}, not {value!r}")


def _port(value: int | None) -> None:
    if value is not None and not 0 < value < 65536:
        raise ValueError(f"must be between 1 and 65535, not {value}")


def _subject(value: str) -> None:
    """Only ``{title}``, ``{date}`` and ``{items}``: no attribute or index look-ups."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
    except ValueError as exc:
        raise ValueError(f"is not a valid template ({exc})") from None
    wrong = [n for n in names if n not in SUBJECT_FIELDS]
    if wrong:
        raise ValueError(
            f"may use {', '.join('{' + f + '}' for f in SUBJECT_FIELDS)}, not {{{wrong[0]}}}"
        )


def _setting(default, check=None, help: str = "", key: str = ""):
    return field(default=default, metadata={"check": check, "help": help, "key": key})


@dataclass(frozen=True)
class MailSettings:
    """Where and how a briefing is mailed: the ``[mail]`` table of the config.

    The password is never in the file: ``password_env`` names an environment variable and
    ``password_file`` a file holding it. ``attach`` names outputs (``pdf``, ``md``, ...).
    """

    to: tuple[str, ...] = _setting((), _addresses, "recipients")
    sender: str = _setting("", _address, "the From address", key="from")
    host: str = _setting("localhost", help="SMTP server")
    port: int | None = _setting(None, _port, "default: 587, 465 with ssl, 25 with none")
    security: str = _setting("starttls", _security, "starttls, ssl or none (local relays)")
    user: str = _setting("", help="login name; no login when empty")
    password_env: str = _setting("", help="environment variable holding the password")
    password_file: Path | None = _setting(None, help="file holding the password")
    ca_file: Path | None = _setting(None, help="CA certificates to trust (PEM)")
    subject: str = _setting(DEFAULT_SUBJECT, _subject, "{title}, {date} and {items}")
    attach: tuple[str, ...] = _setting(("pdf",), help="outputs attached to the mail")
    send_empty: bool = _setting(False, help="also mail a 'Nothing new' briefing")
    timeout: float = _setting(DEFAULT_TIMEOUT, help="seconds allowed for the server")

    @property
    def server_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def domain(self) -> str:
        return self.sender.rpartition("@")[2] or "localhost"


def subject_of(briefing: Briefing, settings: MailSettings) -> str:
    subject = settings.subject.format(
        title=briefing.title, date=briefing.date, items=len(briefing.documents)
    )
    return " ".join(subject.split())


def list_id(title: str, domain: str) -> str:
    """A ``List-Id`` (RFC 2919): the title as its phrase, a label made of it at ``domain``,
    so mail clients can file and filter the briefings as one list."""
    label = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "briefing"
    phrase = " ".join(title.replace('"', "'").split())
    return f'"{phrase}" <{label[:60]}.{domain}>'


def inline_css(html: str) -> str:
    """``html`` with its ``<style>`` rules written into each element's ``style`` attribute.

    At-rules (``@media``) stay in a ``<style>`` for the clients that read one; nothing
    outside the page is loaded.
    """
    import css_inline

    inliner = css_inline.CSSInliner(
        keep_at_rules=True, load_remote_stylesheets=False, resolve_css_variables=True
    )
    return inliner.inline(html)


def compose_message(
    briefing: Briefing,
    settings: MailSettings,
    *,
    html: str,
    text: str,
    attachments: dict[str, bytes],
    to: tuple[str, ...] | None = None,
) -> EmailMessage:
    """The multipart mail: alternative (text, HTML with inlined CSS), then the attachments
    (``{"pdf": b"..."}``, named ``briefing-<date>.<ext>``)."""
    import mimetypes
    import secrets
    from email.message import EmailMessage
    from email.utils import formatdate

    message = EmailMessage()
    message["Subject"] = subject_of(briefing, settings)
    message["From"] = settings.sender
    message["To"] = ", ".join(to or settings.to)
    message["Date"] = formatdate(localtime=True)
    # Short enough not to be folded onto a second line (some clients mind).
    message["Message-ID"] = f"<briefing-{briefing.date}.{secrets.token_hex(6)}@{settings.domain}>"
    message["List-Id"] = list_id(briefing.title, settings.domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to it
    message["X-Briefing-Date"] = briefing.date
    message.set_content(text)
    message.add_alternative(inline_css(html), subtype="html")
    for extension, data in attachments.items():
        kind = mimetypes.guess_type(f"x.{extension}")[0] or "application/octet-stream"
        if extension == "md":
            kind = "text/markdown"
        maintype, subtype = kind.split("/")
        message.add_attachment(
            data, maintype, subtype, filename=f"briefing-{briefing.date}.{extension}"
        )
    return message
