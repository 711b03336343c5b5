"""Load test of the HTTP service: `/v1/resolve` from a separate process on 127.0.0.1.

Usage: python bench/service_load.py [--lexicon PATH] [--workers 2] [--seconds 10]
                                    [--concurrency 8] [--pool 2000]

Starts `normalise serve` on a free port (a synthetic lexicon of 5,000 places unless --lexicon
is given), then drives it with a small keep-alive HTTP/1.1 client (asyncio, no third-party
client so the client costs little CPU):
  1. one name per request: req/s, p50 and p99 latency;
  2. batches of 100 names: names/s and p50/p99 per batch.
Query names are drawn from a pool of `--pool` spellings (misspelt variants of lexicon names), so
later requests hit the per-version resolution cache as repeated names in real traffic do; the
first pass over the pool is uncached. Each query carries its entity's country, as a pipeline
that knows where a report is from sends it; `--no-country` sends bare names.
Targets (2 cores): >= 1,000 req/s with p99 <= 50 ms, >= 5,000 names/s in batches of 100.
Bounded: each phase runs `--seconds`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SYLLABLES = ["kaf", "ra", "zi", "ta", "su", "ran", "hal", "fa", "ya", "idl", "ib", "ma",
             "diq", "jis", "shu", "ghur", "tal", "bir", "deir", "ain", "qas", "rum", "nab"]


def synthetic_lexicon(path: Path, size: int, rng: random.Random) -> list[tuple[str, str]]:
    """Create a lexicon of `size` places with made-up names; return (name, country) pairs."""
    from normalise.lexicon import Lexicon

    names: list[tuple[str, str]] = []
    ops = []
    for i in range(size):
        name = " ".join(
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
            for _ in range(rng.randint(1, 2))
        )
        names.append((name, "SY"))
        ops.append({"op": "upsert", "entity": {
            "id": f"nz:place/bench-{i}", "kind": "place", "country": "SY",
            "population": rng.randint(0, 100_000),
            "names": [{"text": name, "kind": "canonical"}]}})
    with Lexicon.create(path) as lex:
        lex.apply(ops)
    return names


def variant(name: str, rng: random.Random) -> str:
    """A plausible misspelling: vowel swaps, doubled letters, hyphens."""
    swaps = [("a", "e"), ("i", "ee"), ("u", "ou"), ("k", "q"), (" ", "-"), ("sh", "ch")]
    out = name
    for a, b in rng.sample(swaps, 2):
        out = out.replace(a, b, 1)
    return out


class Client:
    """A minimal HTTP/1.1 keep-alive client for one connection."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        self.writer.write(head + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            key, _, value = line.decode("latin-1").partition(":")
            if key.lower() == "content-length":
                length = int(value)
        payload = await self.reader.readexactly(length)
        return int(status_line.split()[1]), payload


async def drive(port: int, bodies: list[bytes], seconds: float, concurrency: int,
                once: bool = False) -> tuple[list[float], int]:
    """Send bodies round-robin from `concurrency` connections for `seconds` (or each once)."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    counter = 0

    async def worker() -> None:
        nonlocal counter, errors
        client = Client(port)
        while time.perf_counter() < deadline and not (once and counter >= len(bodies)):
            body = bodies[counter % len(bodies)]
            counter += 1
            start = time.perf_counter()
            status, _ = await client.post("/v1/resolve", body)
            latencies.append(time.perf_counter() - start)
            if status != 200:
                errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lexicon", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--pool", type=int, default=2000)
    parser.add_argument("--no-country", action="store_true", help="send names without country")
    args = parser.parse_args()
    rng = random.Random(5)
    tmp = Path(tempfile.mkdtemp(prefix="normalise-bench-"))
    if args.lexicon is None:
        lexicon = tmp / "bench.lexicon"
        names = synthetic_lexicon(lexicon, 5000, rng)
    else:
        from normalise.lexicon import Lexicon

        lexicon = args.lexicon
        with Lexicon.open(lexicon, readonly=True) as lex:
            names = []
            for entity in lex.entities():
                if entity.country is not None:
                    names.append((entity.name, entity.country))
                if len(names) >= 20_000:
                    break
    picks = [rng.choice(names) for _ in range(args.pool)]
    pool = [
        {"name": variant(name, rng)} if args.no_country
        else {"name": variant(name, rng), "country": country}
        for name, country in picks
    ]  # fmt: skip
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "normalise", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--lexicon", str(lexicon), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        time.sleep(0.5)
        singles = [json.dumps({"queries": [q]}).encode() for q in pool]
        batches = [
            json.dumps({"queries": pool[i : i + 100]}).encode() for i in range(0, len(pool), 100)
        ]
        print(f"queries {'without' if args.no_country else 'with'} a country hint")
        start = time.perf_counter()
        lat, errors = asyncio.run(drive(port, singles, 120, args.concurrency, once=True))
        took = time.perf_counter() - start
        print(f"one name per request, uncached (each of {len(lat)} spellings once): "
              f"{len(lat) / took:,.0f} req/s, p50 {percentile(lat, 0.5):.1f} ms, "
              f"p99 {percentile(lat, 0.99):.1f} ms, errors {errors}")
        asyncio.run(drive(port, singles, 120, args.concurrency, once=True))  # warm every worker
        lat, errors = asyncio.run(drive(port, singles, args.seconds, args.concurrency))
        print(f"one name per request, repeated names: {len(lat) / args.seconds:,.0f} req/s, "
              f"p50 {percentile(lat, 0.5):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms, "
              f"errors {errors} (workers={args.workers}, concurrency={args.concurrency}, "
              f"pool={args.pool} names)")
        lat, errors = asyncio.run(drive(port, batches, args.seconds, max(2, args.workers * 2)))
        print(f"batches of 100 names: {len(lat) * 100 / args.seconds:,.0f} names/s, "
              f"p50 {percentile(lat, 0.5):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms per batch, "
              f"errors {errors}")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
