"""Handing a mail to an SMTP server (standard library only), every failure as one line.

``starttls`` (the default) and ``ssl`` verify the server's certificate against the system's
CAs, or the ``ca_file`` given; ``none`` is for a relay on the same machine.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import EmailMessage

from briefing.errors import DeliveryError
from briefing.publish.mail import MailSettings


def password_of(settings: MailSettings) -> str | None:
    """The login password from the environment variable or file the settings name."""
    if settings.password_env:
        value = os.environ.get(settings.password_env)
        if value is None:
            raise DeliveryError(
                f"environment variable {settings.password_env} (the mail password) is not set"
            )
        return value
    if settings.password_file:
        try:
            return settings.password_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise DeliveryError(
                f"{settings.password_file}: cannot read the mail password: {exc.strerror}"
            ) from None
    return None


def send(message: EmailMessage, settings: MailSettings) -> dict[str, str]:
    """Send ``message`` to its ``To`` addresses; return those the server refused (with its
    reply) when it took the others. Raise DeliveryError when nobody got it."""
    host, port = settings.host, settings.server_port
    where = f"{host}:{port}"
    password = password_of(settings) if settings.user else None
    recipients = [a.strip() for a in str(message["To"]).split(",") if a.strip()]
    try:
        context = ssl.create_default_context(
            cafile=str(settings.ca_file) if settings.ca_file else None
        )
        if settings.security == "ssl":
            server = smtplib.SMTP_SSL(host, port, timeout=settings.timeout, context=context)
        else:
            server = smtplib.SMTP(host, port, timeout=settings.timeout)
        with server:
            if settings.security == "starttls":
                server.starttls(context=context)
            if settings.user:
                server.login(settings.user, password or "")
            refused = server.send_message(message, settings.sender, recipients)
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(f"{where}: login refused for {settings.user}: {_reply(exc)}") from None
    except smtplib.SMTPRecipientsRefused as exc:
        who = "; ".join(f"{a} ({_reply(e)})" for a, e in exc.recipients.items())
        raise DeliveryError(f"{where}: every recipient refused: {who}") from None
    except smtplib.SMTPSenderRefused as exc:
        raise DeliveryError(f"{where}: sender {exc.sender} refused: {_reply(exc)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        hint = ' (use security = "ssl" or "none")' if "STARTTLS" in str(exc) else ""
        raise DeliveryError(f"{where}: {exc}{hint}") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(f"{where}: the server refused the mail: {_reply(exc)}") from None
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"{where}: {exc}") from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"{where}: TLS failed: {exc.reason or exc}") from None
    except OSError as exc:
        reason = exc.strerror or str(exc) or exc.__class__.__name__
        raise DeliveryError(f"cannot reach the mail server {where}: {reason}") from None
    return {address: _reply(reply) for address, reply in refused.items()}


def _reply(exc) -> str:
    """An SMTP reply (an exception or a ``(code, message)`` pair) as ``"535 message"``."""
    code, text = (exc.smtp_code, exc.smtp_error) if hasattr(exc, "smtp_code") else exc
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(str(text).split())}"
