"""Bound the size of every request body before anything reads it (ASGI middleware).

A ``Content-Length`` above the limit is answered at once with 413 problem+json; a body sent
without a length (chunked) is counted while it is read and stopped at the limit. The limit is
``max_bytes`` for every route except those named in ``route_limits`` ({path: bytes}): the
inventory uploads and the NDJSON bulk routes, whose larger bodies their handlers read as a stream
into a temporary file — never into memory.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import PROBLEM_URN, ApiProblem, problem_response


def too_large(max_bytes: int) -> ApiProblem:
    megabytes = f"{max_bytes / (1024 * 1024):.1f}".replace(".", ",")
    return ApiProblem(413, "anfrage-zu-gross", f"Der Anfrageinhalt ist zu groß (höchstens {megabytes} MB).")


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int, route_limits: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.route_limits = dict(route_limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.route_limits.get(scope.get("path", ""), self.max_bytes)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            problem = None
            if not declared.isdigit():
                problem = ApiProblem(400, "laenge-ungueltig", "Die Angabe Content-Length ist keine Zahl.")
            elif int(declared) > max_bytes:
                problem = too_large(max_bytes)
            if problem is not None:
                response = problem_response(
                    Request(scope),
                    problem.status,
                    titel=problem.titel,
                    detail=problem.detail,
                    type_=PROBLEM_URN + problem.name,
                )
                await response(scope, receive, send)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise too_large(max_bytes)
            return message

        await self.app(scope, limited_receive, send)
