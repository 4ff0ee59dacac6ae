"""Adversarial document shapes, timed at two sizes: ``quotetrack bench --shapes``.

Each shape is a kind of odd document a news archive holds (a transcript with no full
stop, a feed of one-line paragraphs, a scraped page with a thousand items in one
paragraph) that once cost quadratic time or output (issue 10).  :func:`run_shapes` makes
each at two sizes, ``FACTOR`` (8) times apart, extracts it (claims stage included, as
:func:`quotetrack.extract` does by default) and reports the CPU time of each size, how the
time grows (linear is about 8x) and how many bytes of JSON Lines output each input byte
gives.  A shape that grows much faster than its input is a regression.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, NamedTuple

from tabulate import tabulate

from ..config import Config
from ..pipeline import extract
from ..text import jsonl

FACTOR = 8                     # the larger input is this many times the smaller
SMALL_BYTES = 20_000           # about the size of the smaller input of each shape


class Shape(NamedTuple):
    name: str
    what: str
    unit: str                  # the repeated piece (its size sets the repetitions)
    make: Callable[[int], str]  # repetitions -> text


def _repeat(unit: str, sep: str = "") -> Callable[[int], str]:
    return lambda n: sep.join([unit] * n)


def _news_one_line(n: int) -> str:
    """The corpus articles with their line breaks removed, repeated: ordinary news in one paragraph."""
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    base = " ".join(" ".join(t.split()) for t in texts) or "“The deal is fair,” Gantz said. " * 40
    return " ".join([base] * max(1, n // len(base) + 1))[:n]


def _name(i: int) -> str:
    """A made-up surname of three syllables for each number, all different below 45 ** 3 (and
    all as long, so a shape grows as its repetitions): 0 -> "Bababan", 1 -> "Bebaban"."""
    syllables = [c + v for c in "bdklmnrst" for v in "aeiou"]
    out = ""
    for _ in range(3):
        i, k = divmod(i, len(syllables))
        out += syllables[k]
    return out.capitalize() + "n"


def _numbered(unit: str) -> Callable[[int], str]:
    """``unit`` (with {name} fields) repeated with a new surname each time."""
    return lambda n: "".join(unit.format(name=_name(i), first=("Ana", "Tomas", "Cora", "Dario")[i % 4])
                             for i in range(n))


SHAPES: tuple[Shape, ...] = (
    Shape("cueless_quotes", "cue-less quotes, one a line", "“Yes.”\n", _repeat("“Yes.”", "\n")),
    Shape("short_quotes", "many short quotes in one paragraph", "“a,” he said. ", _repeat("“a,” he said. ")),
    Shape("cue_words", "one line of a cue word", "said ", _repeat("said ")),
    Shape("quote_dash", "quote then dash", "“Yes.” — no. ", _repeat("“Yes.” — no. ")),
    Shape("two_sources", "two sources per clause, no full stop",
          "Smith said that the plan would work while Jones said that it would fail and ",
          _repeat("Smith said that the plan would work while Jones said that it would fail and ")),
    Shape("subordinate", "an opening subordinate clause and many sources",
          "Although Smith said that it works while Jones said that it fails and ",
          _repeat("Although Smith said that it works while Jones said that it fails and ")),
    Shape("pronoun_sources", "pronoun sources in one sentence", "He said it works, she said it fails, ",
          _repeat("He said it works, she said it fails, ")),
    Shape("naming_labels", "naming cues with quoted labels", "Smith called him “a” and “b” and ",
          _repeat("Smith called him “a” and “b” and ")),
    Shape("roster", "a list of people, several of a first name", "Ana Bababan, ", _numbered("{first} {name}, ")),
    Shape("one_surname", "many people of one surname", "Senator Bababan Hale said it was good. ",
          _numbered("Senator {name} Hale said it was good. ")),
    Shape("companies", "many companies of one kind, each then \"the company\"",
          "Bababan Holdings said profits rose in May. The company said it would hire more staff. ",
          _numbered("{name} Holdings said profits rose in May. The company said it would hire more staff. ")),
    Shape("speakers", "a new speaker a paragraph, then he and a description",
          "“Yes,” said Ana Bababan of the Bababan Board. He added that it was fine. The official agreed.\n\n",
          _numbered("“Yes,” said {first} {name} of the {name} Board. He added that it was fine. "
                    "The official agreed.\n\n")),
    Shape("bodies", "bodies a description introduces, then by kind",
          "A Bababan Valley ballot commission met. The commission said it would act now. ",
          _numbered("A {name} Valley ballot commission met. The commission said it would act now. ")),
    Shape("role_groups", "senators, then \"the two senators\"",
          "Senator Ana Bababan said it was good. The two senators said it would pass. ",
          _numbered("Senator {first} {name} said it was good. The two senators said it would pass. ")),
    Shape("initials_names", "people named by initials and a surname, each a new one",
          "R.K. Bababan said it was fine. ", _numbered("R.K. {name} said it was fine. ")),
    Shape("news_one_line", "the corpus articles with line breaks removed", "x", _news_one_line),
)


class ShapeResult(NamedTuple):
    name: str
    what: str
    small_bytes: int
    large_bytes: int
    small_cpu: float
    large_cpu: float
    out_per_in: float          # JSON Lines bytes per input byte, at the larger size

    @property
    def growth(self) -> float:
        return self.large_cpu / self.small_cpu if self.small_cpu > 0 else 0.0


def _cpu(text: str, config: Config, repeat: int) -> tuple[float, int]:
    """The least CPU time of ``repeat`` extractions of ``text``, and its output's size in bytes."""
    best, size = float("inf"), 0
    for _ in range(repeat):
        c0 = time.process_time()
        doc = extract(text, doc_id="shape", config=config)
        best = min(best, time.process_time() - c0)
        size = len(jsonl.line(doc.to_dict()).encode("utf-8")) + 1
    return best, size


def sized(shape: Shape, small_bytes: int, factor: int = FACTOR) -> tuple[str, str]:
    """The shape at about ``small_bytes`` and at ``factor`` times as many repetitions."""
    n = max(1, small_bytes // len(shape.unit.encode("utf-8"))) if shape.unit != "x" else small_bytes
    return shape.make(n), shape.make(n * factor)


def save_shapes(directory: Path, small_bytes: int | None = None, factor: int = FACTOR) -> list[Path]:
    """Write every shape at both sizes to ``directory`` (made if missing) as NAME-BYTES.txt."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for shape in SHAPES:
        for text in sized(shape, SMALL_BYTES if small_bytes is None else small_bytes, factor):
            data = text.encode("utf-8")
            path = directory / f"{shape.name}-{len(data)}.txt"
            path.write_bytes(data)
            written.append(path)
    return written


def measure_shape(shape: Shape, small_bytes: int = SMALL_BYTES, factor: int = FACTOR,
                  config: Config | None = None, repeat: int = 1) -> ShapeResult:
    """Time one shape at about ``small_bytes`` and ``factor`` times that."""
    config = config or Config()
    small, large = sized(shape, small_bytes, factor)
    small_cpu, _ = _cpu(small, config, max(repeat, 3))      # small runs are short: best of 3 at least
    large_cpu, out = _cpu(large, config, repeat)
    big = len(large.encode("utf-8"))
    return ShapeResult(shape.name, shape.what, len(small.encode("utf-8")), big, small_cpu, large_cpu,
                       out / big)


def run_shapes(small_bytes: int | None = None, factor: int = FACTOR, config: Config | None = None,
               repeat: int = 1) -> list[ShapeResult]:
    """Every shape of :data:`SHAPES`, measured (a warm-up extraction first loads the word lists);
    ``small_bytes`` defaults to :data:`SMALL_BYTES`."""
    small_bytes = SMALL_BYTES if small_bytes is None else small_bytes
    extract("“Warm,” he said. Smith said that it works.", config=config or Config())
    return [measure_shape(s, small_bytes, factor, config, repeat) for s in SHAPES]


def format_shapes(results: list[ShapeResult], factor: int = FACTOR) -> str:
    rows = [(r.name, r.what, f"{r.small_bytes / 1000:,.0f} → {r.large_bytes / 1000:,.0f}",
             f"{r.small_cpu:.3f}", f"{r.large_cpu:.3f}", f"{r.growth:.1f}x", f"{r.out_per_in:.1f}")
            for r in results]
    return tabulate(rows, headers=("shape", "document", "KB", "CPU s", f"CPU s ({factor}x)", "growth",
                                   "out bytes / in byte"),
                    colalign=("left", "left", "right", "right", "right", "right", "right"),
                    disable_numparse=True)
