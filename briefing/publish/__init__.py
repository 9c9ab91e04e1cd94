"""Publishing: outputs rendered in memory, then written all at once under their dated names."""

# Defaults here, not in ``outputs.py``, so that the CLI can show them in its help without
# importing the renderers' registry.
#: The outputs ``build`` writes unless told otherwise.
DEFAULT_OUTPUTS = ("md", "html", "pdf")
#: The PDF's page size unless told otherwise.
DEFAULT_PAGE_SIZE = "A4"
