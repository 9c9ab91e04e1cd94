"""Limits that several stages share, each defined once: how much to read, how long to wait."""

#: Largest document read or downloaded (``--max-input-mb``, ``max_bytes`` in the config):
#: anything bigger is refused at once rather than summarised for minutes.
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Seconds allowed for one web request (``timeout`` in the config).
DEFAULT_TIMEOUT = 20.0
