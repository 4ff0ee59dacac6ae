"""One ``cmd_*`` function a subcommand: it takes the parsed arguments, imports what it needs
(nothing is imported before a command runs), and returns the exit code."""
from __future__ import annotations

import argparse
import os
import sys

from ..errors import EXIT_FAILED, EXIT_OK, PROG, report
from .args import UsageError


# --- extract --------------------------------------------------------------------------------------

def make_config(args: argparse.Namespace):
    """The :class:`~quotetrack.config.Config` the options ask for; a bad one is a usage error.

    ``extract`` does not show claims, so the claims stage is off."""
    from ..config import Config, ConfigError
    try:
        return Config(attributions=args.attributions, indirect=args.indirect,
                      floating=args.floating, claims=False)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def cmd_extract(args: argparse.Namespace) -> int:
    """Read each input, extract, write, and go on to the next; 1 if any input failed."""
    return _run_documents(args, make_config(args))


def cmd_claims(args: argparse.Namespace) -> int:
    """Extract with the claims stage on and write each document's ranked claims."""
    from ..config import Config
    ledger = seen = None
    if args.against is not None:
        from ..ledger import matches
        from ..ledger.schema import LedgerError
        from ..ledger.store import Ledger
        try:
            ledger = Ledger(args.against, create=False)
        except LedgerError as exc:
            report(args.against, str(exc))
            return EXIT_FAILED
        seen = matches.seen_before(ledger.conn)
    try:
        return _run_documents(args, Config(claims=True), claims=True, seen=seen)
    finally:
        if ledger is not None:
            ledger.close()


def _run_documents(args: argparse.Namespace, config, claims: bool = False, seen=None) -> int:
    """extract and claims: :func:`quotetrack.scale.batch.run` once the options agree."""
    if (args.format == PARQUET) != (args.output is not None):
        raise UsageError("--format parquet needs --output DIR" if args.format == PARQUET
                         else "--output DIR goes with --format parquet")
    if args.format != PARQUET:
        _table_style(args), _excel(args)
    from ..scale import batch
    return batch.run(args, config, claims, seen)


# --- eval ------------------------------------------------------------------------------------------

def cmd_eval(args: argparse.Namespace) -> int:
    """Score with :func:`quotetrack.evaluation.attribution.run` (imported only now)."""
    try:
        from ..evaluation import attribution as evaluate
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.evaluate":
            raise
        report("eval", "the evaluation module (quotetrack/evaluation/attribution.py) is not available")
        return EXIT_FAILED
    try:
        if args.resolution or args.texts is not None:    # speaker resolution: eval --resolution GOLD
            from ..evaluation import resolution
            unused = [f for f in ("merge_floating", "by_rule", "raw_gold_kinds") if getattr(args, f)]
            return resolution.run(args.gold, args.texts, args.json, args.errors, args.limit, sys.stdout,
                                  args.pred, unused if args.resolution else None)
        code = evaluate.run(args.gold, pred=args.pred, as_json=args.json,
                            merge_floating=args.merge_floating, by_rule=args.by_rule,
                            raw_gold_kinds=args.raw_gold_kinds,
                            errors=args.errors, limit=args.limit, out=sys.stdout)
    except BrokenPipeError:
        raise
    except OSError as exc:
        report(exc.filename or args.gold, exc.strerror or str(exc))
        return EXIT_FAILED
    return int(code or 0)


# --- eval-claims ----------------------------------------------------------------------------------

def cmd_eval_claims(args: argparse.Namespace) -> int:
    """Measure the claim scorer with :func:`quotetrack.evaluation.claims.run`."""
    from ..evaluation import claims as claims_eval
    sentences = args.path.endswith(".jsonl")
    if args.threshold is not None and not sentences:
        raise UsageError("--threshold applies to a .jsonl file of sentences, not to debates")
    if args.sentence_only and sentences:
        raise UsageError("--sentence-only applies to debates (.tsv), not to a .jsonl file")
    return claims_eval.run(args.path, threshold=args.threshold, as_json=args.json,
                           sentence_only=args.sentence_only, out=sys.stdout)


# --- eval-matching ------------------------------------------------------------------------------

def cmd_eval_matching(args: argparse.Namespace) -> int:
    """Measure the claim matcher with :func:`quotetrack.evaluation.retrieval.run`."""
    from ..evaluation import retrieval
    return retrieval.run(args.queries, args.qrels, args.vclaims, run_path=args.run, as_json=args.json,
                         out=sys.stdout)


# --- bench -----------------------------------------------------------------------------------------

def cmd_bench(args: argparse.Namespace) -> int:
    """Time extraction with :func:`quotetrack.evaluation.bench.run`."""
    from ..evaluation import bench
    if (args.shapes and args.paths) or (not args.shapes and (args.shape_bytes or args.save_shapes)):
        args.parser.error("--shapes takes no PATH" if args.shapes else "--shape-bytes and --save-shapes go with --shapes")
    if args.shapes:
        return bench.run_shapes(args.repeat, args.json, sys.stdout, args.claims, args.shape_bytes, args.save_shapes)
    return bench.run(args.paths, repeat=args.repeat, as_json=args.json, out=sys.stdout,
                     claims=args.claims)


# --- track -----------------------------------------------------------------------------------------

def _db(args: argparse.Namespace) -> str:
    from ..ledger.rows import default_path
    return args.db or default_path()


def _excel(args: argparse.Namespace) -> None:
    """--excel is for CSV only: a usage error with another format."""
    if args.excel and args.format != "csv":
        raise UsageError(f"--excel applies to --format csv, not --format {args.format}")


def _table_style(args: argparse.Namespace) -> str:
    from ..write import output
    try:
        output.check_table_style(args.table_style)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return args.table_style


def cmd_track_add(args: argparse.Namespace) -> int:
    """``track add``: extract and store, one document a transaction."""
    from ..ledger import track
    from ..config import Config
    from ..scale import batch
    ok, stored = batch.results_reader(args.paths, track.is_results_file)
    return EXIT_FAILED if not ok else track.run_add(args.paths, _db(args), args.input_format, Config(), sys.stdout, sys.stderr,
                         args.encoding, jobs=args.jobs, stored=stored, progress=args.progress)


def cmd_track_speakers(args: argparse.Namespace) -> int:
    """``track speakers``: every speaker and its names."""
    from ..ledger import track
    return track.run_speakers(_db(args), sys.stdout, _table_style(args))


def cmd_track_claims(args: argparse.Namespace) -> int:
    """``track claims``: the stored claims, filtered."""
    from ..ledger import track
    return track.run_claims(_db(args), sys.stdout, _table_style(args), speaker=args.speaker,
                            since=args.since, until=args.until, outlet=args.outlet,
                            min_score=args.min_score, everything=args.everything)


def cmd_track_repeats(args: argparse.Namespace) -> int:
    """``track repeats``: claims made again, by whom and where; changed numbers."""
    from ..claims import match
    from ..ledger import track
    similarity = match.repeat_threshold() if args.min_similarity is None else args.min_similarity
    if not 0 < similarity <= 1:
        raise UsageError(f"--min-similarity {similarity} must be more than 0 and at most 1")
    return track.run_repeats(_db(args), sys.stdout, _table_style(args), similarity,
                             min_score=args.min_score, everything=args.everything,
                             as_json=args.format == "jsonl")


def cmd_track_export(args: argparse.Namespace) -> int:
    """``track export``: claims or quotes as CSV or JSON Lines."""
    from ..ledger import track
    return track.run_export(_db(args), sys.stdout, args.format, args.what, speaker=args.speaker,
                            since=args.since, until=args.until, outlet=args.outlet,
                            min_score=args.min_score, everything=args.everything)


def cmd_track_import_checks(args: argparse.Namespace) -> int:
    """``track import-checks FILE…``: fact-checks into the ledger."""
    from ..ledger import track
    return track.run_import_checks(args.paths, _db(args), args.format, sys.stdout)


def cmd_track_match(args: argparse.Namespace) -> int:
    """``track match TEXT`` or ``--file ARTICLE``: earlier claims and fact-checks that match."""
    from ..ledger import track
    if (args.text is None) == (args.file is None):
        raise UsageError("give either TEXT or --file ARTICLE")
    style = _table_style(args)
    kinds = {"claims": ("claim",), "checks": ("check",), None: ("claim", "check")}[args.only]
    if args.text is not None:
        queries = [args.text]
    else:
        from ..config import Config
        from ..scale import batch, progress
        tally = progress.Tally()
        docs = list(batch.documents([args.file], None, Config(claims=True), tally))
        if tally.failures:
            return EXIT_FAILED
        queries = [c.text for d in docs for c in d.claims if c.rating.check_worthy]
    return track.run_match(_db(args), queries, sys.stdout, args.format, style, limit=args.limit,
                           min_score=args.min_score, kinds=kinds)


def cmd_track_alias(args: argparse.Namespace) -> int:
    """``track alias OLD NEW``: merge or rename speakers."""
    from ..ledger import track
    return track.run_alias(_db(args), args.old, args.new, sys.stdout)


# --- check -----------------------------------------------------------------------------------------

PARQUET = "parquet"     # the columnar format of extract and claims (quotetrack.write.parquet)


def cmd_spark(args: argparse.Namespace) -> int:
    """``quotetrack spark``: the job (:func:`quotetrack.scale.batch.run_spark`)."""
    from ..scale import batch
    return batch.run_spark(args)


def split_label(value: str) -> tuple[str | None, str]:
    """``--source`` value -> (label, path): "briefing=t.txt" -> ("briefing", "t.txt"); a value
    that is itself an existing file, or has no "=", has no label."""
    label, sep, path = value.partition("=")
    if not sep or not label.strip() or not path or os.path.exists(value):
        return None, value
    return label.strip(), path


def cmd_check(args: argparse.Namespace) -> int:
    """Check each draft (against the sources, if any) and write its findings as they come; 1 if
    any finding is an error (or, with --strict, a warning) or any file could not be read."""
    if args.self_test is not None:
        from ..check import selftest
        return selftest.run(args.self_test or args.drafts, sys.stdout)
    if not args.drafts:
        raise UsageError("give at least one DRAFT to check (or --self-test)")
    _excel(args)
    from ..check import drafts as check
    from ..write.findings import FindingWriter, fails, summary, tally
    from ..read import inputs as reader

    failures = 0
    sources = []
    labels: dict[str, str] = {}
    if args.source:
        from ..check import verify
        for value in args.source:
            label, path = split_label(value)
            try:
                sources.append(verify.load_source(path, args.encoding))
            except verify.SourceError as exc:
                failures += 1
                report(path, str(exc))
                continue
            for note in sources[-1].notes:
                report(path, f"warning: {note}")
            if label:
                labels[label] = sources[-1].name
    page = args.format == "html"          # the page is written once every draft is checked
    writer = None if page else FindingWriter(args.format, sys.stdout, args.excel)
    checked = []
    counts = tally(())
    for item in reader.iter_inputs(args.drafts, encoding=args.encoding):
        if isinstance(item, reader.InputError):
            failures += 1
            report(item.source, item.message)
            continue
        for note in item.notes:
            report(item.doc_id, f"warning: {note}")
        try:
            findings = check.check(item.text, item.doc_id, sources, labels=labels)
        except Exception as exc:   # noqa: BLE001 - a bug on one draft must not end the batch
            failures += 1
            report(item.doc_id, f"internal error: {type(exc).__name__}: {exc}")
            continue
        tally(findings, counts)
        if args.only_problems:
            findings = [f for f in findings if f.severity != "info"]
        if page:
            checked.append((item.doc_id, item.text, findings))
        else:
            writer.write(findings)
    if page:
        from ..write import html
        by_name = {s.name: s for s in sources}
        sys.stdout.write(html.check_page(
            [html.CheckedDraft(name, text, tuple(fs)) for name, text, fs in checked],
            lambda name, line: by_name[name].line_text(line) if name in by_name else None))
    sys.stdout.flush()
    print(summary(counts), file=sys.stderr)
    return EXIT_FAILED if failures or fails(counts, args.strict) else EXIT_OK


# --- serve -----------------------------------------------------------------------------------------

def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the web page and API until interrupted (Ctrl-C); 1 if the extra is missing or the
    address cannot be used."""
    try:
        from ..serve import app
    except ModuleNotFoundError as exc:
        if exc.name not in ("flask", "waitress", "werkzeug"):
            raise
        report("serve", f"needs {exc.name}, which comes with the serve extra: pip install 'quotetrack[serve]'")
        return EXIT_FAILED
    print(f"{PROG}: serving http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        app.run(args.host, args.port, int(args.max_size * (1 << 20)))
    except OSError as exc:
        report(f"{args.host}:{args.port}", exc.strerror or str(exc))
        return EXIT_FAILED
    return EXIT_OK
