"""Extract many documents on every core: the ``--jobs N`` of extract, claims and track add.

:func:`run` takes the reader's items (Inputs and InputErrors, in order) and yields, in the
same order, a :class:`~quotetrack.model.Document` for each document, a :class:`Failure`
for each document the pipeline could not process, and each InputError as it came.  With
one job it works in this process; with more, a pool of worker processes extracts chunks
of :data:`CHUNK_DOCUMENTS` documents while at most :data:`CHUNKS_IN_FLIGHT` chunks a
worker wait or run, so memory is bounded however long the input.  Results come back in
input order, so the output is the same bytes as with one job; the caller writes them
(``track add`` stays the ledger's only writer).  A Document from a worker comes without
its paragraphs, sentences and entities (what the writers and the ledger do not read),
which halves the cost of sending it between processes.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from functools import partial
from typing import Callable, Iterable, Iterator, Sequence, Union

from ..config import Config
from .. import pipeline
from ..model import Document
from ..read.records import Input, InputError, Item
from ..read.transcript import TranscriptError, looks_like_transcript

CHUNK_DOCUMENTS = 16        # documents a worker takes at once
CHUNKS_IN_FLIGHT = 4        # chunks per worker submitted and not yet written
RETRIES = 2                 # times a chunk that dies alone is tried again before it fails
WORKER_DIED = "internal error: the worker process extracting this document's chunk died"
# Run once before the workers fork: two sentences, a quote and a number reach every table
# and the sentence splitter (nltk), which the workers then share instead of each loading them.
WARM_UP_TEXT = "“It is warm,” Mr. Ortiz said. Prices rose 4% in 2020.\n\nThe end."


@dataclass(frozen=True)
class Failure:
    """A document the pipeline could not process: its id and a one-line message."""
    doc_id: str
    message: str


Result = Union[Document, Failure, InputError]


def workers(jobs: int) -> int:
    """The number of processes ``--jobs`` asks for: ``0`` is every core this process may use."""
    if jobs < 0:
        raise ValueError(f"jobs={jobs} must be 0 (every core) or more")
    if jobs:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                 # not Linux
        return os.cpu_count() or 1


def process(item: Item, config: Config, transcript: bool | None = False) -> Result:
    """One reader item -> its Document, or a Failure (anything not an Input, such as an
    InputError, passes through).  ``transcript``: True reads every text as a transcript,
    None one that looks like one (a file, not a JSON Lines record), False none.

    A transcript that is not one fails with its own message; any other exception is an
    ``internal error`` naming its type, so one bad article never ends a batch.
    """
    if not isinstance(item, Input):
        return item
    if transcript is None:
        transcript = not item.record and looks_like_transcript(item.text)
    try:
        if transcript:
            return pipeline.extract_transcript(item.text, doc_id=item.doc_id, config=config,
                                               meta=item.meta)
        return pipeline.extract(item.text, doc_id=item.doc_id, config=config, meta=item.meta)
    except TranscriptError as exc:
        return Failure(item.doc_id, str(exc))
    except Exception as exc:   # noqa: BLE001 - a pipeline bug must not end the batch
        return Failure(item.doc_id, f"internal error: {type(exc).__name__}: {exc}")


def process_chunk(chunk: Sequence[Item], config: Config, transcript: bool | None = False) -> list[Result]:
    """:func:`process` over one chunk, in a worker; Documents travel back slimmed."""
    return [slim(process(item, config, transcript)) for item in chunk]


def slim(result: Result) -> Result:
    """A Document without the parts no writer reads (paragraphs, sentences, entities)."""
    if isinstance(result, Document):
        return replace(result, paragraphs=(), sentences=(), entities=())
    return result


def warm_up(config: Config) -> None:
    """Load the word lists and tables once in this process, so forked workers share them."""
    pipeline.extract(WARM_UP_TEXT, config=config)


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily.

    >>> [len(c) for c in chunks(range(5), 2)]
    [2, 2, 1]
    """
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(items: Iterable[Item], config: Config, jobs: int = 1, transcript: bool | None = False,
        chunk_size: int = CHUNK_DOCUMENTS) -> Iterator[Result]:
    """The result of every item, in input order, on ``jobs`` processes (0: every core).

    A worker that dies (killed, or crashed inside a library) breaks the pool: a new pool
    takes the chunks that were waiting, and each chunk the break cut off runs again in a
    process of its own, so only a chunk that dies alone :data:`RETRIES` + 1 times fails its
    documents (:data:`WORKER_DIED`); the run goes on.
    """
    n = workers(jobs)
    if n == 1:
        for item in items:
            yield process(item, config, transcript)
        return
    warm_up(config)
    pool = _Pool(n, partial(process_chunk, config=config, transcript=transcript))
    try:
        for chunk in chunks(items, chunk_size):
            pool.submit(chunk)
            while len(pool.pending) >= n * CHUNKS_IN_FLIGHT:
                yield from pool.next_results()
        while pool.pending:
            yield from pool.next_results()
    finally:
        pool.close()


class _Pool:
    """A process pool with its chunks in flight, oldest first, rebuilt when a worker dies."""

    def __init__(self, n: int, work: Callable[[list[Item]], list[Result]]):
        self.n, self.work = n, work
        self.executor = ProcessPoolExecutor(max_workers=n)
        self.pending: deque[list] = deque()          # [future, or None to run alone; chunk]

    def submit(self, chunk: list[Item]) -> None:
        try:
            future = self.executor.submit(self.work, chunk)
        except BrokenProcessPool:
            self._restart()
            future = self.executor.submit(self.work, chunk)
        self.pending.append([future, chunk])

    def next_results(self) -> list[Result]:
        future, chunk = self.pending.popleft()
        if future is None:
            return self._alone(chunk)
        try:
            return future.result()
        except BrokenProcessPool:
            self._restart()
            return self._alone(chunk)

    def _alone(self, chunk: list[Item]) -> list[Result]:
        """A chunk that was in flight when a worker died, run in a process of its own: a
        chunk that was only there at the time comes out whole, and only the chunk that
        kills its own process :data:`RETRIES` + 1 times fails its documents."""
        for _ in range(RETRIES + 1):
            with ProcessPoolExecutor(max_workers=1) as alone:
                try:
                    return alone.submit(self.work, chunk).result()
                except BrokenProcessPool as exc:
                    error = exc
        return [Failure(item.doc_id, f"{WORKER_DIED} ({error})")
                if isinstance(item, Input) else item for item in chunk]

    def _restart(self) -> None:
        """A new pool for the chunks still to come; each chunk in flight that did not finish
        will run alone (:meth:`_alone`), so the one that broke the pool cannot break the new
        one beside the others."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = ProcessPoolExecutor(max_workers=self.n)
        for entry in self.pending:
            future = entry[0]
            if future is not None and not (future.done() and not future.cancelled() and future.exception() is None):
                entry[0] = None

    def close(self) -> None:
        for future, _ in self.pending:
            if future is not None:
                future.cancel()
        self.executor.shutdown(cancel_futures=True)
