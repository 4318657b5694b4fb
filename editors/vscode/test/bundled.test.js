// The platform package carries a binary that runs, and the extension's own
// server-resolution code, loaded from the unpacked package, finds it.
//   VSIX=copydesk-linux-x64-0.1.0.vsix node --test test/bundled.test.js
"use strict";
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const test = require("node:test");

const vsix = process.env.VSIX;

// Unpacks as VS Code does: every entry, with the Unix mode stored in the zip.
function unpack(file, into) {
  const script = [
    "import sys, zipfile, os",
    "with zipfile.ZipFile(sys.argv[1]) as z:",
    "    for info in z.infolist():",
    "        out = z.extract(info, sys.argv[2])",
    "        mode = info.external_attr >> 16",
    "        if mode & 0o777: os.chmod(out, mode & 0o777)",
  ].join("\n");
  execFileSync("python3", ["-c", script, file, into]);
}

test("the linux-x64 package bundles a binary the extension starts", () => {
  assert.ok(vsix, "set VSIX to the platform package to test");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-vsix-"));
  try {
    unpack(vsix, dir);
    const extension = path.join(dir, "extension");
    const manifest = fs.readFileSync(path.join(dir, "extension.vsixmanifest"), "utf8");
    assert.match(manifest, /TargetPlatform="linux-x64"/);

    const binary = path.join(extension, "bin", "copydesk");
    assert.ok(fs.statSync(binary).mode & 0o100, "bin/copydesk is executable");
    const version = execFileSync(binary, ["--version"], { encoding: "utf8" });
    assert.match(version, /^copydesk \d+\.\d+\.\d+/);

    const { resolveServer } = require(path.join(extension, "out", "server.js"));
    const noPath = { PATH: "" };
    // Nothing set: the bundled binary, even with nothing on PATH.
    assert.deepEqual(resolveServer({ extensionPath: extension, env: noPath }), {
      command: binary,
      source: "bundled",
      found: true,
    });
    // The setting wins over the bundled binary, found or not.
    assert.deepEqual(resolveServer({ setting: "/nowhere/copydesk", extensionPath: extension, env: noPath }), {
      command: "/nowhere/copydesk",
      source: "setting",
      found: false,
    });
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-path-"));
    try {
      fs.copyFileSync(binary, path.join(elsewhere, "copydesk"));
      fs.chmodSync(path.join(elsewhere, "copydesk"), 0o755);
      assert.deepEqual(resolveServer({ setting: "copydesk", extensionPath: extension, env: { PATH: elsewhere } }), {
        command: path.join(elsewhere, "copydesk"),
        source: "setting",
        found: true,
      });
      // No bundled binary (the universal package): copydesk on PATH.
      fs.rmSync(path.join(extension, "bin"), { recursive: true });
      assert.deepEqual(resolveServer({ extensionPath: extension, env: { PATH: elsewhere } }), {
        command: path.join(elsewhere, "copydesk"),
        source: "PATH",
        found: true,
      });
      assert.deepEqual(resolveServer({ extensionPath: extension, env: noPath }), {
        command: "copydesk",
        source: "PATH",
        found: false,
      });
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
