"""The ``briefing`` command: arguments in, library calls, one-line errors and exit codes out.

One module per command (``summarize``, ``build``, ``run``, ...), each with ``add`` (its
arguments) and ``run`` (the library calls); heavy modules load only inside ``run``.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from briefing._version import __version__
from briefing.cli import (
    algorithms,
    build,
    common,
    cron,
    history,
    init,
    run,
    send,
    stories,
    summarize,
)
from briefing.cli import eval as eval_command
from briefing.errors import (
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_TERMINATED,
    EXIT_UNDELIVERED,
    EXIT_USAGE,
    BriefingError,
    TooLargeError,
)

EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}  success
  {EXIT_FAILURE}  input or processing error (unreadable document, rendering or writing failed;
     for 'run': no briefing written)
  {EXIT_USAGE}  usage error (bad option or argument, bad config file)
  {EXIT_PARTIAL}  'run' only: briefing written, but some sources or items failed
  {EXIT_LOCKED}  'run' only: another run holds the lock
  {EXIT_UNDELIVERED}  'run' and 'send': briefing written, but the mail was not delivered
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)
  {EXIT_TERMINATED}  'run' only: terminated (SIGTERM); the run is recorded as interrupted"""

COMMANDS = (summarize, build, stories, algorithms, run, send, init, history, cron, eval_command)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    code = _main(argv)
    if argv is None:  # the program itself, about to exit (not a caller in a longer process)
        # Leave what is loaded (numpy, lxml, the day's documents) to the end of the process
        # rather than to a last garbage collection over all of it: ~50 ms off every command.
        gc.freeze()
    return code


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except BriefingError as exc:
        message = str(exc)
        hint = getattr(args, "too_large_hint", "")
        if isinstance(exc, TooLargeError) and hint:
            message = f"{message} ({hint})"
        common.error(message)
        return exc.exit_code
    except KeyboardInterrupt:
        common.error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our stdout went away (`| head`): not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a bug: still one line, unless BRIEFING_DEBUG asks for more
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        common.error(
            f"internal error: {exc.__class__.__name__}: {exc} (set BRIEFING_DEBUG=1 for details)"
        )
        return EXIT_FAILURE


def _parser() -> argparse.ArgumentParser:
    parser = common.Parser(
        prog="briefing",
        description="Turn documents into short, faithful briefings: the key sentences of "
        "each section, as text, Markdown, JSON, HTML or PDF.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=common.Parser
    )
    for command in COMMANDS:
        command.add(commands, EXIT_CODES)
    return parser
