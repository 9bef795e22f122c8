#!/usr/bin/env bash
# Make sure the services the tests use are up: Redis and PostgreSQL on 127.0.0.1.
# On this project's machines they already run; start them if they stopped.
set -uo pipefail

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

if [ -z "${REDIS_URL:-}" ] && ! redis_up; then
  echo "services: starting redis-server"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
fi
if [ -z "${DATABASE_URL:-}" ] && ! pg_up; then
  echo "services: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
for _ in $(seq 1 30); do
  { [ -n "${REDIS_URL:-}" ] || redis_up; } && { [ -n "${DATABASE_URL:-}" ] || pg_up; } && exit 0
  sleep 1
done
echo "services: Redis (127.0.0.1:6379) or PostgreSQL (127.0.0.1:5432) is not reachable;" \
  "set REDIS_URL / DATABASE_URL to servers the tests may use" >&2
exit 1
