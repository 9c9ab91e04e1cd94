"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd): STARTTLS with a certificate
made for the test (trustme), AUTH required, and recipients it can be told to refuse."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

USER = "briefing"
PASSWORD = "s3cret pass"


def free_port() -> int:
    """A port nobody listens on right now (and so, for a moment, an unreachable server)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: email.message.EmailMessage


@dataclass
class MailServer:
    """``with MailServer(tmp_path) as server:`` then read ``server.received``."""

    folder: Path
    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    def __post_init__(self):
        ca = trustme.CA()
        self.ca_file = self.folder / "test-ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self.port = free_port()
        self.controller = Controller(
            self,
            hostname="127.0.0.1",
            port=self.port,
            tls_context=context,
            require_starttls=True,
            auth_required=True,
            authenticator=self._authenticate,
        )

    def __enter__(self) -> MailServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        self.logins.append(f"{auth_data.login.decode()}:{'ok' if ok else 'refused'}")
        return AuthResult(success=ok, handled=False)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def config(self, *, to=("reader@example.org",), extra: str = "") -> str:
        """A ``[mail]`` table for this server (the password in $BRIEFING_TEST_SMTP)."""
        recipients = ", ".join(f'"{a}"' for a in to)
        return f"""
[mail]
to = [{recipients}]
from = "briefing@example.org"
host = "127.0.0.1"
port = {self.port}
user = "{USER}"
password_env = "BRIEFING_TEST_SMTP"
ca_file = "{self.ca_file}"
{extra}
"""
