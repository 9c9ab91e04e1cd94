"""A daily run does the work its day needs and no more: a day with nothing new loads no
summariser, no feed parser and no TLS for plain-http feeds, and starts no process pool;
what a run prepares early (compiled templates) is never stale; the program leaves what it
loaded to the end of the process instead of a last garbage collection."""

import gc
import json
import os
import subprocess
import sys

from busysite import BusySite, add_feed
from test_fetch_concurrency import DAY, NEXT_DAY, briefing_md, run, write_config

from briefing.cli import main
from briefing.compose.markdown import compose_markdown
from briefing.model import Briefing

REPORT = """
import json, sys
from briefing.cli import main
code = main(["run", "--config", {config!r}, "--date", {date!r}, "--quiet"])
from briefing.fetch import http
tls = http._new_ssl_context.cache_info().currsize
print(json.dumps({{"code": code, "modules": sorted(sys.modules), "tls": tls}}))
"""

#: What summarising, reading pages and parsing feeds need; a day with nothing new needs none.
HEAVY = {
    "sumy",
    "nltk",
    "numpy",
    "scipy",
    "punkt",
    "trafilatura",
    "lxml",
    "feedparser",
    "weasyprint",
    "multiprocessing",
    "concurrent.futures.process",
}


def test_a_day_with_nothing_new_loads_no_summariser_no_feed_parser_and_no_tls(tmp_path, capsys):
    with BusySite() as site:
        feeds = [add_feed(site, "city", 3), add_feed(site, "port", 2, seed=1)]
        config = write_config(tmp_path, feeds)
        assert run(config, capsys)[0] == 0
        site.statuses.clear()
        code = REPORT.format(config=str(config), date=NEXT_DAY)
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    assert sorted(site.answered(304)) == ["/city.xml", "/port.xml"]
    assert "Nothing new" in briefing_md(config, NEXT_DAY).decode()
    loaded = set(report["modules"])
    assert HEAVY & (loaded | {name.split(".")[0] for name in loaded}) == set()
    assert report["tls"] == 0  # the CA bundle is loaded for https only


def test_a_template_edited_between_two_renders_in_one_process_is_used(tmp_path):
    briefing = Briefing("Daily", DAY)
    template = tmp_path / "briefing.md.j2"
    template.write_text("first {{ briefing.title }}\n")
    assert compose_markdown(briefing, tmp_path) == "first Daily\n"
    template.write_text("second {{ briefing.title }}\n")
    later = template.stat().st_mtime + 2  # an edit seconds later, as a person makes one
    os.utime(template, (later, later))
    assert compose_markdown(briefing, tmp_path) == "second Daily\n"


def test_only_the_program_itself_skips_the_last_garbage_collection(tmp_path, capsys):
    frozen = gc.get_freeze_count()
    assert main(["algorithms"]) == 0  # a caller in a longer process, as a test is
    assert gc.get_freeze_count() == frozen
    code = "import gc, sys; from briefing.cli import main; sys.argv = ['briefing', 'algorithms']; "
    code += "main(); print(gc.get_freeze_count())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert int(result.stdout.splitlines()[-1]) > 0, result.stderr


def test_a_template_added_to_the_folder_between_two_renders_is_used(tmp_path):
    briefing = Briefing("Daily", DAY)
    built_in = compose_markdown(briefing, tmp_path)
    assert built_in.startswith("# Daily")
    (tmp_path / "briefing.md.j2").write_text("mine {{ briefing.title }}\n")
    assert compose_markdown(briefing, tmp_path) == "mine Daily\n"
