"""Installed from a built wheel (not the checkout), the package still finds its templates."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = r"""
import sys
import briefing
from briefing.compose.markdown import compose_markdown, templates_dirs
from briefing.model import Briefing, DocumentDigest, SectionDigest
digest = DocumentDigest("Wheel test", "w.txt", "text", "lead", "english",
                        (SectionDigest("Part", 2, ("A sentence.",), 3),))
text = compose_markdown(Briefing("From the wheel", "2026-01-02", (digest,)))
print(briefing.__file__)
print([str(d) for d in templates_dirs(None)])
print(text)
"""


def test_templates_are_found_from_an_installed_wheel(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("briefing-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/templates/briefing.md.j2" in names
    assert "briefing/templates/page.html.j2" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Run from an empty folder with only the installed copy (and the venv's dependencies)
    # importable: no path leads back to the checkout's templates/.
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r})\n" + CHECK],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    installed_file, dirs, *markdown = result.stdout.splitlines()
    assert installed_file.startswith(str(target))
    assert str(target) in dirs and str(ROOT) not in dirs
    assert "From the wheel" in "\n".join(markdown)
    assert "A sentence." in "\n".join(markdown)
