#!/usr/bin/env bash
# Runs every test of the solution against real databases: SQLite files the tests create themselves
# and a private PostgreSQL 15 server started here on a free port of 127.0.0.1 and removed on exit.
# Extra arguments go to `dotnet test` (e.g. --filter Postgres, --artifacts-path /tmp/x).
set -euo pipefail

cd "$(dirname "$0")"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_bin=/usr/lib/postgresql/15/bin
if [[ ! -x "$pg_bin/initdb" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "== installing postgresql-15"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  else
    echo "test.sh: PostgreSQL 15 server binaries are missing from $pg_bin." >&2
    echo "         Install them as root: apt-get install -y postgresql-15" >&2
    exit 1
  fi
fi

# Browser tests (tests/ApprovalFlow.BrowserTests) drive Debian's chromium, never a browser Playwright downloads.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export APPROVALFLOW_CHROMIUM=${APPROVALFLOW_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$APPROVALFLOW_CHROMIUM" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "== installing chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test.sh: chromium is missing from $APPROVALFLOW_CHROMIUM." >&2
    echo "         Install it as root: apt-get install -y chromium" >&2
    exit 1
  fi
fi
# The UI is in Chinese: without a CJK font chromium draws empty boxes (and the screenshot test fails on their size).
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "== installing fonts-noto-cjk"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  else
    echo "test.sh: no Chinese font is installed; the browser screenshots need one." >&2
    echo "         Install it as root: apt-get install -y fonts-noto-cjk" >&2
    exit 1
  fi
fi
# --screenshots: the browser tests also refresh docs/screenshots/*.png (otherwise they go to TestResults/browser).
test_args=()
for arg in "$@"; do
  if [[ $arg == --screenshots ]]; then export APPROVALFLOW_SCREENSHOTS=1; else test_args+=("$arg"); fi
done
set -- ${test_args[@]+"${test_args[@]}"}

# The server refuses to run as root: as root, run it as the postgres system user.
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
  as_pg=(runuser -u postgres --)
fi

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/approvalflow-pg.XXXXXX")
if [[ ${#as_pg[@]} -gt 0 ]]; then
  chown postgres: "$pg_dir"
fi

stop_postgres() {
  if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=0
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  port_is_free "$port" || continue
  if "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
      -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >/dev/null; then
    started=1
    break
  fi
done
if [[ $started -ne 1 ]]; then
  echo "test.sh: PostgreSQL did not start:" >&2
  cat "$pg_dir/server.log" >&2 || true
  exit 1
fi
echo "== PostgreSQL 15 on 127.0.0.1:$port (data in $pg_dir, removed on exit)"

export APPROVALFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"

log="$pg_dir/dotnet-test.log"
status=0
dotnet test ApprovalFlow.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, from the per-assembly summaries of `dotnet test`.
awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
    seen = 1
  }
  END { if (seen) printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"

exit "$status"
