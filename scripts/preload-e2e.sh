#!/usr/bin/env bash
# End-to-end tests of the socket-activation preload library with unmodified Debian daemons (mosquitto, slapd):
# strace → systemd-units sockets-from-strace → systemd-socket-activate with the generated hints and LD_PRELOAD →
# MQTT and LDAP requests over the passed sockets. Runs as root (it installs packages and the library).
#   1. apt-get installs what is missing: mosquitto slapd ldap-utils strace gcc make (and systemd, iproute2 for
#      systemd-socket-activate and ss);
#   2. builds dist/cli.js if it is missing, and installs the library with `make -C preload install`
#      (/usr/local/lib/sockethack/libsockethack.so, the path the generated drop-ins use);
#   3. runs test/preload-e2e/run.mjs [mosquitto] [slapd].
# Ends with one "N passed, N failed" line; exits non-zero when anything failed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p test-results/preload-e2e
started=$SECONDS

fail_setup() { echo "preload-e2e: $1"; echo "0 passed, 1 failed"; exit 1; }

need=()
command -v mosquitto >/dev/null || need+=(mosquitto)
command -v slapd >/dev/null || need+=(slapd)
command -v ldapsearch >/dev/null || need+=(ldap-utils)
command -v strace >/dev/null || need+=(strace)
command -v cc >/dev/null || need+=(gcc)
command -v make >/dev/null || need+=(make)
command -v systemd-socket-activate >/dev/null || need+=(systemd)
command -v ss >/dev/null || need+=(iproute2)
if [ "${#need[@]}" -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # slapd's postinst would ask for a domain and password; the tests bring their own configuration.
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null || true
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } \
    || fail_setup "apt-get install ${need[*]} failed"
fi

if [ ! -f dist/cli.js ]; then
  echo "== build"
  npm run build || fail_setup "npm run build failed"
fi

echo "== make -C preload install"
make -s -C preload install || fail_setup "make -C preload install failed"

timeout -k 10 240 node test/preload-e2e/run.mjs "$@" </dev/null
rc=$?
[ "$rc" -eq 124 ] && { echo "preload-e2e: timed out after 240 s"; echo "0 passed, 1 failed"; }
echo "preload-e2e total: $((SECONDS - started)) s"
exit $rc
