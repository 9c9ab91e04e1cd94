"""The unattended daily run: config, sources, state across days, the lock, and the run itself."""

#: The config file ``briefing run`` reads unless given another; here, not in ``config.py``,
#: so that the CLI can show it in its help without importing the config machinery.
DEFAULT_CONFIG = "briefing.toml"
