"""Prometheus metrics without a client library: request counts and latency histograms per
route, written in the text exposition format (version 0.0.4)."""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from collections import defaultdict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    """Counters and histograms kept in memory (per worker process)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.buckets: dict[tuple[str, str], list[int]] = {}
        self.sums: dict[tuple[str, str], float] = defaultdict(float)
        self.counts: dict[tuple[str, str], int] = defaultdict(int)

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count one request and its latency."""
        with self._lock:
            self.requests[(route, method, status)] += 1
            key = (route, method)
            counts = self.buckets.setdefault(key, [0] * len(BUCKETS))
            index = bisect_left(BUCKETS, seconds)
            if index < len(BUCKETS):
                counts[index] += 1
            self.sums[key] += seconds
            self.counts[key] += 1

    def render(self, lexicon_version: int | None) -> str:
        """Return the metrics in Prometheus text format."""
        lines = [
            "# HELP normalise_http_requests_total HTTP requests by route, method and status.",
            "# TYPE normalise_http_requests_total counter",
        ]
        with self._lock:
            for (route, method, status), n in sorted(self.requests.items()):
                lines.append(
                    f'normalise_http_requests_total{{route="{_label(route)}",method="{method}",'
                    f'status="{status}"}} {n}'
                )
            lines += [
                "# HELP normalise_http_request_duration_seconds Request latency by route.",
                "# TYPE normalise_http_request_duration_seconds histogram",
            ]
            for (route, method), counts in sorted(self.buckets.items()):
                labels = f'route="{_label(route)}",method="{method}"'
                running = 0
                for bound, n in zip(BUCKETS, counts, strict=True):
                    running += n
                    lines.append(
                        f'normalise_http_request_duration_seconds_bucket{{{labels},le="{bound}"}}'
                        f" {running}"
                    )
                total = self.counts[(route, method)]
                lines.append(
                    f'normalise_http_request_duration_seconds_bucket{{{labels},le="+Inf"}} {total}'
                )
                lines.append(
                    f"normalise_http_request_duration_seconds_sum{{{labels}}}"
                    f" {self.sums[(route, method)]:.6f}"
                )
                lines.append(f"normalise_http_request_duration_seconds_count{{{labels}}} {total}")
        lines += [
            "# HELP normalise_lexicon_version The version of the lexicon being served.",
            "# TYPE normalise_lexicon_version gauge",
            f"normalise_lexicon_version {-1 if lexicon_version is None else lexicon_version}",
        ]
        return "\n".join(lines) + "\n"


class MetricsMiddleware:
    """ASGI middleware timing every HTTP request under its route template."""

    def __init__(
        self, app: ASGIApp, metrics: Metrics, plain_paths: frozenset[str] = frozenset()
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.plain_paths = plain_paths  # routes without a template (/docs, /openapi.json)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = [500]

        async def send_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route: Any = scope.get("route")
            path = getattr(route, "path", None)
            if path is None:
                path = scope["path"] if scope["path"] in self.plain_paths else "unmatched"
            self.metrics.observe(
                str(path), str(scope["method"]), status[0], time.perf_counter() - start
            )


class BodyLimitMiddleware:
    """ASGI middleware answering 413 for bodies over `max_bytes` (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _too_large(self, send: Send) -> None:
        from service.escape import dumps

        body = dumps(
            {
                "error": "payload_too_large",
                "message": f"request body over the limit of {self.max_bytes} bytes",
                "status": 413,
                "details": [],
            }
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for key, value in scope["headers"]:
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    await self._too_large(send)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
