#!/usr/bin/env bash
# Sets up and runs the benchmarks (issue 10) one after another on this machine; each writes
# bench/results/<name>.json and prints a one-line PASS/FAIL summary. They take about two
# hours together (the memory run's 100,000 updates over one). Name some to
# run only those: scripts/bench.sh signin sweep. With ZHIBU_BENCH_DATABASE_URL (a PostgreSQL
# database the benchmark may wipe) the sign-in burst also runs on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev >/dev/null
PY=.venv/bin/python
all=(broadcast signin sweep memory)
wanted=("${@:-${all[@]}}")
for name in "${wanted[@]}"; do
    echo "== bench: $name"
    case "$name" in
        broadcast) $PY -m bench.broadcast_bench --scenario all ;;
        signin)
            $PY -m bench.signin_bench
            if [ -n "${ZHIBU_BENCH_DATABASE_URL:-}" ]; then
                $PY -m bench.signin_bench --database-url "$ZHIBU_BENCH_DATABASE_URL"
            fi
            ;;
        sweep) $PY -m bench.sweep_bench ;;
        memory) $PY -m bench.memory_bench ;;
        reports) $PY bench/reports_bench.py ;;  # issue 8: a committee report, by name only
        *) echo "unknown benchmark $name (one of: ${all[*]} reports)" >&2; exit 2 ;;
    esac
done
echo "== summaries"
for file in bench/results/*.json; do
    $PY -c 'import json, sys; r = json.load(open(sys.argv[1])); print(f"{r[\"benchmark\"]}: {\"PASS\" if r[\"passed\"] else \"FAIL\"} — {r[\"summary\"]}")' "$file"
done
