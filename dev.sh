#!/usr/bin/env bash
# Set-up and everyday commands.  Everything a fresh machine needs is installed here.
#   ./dev.sh app    start the explorer on the bundled sample corpus (builds the graph on first start)
#   ./dev.sh test   install what the tests need (Python packages, chromium, the Cypher linter's npm
#                   package), then lint, type-check and run the test suite
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}

venv() {
    if [ ! -x .venv/bin/python ]; then
        "$PY" -m venv .venv
    fi
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$1"
}

case "${1:-}" in
    app)
        venv requirements.txt
        exec .venv/bin/python -m streamlit run app.py "${@:2}"
        ;;
    test)
        venv requirements-dev.txt
        bash scripts/install_browser.sh
        # Neo4j's Cypher front end (npm) lints every statement the Neo4j store sends
        if [ ! -d tools/cypher-lint/node_modules ]; then
            npm ci --prefix tools/cypher-lint --no-audit --no-fund --silent
        fi
        .venv/bin/ruff check .
        .venv/bin/mypy loaders graph
        exec .venv/bin/python -m pytest -q "${@:2}"
        ;;
    *)
        echo "usage: ./dev.sh app | test [pytest args]" >&2
        exit 2
        ;;
esac
