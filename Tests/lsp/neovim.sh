#!/usr/bin/env bash
# Neovim's LSP client, headless, against the server: see neovim.lua.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
twilint=${TWILINT:?TWILINT must name the twilint binary}
if ! command -v nvim >/dev/null; then
  echo "twilint: the Neovim test needs nvim (apt-get install neovim); it cannot be skipped" >&2
  exit 1
fi
workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT
mkdir "$workspace/.git"
printf 'import os\ngreeting = "😀 你好"; sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"\n' > "$workspace/app.py"
status=0
TWILINT=$twilint WORKSPACE=$workspace RESULT=$workspace/result HOME=$workspace XDG_CONFIG_HOME=$workspace \
  timeout 120 nvim --headless --clean -n -u NONE -c "luafile $here/neovim.lua" > "$workspace/nvim.log" 2>&1 || status=$?
result=$(cat "$workspace/result" 2>/dev/null || echo "no result (nvim exited $status): $(cat "$workspace/nvim.log")")
if [ "$status" -ne 0 ] || [ "$result" != ok ]; then
  echo "twilint: Neovim LSP test failed: $result" >&2
  exit 1
fi
grep -q 'auth_token = "9f2c' "$workspace/app.py" || { echo "twilint: Neovim did not save app.py" >&2; exit 1; }
echo "neovim: open, edit, save and diagnostics passed ($(nvim --version | head -1))"
