"""Markdown: ATX and setext headings at every level; code, tables and images are not text."""

from briefing.read.markdown import read

DOC = """\
# Harbour Notes

The port reopened. Ships are back.

Setext Section
--------------

- First point of the list.
- Second point, with **bold** and a [link](https://example.org).

```python
print("never summarised")
```

| col | col |
|-----|-----|
| table cell | not text |

![a diagram](diagram.png)

### Deeper Subsection

> A quoted remark.

#### Fourth Level

Last words here.

Another Top Section
===================

Closing text.
"""


def test_markdown_headings_at_every_level_keep_their_level():
    document = read(DOC, "notes.md")
    assert document.title == "Harbour Notes"
    assert [(s.heading, s.level) for s in document.sections] == [
        ("", 0),
        ("Setext Section", 2),
        ("Deeper Subsection", 3),
        ("Fourth Level", 4),
        ("Another Top Section", 1),
    ]


def test_lists_and_quotes_are_text_and_inline_markup_is_plain_words():
    document = read(DOC, "notes.md")
    assert document.sections[1].paragraphs == (
        "First point of the list.",
        "Second point, with bold and a link.",
    )
    assert document.sections[2].paragraphs == ("A quoted remark.",)


def test_code_tables_and_images_are_not_summarised():
    document = read(DOC, "notes.md")
    text = " ".join(p for s in document.sections for p in s.paragraphs)
    assert "never summarised" not in text
    assert "table cell" not in text
    assert "diagram" not in text


def test_several_top_level_headings_are_sections_not_the_title():
    document = read("# One\n\nText one.\n\n# Two\n\nText two.\n", "x.md")
    assert document.title == ""
    assert [s.heading for s in document.sections] == ["One", "Two"]
