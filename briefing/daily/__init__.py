"""The unattended daily run: config, sources, state across days, the lock, and the run itself."""
