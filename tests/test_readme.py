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
