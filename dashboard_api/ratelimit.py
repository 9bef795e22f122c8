"""Login rate limit: failed attempts per client address, and per account name from one address,
in a window. The account's count is kept per address, so a flood of wrong passwords from one
place locks only that place out of that account: the streamer, logging in from their own
machine, is never locked out by someone else.

Counters live in Redis when the dashboard has one (so several dashboard processes share
them), else in memory. If Redis fails mid-stream the limiter falls back to memory and
says so once in the log: logins keep working and stay limited.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from streamer.bus.keys import Keys

log = logging.getLogger("dashboard_api.ratelimit")


@dataclass(frozen=True, slots=True)
class Limits:
    window_s: int
    per_ip: int
    per_account: int


class LoginLimiter:
    """Counts failed logins; :meth:`retry_after` says how long a client must wait, if at all."""

    def __init__(
        self, limits: Limits, *, redis: aioredis.Redis | None = None, keys: Keys | None = None
    ) -> None:
        self.limits = limits
        self.redis = redis
        self.keys = keys or Keys("vtuber", "dashboard")
        self._memory: dict[str, tuple[int, float]] = {}
        self._warned = False

    def _key(self, kind: str, who: str) -> str:
        digest = hashlib.sha256(who.lower().encode()).hexdigest()[:24]  # never a raw name in a key
        return self.keys.login_attempts(kind, digest)

    def _account_key(self, ip: str, account: str) -> str:
        return self._key("account", f"{ip}\n{account}")

    async def retry_after(self, ip: str, account: str) -> int | None:
        """Seconds until this address may try again (for this account); None when it may try now."""
        waits = []
        for key, limit in ((self._key("ip", ip), self.limits.per_ip),
                           (self._account_key(ip, account), self.limits.per_account)):  # fmt: skip
            count, ttl = await self._get(key)
            if count >= limit:
                waits.append(max(1, ttl))
        return max(waits) if waits else None

    async def failed(self, ip: str, account: str) -> None:
        await self._incr(self._key("ip", ip))
        await self._incr(self._account_key(ip, account))

    async def succeeded(self, ip: str, account: str) -> None:
        """A right password clears the account's count from this address (the address's count stays)."""
        await self._clear(self._account_key(ip, account))

    # ------------------------------------------------------------ storage

    def _fallback(self, exc: Exception) -> None:
        if not self._warned:
            log.warning("login limiter: Redis failed (%s); counting in memory", type(exc).__name__)
            self._warned = True

    async def _get(self, key: str) -> tuple[int, int]:
        if self.redis is not None:
            try:
                pipe = self.redis.pipeline(transaction=False)
                pipe.get(key)
                pipe.ttl(key)
                raw, ttl = await pipe.execute()
                return int(raw or 0), int(ttl)
            except RedisError as exc:
                self._fallback(exc)
        count, reset_at = self._memory.get(key, (0, 0.0))
        now = time.monotonic()
        if reset_at <= now:
            return 0, 0
        return count, int(reset_at - now) + 1

    async def _incr(self, key: str) -> None:
        window = self.limits.window_s
        if self.redis is not None:
            try:
                pipe = self.redis.pipeline(transaction=True)
                pipe.incr(key)
                pipe.expire(key, window, nx=True)
                await pipe.execute()
                return
            except RedisError as exc:
                self._fallback(exc)
        now = time.monotonic()
        if len(self._memory) > 100_000:  # an address sweep: forget expired counters
            self._memory = {k: v for k, v in self._memory.items() if v[1] > now}
        count, reset_at = self._memory.get(key, (0, 0.0))
        if reset_at <= now:
            count, reset_at = 0, now + window
        self._memory[key] = (count + 1, reset_at)

    async def _clear(self, key: str) -> None:
        if self.redis is not None:
            try:
                await self.redis.delete(key)
            except RedisError as exc:
                self._fallback(exc)
        self._memory.pop(key, None)
