#!/usr/bin/env bash
# Installs what the real-editor e2e tests need, idempotently (CI: root on a fresh Debian 12).
#  - Debian packages: chromium (the browser playwright-core drives), fonts, libkrb5-dev (code-server's
#    kerberos module builds against it), ripgrep (seeds @vscode/ripgrep), neovim (the second LSP client).
#  - code-server@4.100.3 (the newest that runs on Node 20) in the git-ignored .cache/code-server/.
# Skips each part that is already in place. See shared/guides/real-editor-e2e.md.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/code-server"
MARKER="$CACHE/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium fonts-dejavu-core libkrb5-dev ripgrep neovim)
mkdir -p "$ROOT/.cache"
APT_LOG="$ROOT/.cache/e2e-apt.log"
NPM_LOG="$ROOT/.cache/e2e-code-server-install.log"

log() { echo "[e2e setup] $*"; }

# --- Debian packages ---------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  log "Debian packages already installed: ${APT_PACKAGES[*]}"
else
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "[e2e setup] need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    SUDO=(sudo -n)
  fi
  log "installing Debian packages: ${missing[*]} (log: ${APT_LOG#"$ROOT"/})"
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${SUDO[@]}" apt-get update -q && "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}"; } </dev/null >"$APT_LOG" 2>&1; then
    tail -n 40 "$APT_LOG" >&2
    echo "[e2e setup] apt-get failed" >&2
    exit 1
  fi
fi

# --- code-server -------------------------------------------------------------------------------
if [ -f "$MARKER" ] && [ -x "$CACHE/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in ${CACHE#"$ROOT"/}"
  exit 0
fi

log "installing code-server@$CODE_SERVER_VERSION into ${CACHE#"$ROOT"/} (about a minute; log: ${NPM_LOG#"$ROOT"/})"
rm -rf "$CACHE"
mkdir -p "$CACHE"

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is out of reach: seed its cache
# with Debian's binary under the name it looks for.
rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache"
tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

echo '{ "name": "code-server-cache", "private": true, "description": "code-server for the e2e tests (scripts/e2e/setup.sh)" }' > "$CACHE/package.json"
if ! (
  cd "$CACHE"
  # As root npm would drop privileges for scripts; node-pty runs `npx node-gyp` (answer yes);
  # node-gyp needs the headers Debian's nodejs ships in /usr/include/node.
  export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr
  # npm 11 skips dependencies' install scripts unless allowed; code-server's postinstall
  # (which installs VS Code's own modules and builds the native ones) is the whole point here.
  export npm_config_dangerously_allow_all_scripts=true
  export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
  npm install --no-audit --no-fund --foreground-scripts --no-package-lock "code-server@$CODE_SERVER_VERSION"
) </dev/null >"$NPM_LOG" 2>&1; then
  tail -n 40 "$NPM_LOG" >&2
  echo "[e2e setup] npm install code-server@$CODE_SERVER_VERSION failed" >&2
  exit 1
fi
version="$("$CACHE/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | head -n1)"
case "$version" in
  "$CODE_SERVER_VERSION "*) ;;
  *) echo "[e2e setup] code-server did not install (version: '$version')" >&2; exit 1 ;;
esac
touch "$MARKER"
log "code-server ready: $version"
