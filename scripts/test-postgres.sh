# Sourced by scripts/test.sh: starts a private PostgreSQL cluster on 127.0.0.1 in the folder $1 and sets PG_URL.
# Runs the server as the `postgres` user when we are root (initdb refuses to run as root).
pg_dir="$1"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_pg "$pg_bin/initdb -D '$pg_dir/data' -E UTF8 --locale=C.UTF-8 -U postgres --auth=trust >/dev/null"
as_pg "$pg_bin/pg_ctl -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-c listen_addresses=127.0.0.1 -p $pg_port -k '$pg_dir'\" start >/dev/null"
as_pg "$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -c 'CREATE DATABASE nianbao_test' >/dev/null"
PG_URL="postgres://postgres@127.0.0.1:$pg_port/nianbao_test"
stop_test_postgres() { as_pg "$pg_bin/pg_ctl -D '$pg_dir/data' -m fast stop >/dev/null" || true; rm -rf "$pg_dir"; }
echo "PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$pg_port"
