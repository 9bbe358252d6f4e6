"""The body-size guard on its own: declared, undeclared and malformed lengths."""

from __future__ import annotations

import asyncio
import json

import pytest

from api.body_limit import BodyLimitMiddleware
from api.problems import ApiProblem


async def _inner(scope, receive, send) -> None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(len(body)).encode()})


def _call(headers: list[tuple[bytes, bytes]], chunks: list[bytes], limit: int = 10) -> list[dict]:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/x",
        "headers": headers,
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "server": ("127.0.0.1", 80),
    }
    pending = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]
    sent: list[dict] = []

    async def receive() -> dict:
        return pending.pop(0)

    async def send(message: dict) -> None:
        sent.append(message)

    async def run() -> None:
        await BodyLimitMiddleware(_inner, max_bytes=limit)(scope, receive, send)

    asyncio.run(run())
    return sent


def test_a_body_within_the_limit_passes_untouched():
    sent = _call([(b"content-length", b"10")], [b"0123456789"])
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"10"


def test_a_declared_length_above_the_limit_is_answered_413_without_calling_the_app():
    sent = _call([(b"content-length", b"11")], [b"01234567890"])
    assert sent[0]["status"] == 413
    body = json.loads(sent[1]["body"])
    assert body["type"] == "urn:ikz-berater:problem:anfrage-zu-gross" and "zu groß" in body["detail"]


def test_a_malformed_content_length_is_a_400_problem():
    sent = _call([(b"content-length", b"zehn")], [b"x"])
    assert sent[0]["status"] == 400
    assert "Content-Length" in json.loads(sent[1]["body"])["detail"]


def test_an_undeclared_body_is_cut_off_when_it_passes_the_limit():
    with pytest.raises(ApiProblem) as raised:  # the app's problem handler turns it into a 413 response
        _call([], [b"012345", b"678901"])
    assert raised.value.status == 413
