#!/usr/bin/env bash
# Real-editor end-to-end tests: setup (unless --no-setup), build, package, then
#   test/e2e/code-server.mjs  (VS Code via code-server + headless Chromium)
#   test/e2e/commands.mjs     (the extension's commands in code-server; results checked on disk)
#   test/e2e/hardening.mjs    (exposure lens and one hardening quick fix into a drop-in, checked against the CLI)
#   test/e2e/trust.mjs        (Restricted Mode with workspace trust on, and the walkthrough)
#   test/e2e/neovim.mjs       (Neovim 0.7 as a second LSP client)
# Ends with one combined `N passed, N failed` line; exits non-zero if anything failed.
# Non-interactive (CI=true, no stdin). Logs and screenshots: test-results/e2e/.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/test-results/e2e"
mkdir -p "$OUT"

setup=1
for arg in "$@"; do
  case "$arg" in
    --no-setup) setup=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $arg (use --no-setup)" >&2; exit 2 ;;
  esac
done

passed=0
failed=0
started=$SECONDS
phase() { echo; echo "=== $1"; phase_start=$SECONDS; }
took() { echo "--- $1 ($((SECONDS - phase_start)) s)"; }

# Runs a test script, shows its output, and adds the counts from its closing line.
run_test() {
  local name="$1" limit="$2"; shift 2
  phase "$name"
  local log="$OUT/$name.log"
  timeout -k 15 "$limit" "$@" </dev/null 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local summary
  summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)"
  if [ -n "$summary" ]; then
    local p f
    read -r p _ f _ <<<"$summary"
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "$name exited $rc"; fi
  else
    failed=$((failed + 1))
    if [ "$rc" -eq 124 ]; then echo "$name timed out after $limit s"; else echo "$name ended without a summary (exit $rc)"; fi
  fi
  took "$name"
}

finish() {
  echo
  echo "e2e total: $((SECONDS - started)) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

if [ "$setup" -eq 1 ]; then
  phase setup
  if ! bash scripts/e2e/setup.sh </dev/null; then
    failed=$((failed + 1)); echo "setup failed"; finish
  fi
  took setup
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@vscode/vsce ] || [ ! -d node_modules/esbuild ]; then
  phase "npm ci"
  npm ci --no-audit --no-fund </dev/null || { failed=$((failed + 1)); echo "npm ci failed"; finish; }
  took "npm ci"
fi

phase build
if ! npm run --silent build </dev/null; then failed=$((failed + 1)); echo "build failed"; finish; fi
took build

phase package
vsix_ok=1
node scripts/package.mjs --no-build </dev/null || { vsix_ok=0; failed=$((failed + 1)); echo "package failed"; }
took package

if [ "$vsix_ok" -eq 1 ]; then
  version="$(node -p 'const p = require("./package.json"); `${p.name}-${p.version}.vsix`')"
  run_test code-server 300 node test/e2e/code-server.mjs --vsix "$version"
  run_test commands 300 node test/e2e/commands.mjs --vsix "$version"
  run_test hardening 120 node test/e2e/hardening.mjs --vsix "$version"
  run_test trust 150 node test/e2e/trust.mjs --vsix "$version"
fi
run_test neovim 90 node test/e2e/neovim.mjs

finish
