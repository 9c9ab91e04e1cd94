"""After a daily run has written its files: the archive page and feed, then the mail.

Mail comes last, after the state database has recorded the run: a briefing that could not
be sent is still written and remembered, its failed attempt is recorded per date, and the
next run retries it once (``briefing send --date D`` sends it at any time).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from briefing.daily.config import Config
from briefing.daily.mailconfig import with_slash
from briefing.daily.state import State
from briefing.errors import DeliveryError, InputError
from briefing.model import Briefing

log = logging.getLogger("briefing")

#: Undelivered dates looked at by a run (the newest first); older ones need ``briefing send``.
RETRY_WINDOW = 30


def update_archive(config: Config, briefing: Briefing) -> None:
    """Keep the briefing's data beside its files, then rebuild index.html and feed.xml."""
    from briefing.publish.archive import rebuild
    from briefing.publish.records import write_record

    write_record(Path(config.output_dir), briefing)
    rebuild(
        Path(config.output_dir),
        title=config.title,
        base_url=with_slash(config.base_url),
        templates=config.templates,
    )


def mail_briefing(config: Config, date: str, to: tuple[str, ...] | None = None):
    """Compose the mail of the briefing of ``date`` from its files and send it; return its
    Message-ID and the recipients the server refused (``{address: reply}``)."""
    from briefing.compose.plain import briefing_text
    from briefing.publish.files import dated_path
    from briefing.publish.mail import compose_message
    from briefing.publish.outputs import OUTPUTS, Rendering
    from briefing.publish.records import read_record
    from briefing.publish.smtp import send

    out, settings = Path(config.output_dir), config.mail
    briefing = read_record(out, date)
    if briefing is None:
        raise InputError(f"no daily briefing dated {date} in {out} (see 'briefing history')")
    rendering = Rendering(briefing, config.templates, config.page_size)

    def made(name: str) -> bytes:
        path = dated_path(out, date, name)
        return path.read_bytes() if path.is_file() else OUTPUTS[name].render(rendering)

    message = compose_message(
        briefing,
        settings,
        html=made("html").decode("utf-8"),
        text=briefing_text(briefing),
        attachments={OUTPUTS[name].extension: made(name) for name in settings.attach},
        to=to,
    )
    return str(message["Message-ID"]), send(message, settings)


def deliver(config: Config, state: State, date: str, to: tuple[str, ...] | None = None):
    """Mail one date's briefing and record the attempt; return why it failed, or None."""
    try:
        message_id, refused = mail_briefing(config, date, to)
    except DeliveryError as exc:
        pending = to or config.mail.to
        state.record_delivery(
            date, status="failed", attempted=_now(), pending=pending, message=str(exc)
        )
        return str(exc)
    if refused:
        message = "refused " + "; ".join(f"{a} ({reply})" for a, reply in refused.items())
        state.record_delivery(
            date,
            status="partial",
            attempted=_now(),
            pending=tuple(refused),
            message_id=message_id,
            message=message,
        )
        return f"{config.mail.host}: {message}"
    state.record_delivery(date, status="sent", attempted=_now(), message_id=message_id)
    log.info("mailed the briefing of %s to %s", date, ", ".join(to or config.mail.to))
    return None


def after_run(config: Config, state: State, briefing: Briefing | None) -> tuple[str, ...]:
    """Mail today's briefing, then retry (once) older ones that were not delivered.

    A "Nothing new" briefing is mailed only with ``send_empty``; a date already mailed is
    not mailed again by a re-run. Each failure is logged as one line and returned.
    """
    if config.mail is None:
        return ()
    problems = []
    if briefing is not None:
        date, before = briefing.date, state.delivery(briefing.date)
        if not briefing.documents and not config.mail.send_empty:
            log.info("nothing new: no mail sent (set send_empty = true in [mail] to send one)")
        elif before and before.status == "sent":
            log.info("the briefing of %s was mailed before; 'briefing send' sends it again", date)
        else:
            pending = before.pending if before and before.status == "partial" else None
            if problem := deliver(config, state, date, pending):
                problems.append(problem)
                log.error(
                    "%s: mail not delivered: %s (the briefing is written; the next run retries "
                    "once, or run 'briefing send --date %s')",
                    date,
                    problem,
                    date,
                )
    from briefing.publish.records import record_path

    today = briefing.date if briefing else ""
    for old in state.deliveries(RETRY_WINDOW, undelivered=True):
        if old.date == today or old.attempts != 1:
            continue
        if not record_path(Path(config.output_dir), old.date).is_file():
            continue  # removed by retention
        if problem := deliver(config, state, old.date, old.pending or None):
            problems.append(problem)
            log.error(
                "%s: mail still not delivered after one retry: %s "
                "(send it with 'briefing send --date %s')",
                old.date,
                problem,
                old.date,
            )
        else:
            log.info("%s: mailed on retry", old.date)
    return tuple(problems)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
