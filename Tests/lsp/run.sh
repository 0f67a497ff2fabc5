#!/usr/bin/env bash
# The language server with real clients: pygls's client through pytest-lsp
# (installed once into .build/lsp-venv; offline after that) and Neovim headless.
# A client that cannot run fails the test: nothing here is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TWILINT=${TWILINT:-$PWD/.build/debug/twilint}
python=${PYTHON:-python3}
venv=.build/lsp-venv
if ! "$venv/bin/python" -c 'import pytest_lsp' 2>/dev/null; then
  echo "twilint: installing pytest-lsp into $venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet "pytest-lsp==1.0.1"
fi
"$venv/bin/python" -m pytest -q -p no:cacheprovider Tests/lsp
Tests/lsp/neovim.sh
