"""``briefing eval`` on clusters: the day in brief measured as multi-document summarisation."""

import json

import pytest
from test_evaluate import needs_rouge, table_rows

from briefing.errors import InputError
from briefing.evaluate.mds import (
    cluster_length,
    evaluate_clusters,
    is_cluster_file,
    read_clusters,
    summarize_cluster,
)

FERRY = {
    "id": "ferry",
    "documents": [
        {
            "title": "Island ferry returns after repairs",
            "text": "The island ferry returned to service on Friday after six weeks of repairs.\n"
            "Engineers replaced both engines\nand the steering gear.\n\n"
            "The first crossing left the mainland at seven in the morning.",
        },
        {
            "title": "Ferry back on the island route",
            "text": "Islanders welcomed the ferry back on Friday morning.\n\n"
            "Shops on the island had run short of fresh milk during the repairs.\n\n"
            "By Andrew Reed",
        },
    ],
    "references": [
        "The island ferry is back in service after six weeks of engine repairs. "
        "Islanders welcomed it on Friday. Shops had run short of milk.",
        "After repairs to its engines, the ferry returned on Friday. The first crossing "
        "left at seven. Islanders had lacked fresh milk.",
    ],
}
LIBRARY = {
    "id": "library",
    "documents": [
        {
            "title": "",
            "text": "The town library will open on Sundays from March.\n\n"
            "Volunteers will staff the reading room on Sunday afternoons.",
        },
        {
            "title": "",
            "text": "Sunday opening at the library was approved by the council.\n\n"
            "The council also approved a new children's corner.",
        },
    ],
    "reference": "The library opens on Sundays from March. Volunteers will staff it. "
    "The council approved it.",
}


def write_clusters(path, *clusters):
    path.write_text("".join(json.dumps(c) + "\n" for c in clusters), encoding="utf-8")
    return path


def test_clusters_are_read_with_blank_lines_between_paragraphs_and_halves(tmp_path):
    path = write_clusters(tmp_path / "days.jsonl", FERRY, LIBRARY)
    assert is_cluster_file(path)
    ferry, library = read_clusters(path)
    assert (ferry.second_half, library.second_half) == (False, True)
    assert ferry.documents[0].title == "Island ferry returns after repairs"
    assert len(ferry.documents[1].sections[0].paragraphs) == 3
    assert ferry.documents[0].sections[0].paragraphs[0].endswith("engines\nand the steering gear.")
    assert library.references == (LIBRARY["reference"],)


def test_budget_is_the_references_mean_sentence_count_clamped_to_3_to_7():
    assert cluster_length(["One. Two.", "One. Two. Three. Four."]) == 3
    assert cluster_length(["One. Two. Three. Four. Five."] * 2) == 5
    assert cluster_length([" ".join(f"Point {i} holds." for i in range(12))]) == 7


def test_lead_takes_first_sentences_in_turn_and_brief_one_per_item_first(tmp_path):
    [ferry] = read_clusters(write_clusters(tmp_path / "days.jsonl", FERRY))
    assert summarize_cluster(ferry, "lead") == [
        "The island ferry returned to service on Friday after six weeks of repairs.",
        "Islanders welcomed the ferry back on Friday morning.",
        "Engineers replaced both engines and the steering gear.",
    ]
    brief = summarize_cluster(ferry, "brief")
    assert len(brief) == 3
    assert any(s in FERRY["documents"][0]["text"] for s in brief)
    assert any(s in FERRY["documents"][1]["text"] for s in brief)
    assert "By Andrew Reed" not in brief  # a byline is not a sentence


@needs_rouge
def test_eval_command_measures_clusters_in_mds_mode(tmp_path, cli):
    path = write_clusters(tmp_path / "days.jsonl", FERRY, LIBRARY)
    result = cli("eval", path)
    assert result.returncode == 0, result.stderr
    assert "2 clusters, mode mds" in result.stdout.splitlines()[0]
    rows = table_rows(result.stdout)
    assert [r[0] for r in rows[::3]] == ["lead", "lexrank", "textrank", "brief"]
    assert {r[1] for r in rows} == {"mds"}
    assert all(0 < float(r[4]) <= 100 for r in rows)
    results = evaluate_clusters(read_clusters(path), ["lead"])
    assert [r.half for r in results] == ["first half", "second half", "all"]


def test_a_cluster_file_refuses_single_document_modes(tmp_path, cli):
    path = write_clusters(tmp_path / "days.jsonl", FERRY)
    result = cli("eval", path, "--mode", "sections", "-a", "lead")
    assert result.returncode == 2
    assert "needs a file of documents" in result.stderr


@pytest.mark.parametrize(
    "cluster, message",
    [
        (dict(FERRY, documents=[]), "'documents'"),
        (dict(FERRY, references=[""]), "'references'"),
        (dict(FERRY, documents=[{"title": "T"}]), "document 1"),
    ],
)
def test_a_bad_cluster_is_one_error_naming_file_and_line(tmp_path, cluster, message):
    path = write_clusters(tmp_path / "days.jsonl", FERRY, cluster)
    with pytest.raises(InputError, match=message) as error:
        read_clusters(path)
    assert str(error.value).startswith(f"{path}:2: ")


def test_a_cluster_document_with_no_sentences_is_left_out_of_the_brief_as_a_daily_run_would(
    tmp_path,
):
    furniture = {"title": "", "text": "More from this journal"}
    with_furniture = dict(FERRY, documents=[furniture, *FERRY["documents"]])
    write_clusters(tmp_path / "c.jsonl", with_furniture)
    (cluster,) = read_clusters(tmp_path / "c.jsonl")
    summary = summarize_cluster(cluster, "brief")
    assert summary and all(s != "More from this journal" for s in summary)
