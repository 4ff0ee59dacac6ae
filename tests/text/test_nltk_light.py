"""nltk is loaded without scipy's and numpy's import cost, and all still work afterwards."""
import subprocess
import sys
import textwrap

import pytest


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                         check=True)
    return out.stdout.strip()


def test_first_nltk_import_leaves_scipy_unloaded_and_importable():
    pytest.importorskip("scipy")
    out = _run("""
        import sys
        from quotetrack.text import nltk_light
        punkt = nltk_light.load("nltk.tokenize.punkt")
        print("scipy" in sys.modules)
        print(punkt.PunktSentenceTokenizer().tokenize("One came. Two went."))
        import scipy.stats
        print(scipy.stats.norm.cdf(0))
        """)
    assert out.splitlines() == ["False", "['One came.', 'Two went.']", "0.5"]


def test_first_nltk_import_leaves_numpy_unloaded_and_importable():
    pytest.importorskip("numpy")
    out = _run("""
        import sys
        from quotetrack.text import nltk_light
        stemmer = nltk_light.load("nltk.stem.snowball").SnowballStemmer("english")
        print("numpy" in sys.modules, stemmer.stem("running"))
        import numpy
        print(int(numpy.arange(4).sum()))
        """)
    assert out.splitlines() == ["False run", "6"]


def test_extraction_and_stemming_in_one_process_work_and_skip_scipy():
    out = _run("""
        import sys
        from quotetrack.pipeline import extract
        from quotetrack.claims.match import stem
        doc = extract("The mayor arrived. “We will rebuild,” she said.", doc_id="d")
        print(doc.quotes[0].mention.text, stem("rebuilding"), "scipy" in sys.modules)
        """)
    assert out == "she rebuild False"


def test_a_process_that_loaded_scipy_first_keeps_it():
    pytest.importorskip("scipy")
    out = _run("""
        import sys, scipy
        from quotetrack.text import nltk_light
        nltk_light.load("nltk.stem.snowball")
        print(sys.modules["scipy"] is scipy)
        """)
    assert out == "True"
