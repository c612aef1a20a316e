#!/usr/bin/env bash
# Installs or starts what the test suite needs beyond JDK 17 and Maven, then exits.
# Idempotent: every step checks before it acts. Run as root (apt-get, service start-up).
#   - Redis and PostgreSQL: session-store tests (Testcontainers is used instead when Docker runs).
#   - Node.js modules: the pinned TypeScript SDK driven by JsLightSdkInteropTests.
#   - Chromium and chromedriver: the sample app's real-browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test"

# Pinned in package-lock.json.
npm --prefix mezon-light-test/src/test/js ci --no-audit --no-fund --silent

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
