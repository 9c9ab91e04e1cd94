"""``briefing eval``: ROUGE against human summaries, at their length, and its one-line errors."""

import json
import sys
import time

import pytest

from briefing.errors import InputError, UsageError
from briefing.evaluate import (
    evaluate,
    merged,
    read_dataset,
    rouge_scorer,
    summarize_example,
    summary_length,
)

HARBOUR = {
    "id": "harbour",
    "title": "Harbour reopens",
    "sections": [
        {
            "heading": "",
            "text": "The city harbour reopened on Monday after a two-week closure for repairs. "
            "A brass band played on the quay, and the band played again in the evening. "
            "The band and the bakery on the quay drew crowds; the bakery sold out of bread. "
            "Crowds on the quay heard the band and bought bread from the bakery.",
        }
    ],
    "reference": "The city harbour reopened on Monday after a two-week closure for repairs.",
}

ORCHARD = {
    "id": "orchard",
    "title": "Orchard report",
    "sections": [
        {"heading": "Spring", "text": "Apple trees flowered early this year. Bees arrived late."},
        {
            "heading": "Harvest",
            "text": "Pickers gathered twelve tonnes of apples. Cider makers bought most of them."
            "\n\nPrices fell.",
        },
    ],
    "reference": "Apple trees flowered early this year. Bees arrived late. "
    "Pickers gathered twelve tonnes of apples. Cider makers bought most of them. Prices fell.",
}


def write_dataset(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


needs_rouge = pytest.mark.skipif(
    not __import__("importlib.util").util.find_spec("rouge_score"),
    reason="needs the eval extra (rouge-score)",
)


def test_reads_documents_sections_paragraphs_and_reference(tmp_path):
    examples = read_dataset(write_dataset(tmp_path / "set.jsonl", HARBOUR, ORCHARD))
    assert [e.id for e in examples] == ["harbour", "orchard"]
    orchard = examples[1].document
    assert orchard.title == "Orchard report"
    assert [s.heading for s in orchard.sections] == ["Spring", "Harvest"]
    assert orchard.sections[1].paragraphs == (
        "Pickers gathered twelve tonnes of apples. Cider makers bought most of them.",
        "Prices fell.",
    )
    assert merged(orchard).sections[0].paragraphs == (
        "Apple trees flowered early this year. Bees arrived late.",
        *orchard.sections[1].paragraphs,
    )
    assert len(read_dataset(tmp_path / "set.jsonl", limit=1)) == 1


def test_summary_length_is_the_reference_sentence_count_clamped_to_1_to_10():
    assert summary_length("One sentence here.") == 1
    assert summary_length("First point. Second point. Third point.") == 3
    assert summary_length(" ".join(f"Point number {i} matters." for i in range(14))) == 10


def test_sections_mode_shares_the_budget_whole_mode_ignores_headings(tmp_path):
    [orchard] = read_dataset(
        write_dataset(tmp_path / "set.jsonl", dict(ORCHARD, reference="Bees."))
    )
    # One sentence to pick: it goes to the longer section, or to the start of the merged text.
    assert summarize_example(orchard, "lead", "sections") == [
        "Pickers gathered twelve tonnes of apples."
    ]
    assert summarize_example(orchard, "lead", "whole") == ["Apple trees flowered early this year."]
    three = dict(ORCHARD, reference="One. Two. Three.")
    [orchard] = read_dataset(write_dataset(tmp_path / "set.jsonl", three))
    # 2 + 3 sentences, 3 to pick: the longer "Harvest" section gets two of them.
    assert summarize_example(orchard, "lead", "sections") == [
        "Apple trees flowered early this year.",
        "Pickers gathered twelve tonnes of apples.",
        "Cider makers bought most of them.",
    ]
    assert summarize_example(orchard, "lead", "whole") == [
        "Apple trees flowered early this year.",
        "Bees arrived late.",
        "Pickers gathered twelve tonnes of apples.",
    ]


@needs_rouge
def test_a_summary_identical_to_the_reference_scores_100(tmp_path):
    # The reference is the whole document, so every algorithm keeps every sentence.
    examples = read_dataset(write_dataset(tmp_path / "set.jsonl", ORCHARD))
    for result in evaluate(examples, ["lead", "lsa", "auto"], mode="sections"):
        assert (result.rouge1, result.rouge2, result.rougeLsum) == (100.0, 100.0, 100.0)
        assert result.documents == 1


@needs_rouge
def test_lead_wins_when_the_reference_is_the_first_sentence(tmp_path):
    examples = read_dataset(write_dataset(tmp_path / "set.jsonl", HARBOUR))
    others = ["luhn", "sumbasic", "textrank", "kl", "reduction"]
    results = {r.algorithm: r for r in evaluate(examples, ["lead", *others])}
    assert (results["lead"].rouge1, results["lead"].rouge2, results["lead"].rougeLsum) == (
        100,
        100,
        100,
    )
    for name in others:
        assert results[name].rouge1 < 100.0, name
        assert 0 <= results[name].rouge2 <= results[name].rouge1


def table_rows(stdout):
    """The table's rows as lists of cells, header and rule left out."""
    lines = [line for line in stdout.splitlines() if line.startswith("| ") and "---" not in line]
    return [[cell.strip() for cell in line.split("|")[1:-1]] for line in lines[1:]]


@needs_rouge
def test_eval_command_prints_a_table_per_algorithm_and_half(tmp_path, cli):
    dataset = write_dataset(tmp_path / "set.jsonl", HARBOUR, ORCHARD)
    result = cli("eval", dataset, "--algorithm", "lead", "-a", "luhn,lsa", "--mode", "whole")
    assert result.returncode == 0, result.stderr
    assert "2 documents" in result.stdout.splitlines()[0]
    rows = table_rows(result.stdout)
    assert [(r[0], r[2]) for r in rows] == [
        (name, half)
        for name in ("lead", "luhn", "lsa")
        for half in ("first half", "second half", "all")
    ]
    assert {r[1] for r in rows} == {"whole"}
    assert [r[3] for r in rows[:3]] == ["1", "1", "2"]  # one document in each half
    lead = [float(x) for x in rows[0][4:7]]
    assert lead[0] == 100.0  # the first document: its reference is what lead picks
    assert all(0 <= float(x) <= 100 for r in rows for x in r[4:7])
    assert all(float(r[4]) > 0 for r in rows)  # every summary shares words with its reference


@needs_rouge
def test_halves_are_the_files_halves_whatever_the_limit(tmp_path, cli):
    records = [dict(HARBOUR, id=f"h{i}") for i in range(4)]
    dataset = write_dataset(tmp_path / "set.jsonl", *records)
    assert [e.second_half for e in read_dataset(dataset)] == [False, False, True, True]
    assert [e.second_half for e in read_dataset(dataset, limit=3)] == [False, False, True]
    result = cli("eval", dataset, "-a", "lead", "--limit", "2")
    assert [(r[2], r[3]) for r in table_rows(result.stdout)] == [("first half", "2")]


@needs_rouge
def test_a_document_with_an_empty_reference_is_counted_but_not_scored(tmp_path, cli):
    dataset = write_dataset(tmp_path / "set.jsonl", HARBOUR, dict(ORCHARD, reference=""))
    result = cli("eval", dataset, "-a", "lead")
    assert result.returncode == 0, result.stderr
    assert "2 documents (1 without a reference, not scored)" in result.stdout
    assert [(r[2], r[3]) for r in table_rows(result.stdout)] == [("first half", "1")]


@needs_rouge
def test_eval_counts_picks_cut_from_the_sentence_they_lean_on(tmp_path):
    story = {
        "id": "quay",
        "title": "Harbour quay",
        "sections": [
            {
                "heading": "",
                "text": "The harbour board met on Monday. Dredging of the quay starts in May. "
                "However, the dredging of the quay in May will cost twice the budget.",
            }
        ],
        "reference": "The dredging budget doubled.",
    }
    examples = read_dataset(write_dataset(tmp_path / "set.jsonl", story))
    assert summarize_example(examples[0], "textrank", "sections")[0].startswith("However")
    results = {r.algorithm: r for r in evaluate(examples, ["textrank", "auto"])}
    assert results["textrank"].cut_off == 100.0  # its one pick leans on an unpicked sentence
    assert results["auto"].cut_off == 0.0


@needs_rouge
def test_eval_command_json_and_limit(tmp_path, cli):
    dataset = write_dataset(tmp_path / "set.jsonl", HARBOUR, ORCHARD)
    started = time.perf_counter()
    result = cli("eval", dataset, "-a", "lead", "--limit", "1", "--json")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["algorithm"] == "lead" and row["mode"] == "sections" and row["documents"] == 1
    assert row["half"] == "first half"
    assert row["rouge1"] == row["rouge2"] == row["rougeLsum"] == 100.0
    # The time spent summarising, in seconds: some, and less than the whole command took.
    assert isinstance(row["seconds"], float) and 0 < row["seconds"] < elapsed
    assert row["cut_off"] == 0.0


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"title": "T", "sections": [{"heading": "", "text": "A b."}]}), "'reference'"),
        (
            json.dumps({"title": "T", "sections": [{"heading": "", "text": "A."}], "reference": 3}),
            "'reference' must be a string",
        ),
        (json.dumps({"title": "T", "sections": [], "reference": "R."}), "'sections'"),
        (
            json.dumps({"title": "T", "sections": [{"heading": "H"}], "reference": "R."}),
            "section 1",
        ),
    ],
)
def test_a_bad_line_is_one_error_naming_file_and_line(tmp_path, cli, line, message):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(HARBOUR) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        read_dataset(path)
    assert str(error.value).startswith(f"{path}:2: ")
    result = cli("eval", path, "-a", "lead")
    assert result.returncode == 1
    assert result.stderr == f"briefing: error: {error.value}\n"


def test_missing_or_empty_dataset_is_an_input_error(tmp_path, cli):
    result = cli("eval", tmp_path / "absent.jsonl")
    assert result.returncode == 1
    assert result.stderr.startswith("briefing: error: ") and "absent.jsonl" in result.stderr
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(InputError, match="no documents"):
        read_dataset(tmp_path / "empty.jsonl")


def test_a_document_without_sentences_names_its_line(tmp_path):
    empty = dict(HARBOUR, sections=[{"heading": "", "text": "   "}])
    [example] = read_dataset(write_dataset(tmp_path / "set.jsonl", empty))
    with pytest.raises(InputError, match=r"set\.jsonl:1: no sentences"):
        summarize_example(example, "lead", "sections")


def test_unknown_algorithm_is_a_usage_error(tmp_path, cli):
    result = cli("eval", write_dataset(tmp_path / "set.jsonl", HARBOUR), "-a", "lead,nope")
    assert result.returncode == 2
    assert "unknown algorithm 'nope'" in result.stderr


def test_without_rouge_score_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "rouge_score", None)
    monkeypatch.setitem(sys.modules, "rouge_score.rouge_scorer", None)
    with pytest.raises(UsageError, match=r"pip install 'briefing\[eval\]'"):
        rouge_scorer()
