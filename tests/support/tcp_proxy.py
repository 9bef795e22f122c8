"""A tiny loopback TCP proxy whose link can be cut and restored, to simulate outages."""

from __future__ import annotations

import asyncio
import contextlib

from tests.support.standin import SocketStandIn


class TcpProxy(SocketStandIn[object]):
    """Forwards 127.0.0.1:<port> to a target. ``cut()`` drops every connection and refuses new
    ones; ``restore()`` listens on the same port again."""

    def __init__(self, target_host: str, target_port: int) -> None:
        super().__init__()
        self.target = (target_host, target_port)

    async def cut(self) -> None:
        """Stop listening (connects are refused) and reset every open connection."""
        await self.stop()

    async def restore(self) -> None:
        await self.start()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self.track(up_writer)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                self.untrack(dst)
                with contextlib.suppress(Exception):
                    dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
