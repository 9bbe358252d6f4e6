"""The load benchmark's HTTP client: one keep-alive connection sending one pre-built request."""

from __future__ import annotations

import asyncio

HOST = "127.0.0.1"  # never any other address


class RawConnection:
    """One keep-alive HTTP/1.1 connection sending one pre-built request again and again.

    The cheapest client there is. An httpx client, measured on this machine, tops out at about
    400 requests/s with 16 clients while the floor endpoint serves about 2,000: with httpx the
    "floor" would measure the client (``--client httpx`` shows it).
    """

    def __init__(self, port: int, path: str, body: bytes, content_type: str, extra_headers: str = "") -> None:
        self.port = port
        self.request = (
            f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: {content_type}\r\n{extra_headers}"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode("ascii") + body
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(self.request)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
        await self.reader.readexactly(length)
        return int(lines[0].split()[1])

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()
