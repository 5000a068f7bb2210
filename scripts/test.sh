#!/usr/bin/env bash
# Run the whole test suite (slow and browser tests included), with the services it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x scripts/start_postgres.sh ]; then
    eval "$(bash scripts/start_postgres.sh)" || echo "test: PostgreSQL not started; its tests will skip" >&2
fi
exec .venv/bin/python -m pytest -n 2 --dist loadfile -q "$@"
