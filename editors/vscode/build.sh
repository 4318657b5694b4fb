#!/usr/bin/env bash
# Builds copydesk-<version>.vsix from the lock file; needs only Node.js and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm ci
npm run compile
npm run lint
npx @vscode/vsce package
