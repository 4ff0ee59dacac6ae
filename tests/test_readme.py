"""The README's Python example runs as written, and its set-up commands match CI."""
import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_example_runs():
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert result.attempted >= 4
    assert result.failed == 0


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]" && python -m pytest -q' in readme
    assert '-m pip install --quiet ".[test]"' in ci
    assert '-m pytest -q' in ci
    assert 'pip install ".[archive,spark]"' in readme
    assert '-m pip install --quiet ".[archive,spark]"' in ci and "QUOTETRACK_CI=1" in ci


def test_readme_is_a_short_tour_and_docs_have_every_command():
    """Issue 12: the README is a short tour with a screenshot; docs/ has one page a command."""
    import argparse
    from quotetrack import cli
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < 12_000
    assert "![" in readme and (ROOT / "docs" / "extract.png").is_file()
    commands = next(a for a in cli.create_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name in commands.choices:
        page = ROOT / "docs" / f"{name}.md"
        assert page.is_file(), name
        assert (ROOT / "scripts" / "docs" / f"{name}.template.md").is_file()
        assert f"({name}.md)" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
        assert f"quotetrack {name}" in page.read_text(encoding="utf-8")
