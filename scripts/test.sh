#!/usr/bin/env bash
# The whole test suite, from a clean checkout: what `npm test` and CI (.ci/run) run.
#   1. system packages it needs, when missing: Chromium (browser tests), PostgreSQL (the server pass), Noto CJK
#      fonts and poppler-utils (PDF downloads are checked with pdftotext/pdftoppm);
#   2. npm packages, the Prisma client;
#   3. type check, migration drift check;
#   4. unit + integration tests on the embedded database, then the database tests again on a real PostgreSQL;
#   5. production build, then the browser tests against it on a freshly seeded embedded database;
#   6. two instances of the build behind nginx (shared page cache) on one PostgreSQL database.
set -euo pipefail
# The build phones home with telemetry otherwise; this machine has no network but the package registries.
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

need_pkgs=()
for pkg in chromium postgresql fonts-noto-cjk poppler-utils nginx-light libnginx-mod-http-cache-purge; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_pkgs+=("$pkg")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  step "installing system packages: ${need_pkgs[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_pkgs[@]}"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm install"
  # (npm install, not npm ci: npm 11 leaves other platforms' optional packages out of the lock file, which npm ci rejects)
  npm install --no-audit --no-fund
fi
npm run -s db:generate

step "type check"
npx tsc --noEmit

step "schema.prisma and prisma/migrations agree"
npx tsx scripts/migrate.ts diff

step "unit and integration tests (embedded database)"
npx vitest run

step "database tests on PostgreSQL (in Asia/Shanghai time)"
PG_TMP=$(mktemp -d /tmp/nianbao-pg-XXXXXX)
source scripts/test-postgres.sh "$PG_TMP"
trap 'stop_test_postgres' EXIT
# In China Standard Time, for the app and the database session alike (the embedded pass above runs in UTC): every
# timestamp column holds UTC, and the plain-SQL paths must convert in SQL whatever the server's zone.
TZ=Asia/Shanghai TEST_DATABASE_URL="$PG_URL?options=-c%20TimeZone%3DAsia%2FShanghai" npx vitest run lib/db lib/auth scripts --exclude "lib/db/embedded/**"

step "production build"
npx next build

step "browser tests"
E2E_DIR=$(mktemp -d /tmp/nianbao-e2e-XXXXXX)
export E2E_PGLITE_DIR="$E2E_DIR/pglite"
PGLITE_DIR="$E2E_PGLITE_DIR" DATABASE_URL="" npx tsx scripts/with-db.ts -- bash -c 'npx tsx scripts/migrate.ts deploy && npx tsx scripts/seed.ts --agencies 60 && npx tsx scripts/seed-accounts.ts'
npx playwright test
rm -rf "$E2E_DIR"

step "two instances behind nginx on PostgreSQL"
psql "$PG_URL" -qc 'CREATE DATABASE nianbao_cluster'
export E2E_DATABASE_URL="${PG_URL%/*}/nianbao_cluster"
DATABASE_URL="$E2E_DATABASE_URL" bash -c 'npx tsx scripts/migrate.ts deploy && npx tsx scripts/seed.ts --agencies 60 && npx tsx scripts/seed-accounts.ts'
npx playwright test -c playwright.cluster.config.ts
echo
echo "All test steps passed."
