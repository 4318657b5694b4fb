#!/usr/bin/env bash
# Builds the extension from the lock file; needs only Node.js and the npm registry.
#
#   build.sh                         copydesk-<version>.vsix: no binary; uses copydesk.path or copydesk on PATH
#   build.sh --target linux-x64 --binary ../../target/dist/copydesk
#                                    copydesk-linux-x64-<version>.vsix with the binary as bin/copydesk
#
# Targets are VS Code's platform names: linux-x64, linux-arm64, alpine-x64, darwin-x64,
# darwin-arm64, win32-x64 (whose binary goes in as bin/copydesk.exe). A platform's
# package is installed in preference to the universal one on that platform.
set -euo pipefail
target=""
binary=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; shift 2;;
    --binary) binary="$(realpath "$2")"; shift 2;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2;;
  esac
done
if { [ -n "$target" ] && [ -z "$binary" ]; } || { [ -z "$target" ] && [ -n "$binary" ]; }; then
  echo "build.sh: --target and --binary go together" >&2
  exit 2
fi
# After the arguments: a relative --binary is taken from where build.sh was called.
cd "$(dirname "$0")"
npm ci
npm run compile
npm run lint
# bin/ holds only the binary of the package being built.
rm -rf bin
if [ -z "$target" ]; then
  npx @vscode/vsce package
  exit 0
fi
mkdir bin
name=copydesk
case "$target" in win32-*) name=copydesk.exe;; esac
cp "$binary" "bin/$name"
chmod 755 "bin/$name"
version=$(node -p 'require("./package.json").version')
npx @vscode/vsce package --target "$target" --out "copydesk-$target-$version.vsix"
rm -rf bin
