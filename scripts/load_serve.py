"""Load check of ``quotetrack serve``: N concurrent POST /api/check requests on loopback.

Starts ``python -m quotetrack serve`` on a free port in a child process, sends the
corpus/check draft with its two sources ``--requests`` times from ``--concurrency`` threads
at once, checks every answer, and prints the requests per second.

    python scripts/load_serve.py                       # 50 requests, 50 at once
    python scripts/load_serve.py --requests 200 --concurrency 50
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "corpus" / "check"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url: str, body: bytes) -> tuple[int, int]:
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, len(json.loads(response.read())["findings"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args(argv)
    body = json.dumps({"draft": (CHECK / "draft.txt").read_text(encoding="utf-8"),
                       "sources": {name: (CHECK / name).read_text(encoding="utf-8")
                                   for name in ("briefing.txt", "release.txt")}}).encode("utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "quotetrack", "serve", "--port", str(port)],
                              cwd=ROOT, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/check"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        expected = post(url, body)                       # warm up, and the answer every request must give
        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(lambda _: post(url, body), range(args.requests)))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(10)
    wrong = sum(r != expected for r in results)
    print(f"{args.requests} check requests, {args.concurrency} at once, on loopback: "
          f"{elapsed:.2f} s, {args.requests / elapsed:.1f} requests/s, {wrong} errors "
          f"({expected[1]} findings each)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
