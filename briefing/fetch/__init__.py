"""Fetching from the web: one careful HTTP client, and RSS/Atom feeds read through it."""
