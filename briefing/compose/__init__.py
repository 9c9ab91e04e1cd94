"""Composing: a Briefing -> Markdown (Jinja2 templates) -> one HTML page -> PDF; text and JSON."""
