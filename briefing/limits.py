"""Limits that several stages share, each defined once: how much to read, how long to wait."""

#: Largest document read or downloaded (``--max-input-mb``, ``max_bytes`` in the config):
#: anything bigger is refused at once rather than summarised for minutes.
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Seconds allowed for one web request, all told: connecting, headers, body and redirects
#: (``timeout`` in the config).
DEFAULT_TIMEOUT = 20.0
#: Seconds a daily run may spend reading its sources (``run_timeout`` in the config); items
#: not read by then count as failed, and the briefing is written with the others.
DEFAULT_RUN_TIMEOUT = 30 * 60.0
#: Web requests a daily run makes at once, in all and to one host (``max_connections``,
#: ``max_connections_per_host`` in the config).
DEFAULT_CONNECTIONS = 16
DEFAULT_CONNECTIONS_PER_HOST = 4
