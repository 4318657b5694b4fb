// A real VS Code (code-server) with our extension, driven in Chromium as a
// writer would: open the example post, read the Problems panel, apply the
// quick fix on the repeated title, run Fix All, hover a figure, and complete
// a tag right after an opening quote. Run by tests/vscode.rs:
//
//   CODE_SERVER=…/node_modules/.bin/code-server VSIX=copydesk-0.1.0.vsix \
//   COPYDESK_BIN=…/copydesk POST=…/2025-11-20-openai-aws-contract.md \
//   SCREENSHOTS=…/target/vscode-screenshots RESULT=…/result.json node drive.js
//
// Writes {"ok", "failure", "checks": [{"name", "ok", "detail"}]} to RESULT
// and a PNG per step to SCREENSHOTS. Never hangs: the whole run has a deadline.
"use strict";
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const os = require("node:os");
const path = require("node:path");
const puppeteer = require("puppeteer-core");

const DEADLINE_MS = 240000;
const STEP_MS = 60000;
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
};

const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok: Boolean(ok), detail: String(detail ?? "") });
  if (!ok) throw Object.assign(new Error(`check failed: ${name}`), { check: name });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, condition, timeout = STEP_MS) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await condition();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// The site: the example post, and a config naming a tags vocabulary that has
// the post's tags and two more for completion to offer.
function makeSite(root, post) {
  const site = path.join(root, "site");
  fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
  fs.copyFileSync(post, path.join(site, "_posts", path.basename(post)));
  fs.writeFileSync(
    path.join(site, ".copydesk.yml"),
    "rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: tags.vocab.yml\n",
  );
  fs.writeFileSync(
    path.join(site, "tags.vocab.yml"),
    ["AI", "最新ニュース", "技術動向", "OpenAI", "投資", "チップ", "エージェント", "Anthropic", "AWS"]
      .map((tag) => `- ${tag}\n`)
      .join(""),
  );
  return site;
}

async function main() {
  const codeServer = env("CODE_SERVER");
  const vsix = env("VSIX");
  const bin = env("COPYDESK_BIN");
  const post = env("POST");
  const shots = env("SCREENSHOTS");
  fs.mkdirSync(shots, { recursive: true });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-vscode-"));
  const dirs = {};
  for (const name of ["user-data", "extensions", "config", "data", "state", "cache"]) {
    dirs[name] = path.join(root, name);
    fs.mkdirSync(dirs[name], { recursive: true });
  }
  const childEnv = {
    ...process.env,
    HOME: root,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_STATE_HOME: dirs.state,
    XDG_CACHE_HOME: dirs.cache,
    LANG: "C",
  };
  delete childEnv.LC_ALL;
  const site = makeSite(root, post);
  const file = path.join(site, "_posts", path.basename(post));
  const original = fs.readFileSync(file, "utf8");
  fs.mkdirSync(path.join(dirs["user-data"], "User"), { recursive: true });
  fs.writeFileSync(
    path.join(dirs["user-data"], "User", "settings.json"),
    JSON.stringify({
      "copydesk.path": bin,
      "workbench.startupEditor": "none",
      "workbench.tips.enabled": false,
      "workbench.enableExperiments": false,
      "security.workspace.trust.enabled": false,
      "telemetry.telemetryLevel": "off",
      "update.mode": "none",
      "extensions.autoCheckUpdates": false,
      "extensions.autoUpdate": false,
      "chat.disableAIFeatures": true,
      "editor.minimap.enabled": false,
      // End goes to the end of the line, not of its first screen row.
      "editor.wordWrap": "off",
      "files.autoSave": "off",
    }),
  );

  const common = ["--user-data-dir", dirs["user-data"], "--extensions-dir", dirs.extensions];
  const installed = execFileSync(codeServer, [...common, "--install-extension", vsix], {
    env: childEnv,
    encoding: "utf8",
  });
  check("extension installed", /copydesk/.test(installed), installed.trim());

  const port = await freePort();
  const server = spawn(
    codeServer,
    [...common, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry",
      "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", site],
    { env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  let serverLog = "";
  server.stdout.on("data", (chunk) => (serverLog += chunk));
  server.stderr.on("data", (chunk) => (serverLog += chunk));
  let browser;
  let page;
  try {
    await until("code-server to listen", () => /HTTP server listening/.test(serverLog), STEP_MS);
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"],
      defaultViewport: { width: 1400, height: 900 },
      userDataDir: path.join(root, "chromium"),
    });
    page = await browser.newPage();
    const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`) });
    const keys = async (...combo) => {
      for (const key of combo.slice(0, -1)) await page.keyboard.down(key);
      await page.keyboard.press(combo[combo.length - 1]);
      for (const key of combo.slice(0, -1).reverse()) await page.keyboard.up(key);
    };
    // Types into the quick input and takes the first row once it shows `text`.
    const pick = async (typed, text) => {
      await page.waitForSelector(".quick-input-widget input", { visible: true });
      await page.keyboard.type(typed);
      await until(`"${text}" in the quick input`, async () => {
        const rows = await page.$$eval(".quick-input-list .monaco-list-row", (nodes) => nodes.map((node) => node.innerText));
        return rows.length > 0 && rows[0].includes(text);
      });
      await page.keyboard.press("Enter");
    };
    const command = async (text) => {
      await keys("F1");
      await pick(text, text);
    };
    const goTo = async (line) => {
      await keys("Control", "KeyG");
      await page.waitForSelector(".quick-input-widget input", { visible: true });
      await page.keyboard.type(`${line}`);
      await page.keyboard.press("Enter");
      await until(`the cursor on line ${line}`, async () =>
        (await page.$eval("body", (node) => node.innerText)).includes(`Ln ${line}, Col 1`));
    };
    const onDisk = () => fs.readFileSync(file, "utf8");
    // Saves again every two seconds: on a busy machine an edit (Fix All)
    // may land after the first Ctrl+S, which then saves nothing new.
    const save = async (before) => {
      let pressed = 0;
      return until("the file to be saved", async () => {
        if (onDisk() !== before) return onDisk();
        if (Date.now() - pressed > 2000) {
          await keys("Control", "KeyS");
          pressed = Date.now();
        }
        return false;
      }, 30000);
    };

    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(site)}`, { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".monaco-workbench", { timeout: STEP_MS });
    await until("the workbench to settle", async () => (await page.$(".explorer-folders-view, .part.sidebar")) !== null);
    await keys("Control", "KeyP");
    await pick(path.basename(post), path.basename(post));
    await page.waitForSelector(".monaco-editor .view-lines", { visible: true, timeout: STEP_MS });
    check("post opened", true, path.basename(post));

    // The Problems panel, filled by pulled diagnostics.
    await keys("Control", "Shift", "KeyM");
    const problems = await until("the Problems panel to list copydesk's findings", async () => {
      const rows = await page.$$eval(".markers-panel .monaco-list-row", (nodes) => nodes.map((node) => node.innerText));
      const text = rows.join("\n");
      return text.includes("the title is repeated in the body") && text.includes("has no source") ? rows : null;
    });
    await shot("1-problems");
    const joined = problems.join("\n");
    check("problems panel", joined.includes("declares 8 min") && joined.includes("`380億ドル` has no source"),
      problems.join(" | "));

    // The quick fix on the repeated title (line 12).
    // Asks again every five seconds while no menu shows: on a busy machine
    // the first Ctrl+. can reach the editor before it has focus.
    await goTo(12);
    let asked = 0;
    const fix = await until("the quick fix menu", async () => {
      const items = await page.$$(".action-widget .monaco-list-row, .context-view .action-item");
      for (const item of items) {
        const label = await item.evaluate((node) => node.innerText);
        if (label.includes("Delete the repeated title")) return item;
      }
      if (items.length === 0 && Date.now() - asked > 5000) {
        await keys("Control", "Period");
        asked = Date.now();
      }
      return null;
    });
    await shot("2-quick-fix");
    await fix.click();
    const afterQuickFix = await save(original);
    const lines = original.split("\n");
    const expectedQuickFix = [...lines.slice(0, 11), ...lines.slice(13)].join("\n");
    check("quick fix applied", afterQuickFix === expectedQuickFix,
      afterQuickFix.split("\n").slice(9, 14).join("⏎"));

    // Fix All gives what `copydesk check --fix` writes.
    const copy = path.join(root, "fixed.md");
    fs.writeFileSync(copy, original);
    try {
      execFileSync(bin, ["check", "--fix", "--quiet", copy], { env: childEnv, cwd: site });
    } catch {
      // Findings are left after fixing: exit 1 is expected.
    }
    const expectedAll = fs.readFileSync(copy, "utf8");
    await command("Fix All");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await shot("3-fix-all");
    const afterFixAll = await save(afterQuickFix);
    check("fix all equals check --fix", afterFixAll === expectedAll,
      afterFixAll.split("\n").slice(0, 12).join("⏎"));

    // A short hover on a figure: a click on its row in the Problems panel
    // puts the cursor on it.
    const row = await until("the figure's row in the Problems panel", async () => {
      for (const candidate of await page.$$(".markers-panel .monaco-list-row")) {
        const text = await candidate.evaluate((node) => node.innerText);
        if (text.includes("`75%以上` has no source")) return candidate;
      }
      return null;
    });
    // On the message, left of the rule's link.
    const box = await row.boundingBox();
    await page.mouse.click(box.x + 80, box.y + box.height / 2);
    await keys("Enter");
    const figure = (problems.find((text) => text.includes("`75%以上` has no source")) || "").match(/\[Ln (\d+), Col (\d+)\]/);
    await until("the cursor on the figure", async () => {
      const status = await page.$eval("body", (node) => node.innerText);
      return figure && status.includes(`Ln ${figure[1] - 2}, Col ${figure[2]}`);
    });
    await command("Show or Focus Hover");
    const hover = await until("the hover", async () => {
      const texts = await page.$$eval(".monaco-hover-content, .monaco-hover .hover-contents", (nodes) =>
        nodes.map((node) => node.innerText).filter((text) => text.trim()));
      const text = texts.join("\n");
      return text.includes("copydesk explain unsupported-numeric-claim") ? text : null;
    });
    await shot("4-hover");
    const hoverLines = hover.split("\n").filter((line) => line.trim()).length;
    check("short hover", hoverLines <= 15 && hover.includes("copydesk explain unsupported-numeric-claim"),
      `${hoverLines} lines: ${hover}`);
    await keys("Escape");

    // Tag completion right after an opening quote, in a list not yet closed.
    const tagsLine = afterFixAll.split("\n").findIndex((line) => line.startsWith("tags:"));
    await goTo(tagsLine + 1);
    // The end of the line, then before its `]`.
    await keys("End");
    await keys("ArrowLeft");
    await page.keyboard.type(', "');
    let labels = await until("tag completion", async () => {
      const found = await page.$$eval(".suggest-widget .monaco-list-row", (nodes) => nodes.map((node) => node.innerText));
      return found.length ? found : null;
    }, 8000).catch(async () => {
      await keys("Control", "Space");
      return until("tag completion after Ctrl+Space", async () => {
        const found = await page.$$eval(".suggest-widget .monaco-list-row", (nodes) => nodes.map((node) => node.innerText));
        return found.length ? found : null;
      });
    });
    await shot("5-tag-completion");
    labels = labels.map((label) => label.split("\n")[0].trim());
    const line = (await save(afterFixAll)).split("\n")[tagsLine];
    check("tag completion", line.endsWith('"エージェント", "]')
      && labels.includes("Anthropic") && labels.includes("AWS") && !labels.includes("OpenAI"),
      `${line}: ${labels.join(" | ")}`);
  } catch (error) {
    if (page) await page.screenshot({ path: path.join(shots, "failure.png") }).catch(() => {});
    throw error;
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.kill("SIGTERM");
    fs.writeFileSync(path.join(shots, "code-server.log"), serverLog);
  }
}

const result = env("RESULT");
const timer = setTimeout(() => finish(`deadline of ${DEADLINE_MS} ms passed`), DEADLINE_MS);
function finish(failure) {
  clearTimeout(timer);
  const ok = !failure && checks.every((c) => c.ok);
  fs.writeFileSync(result, JSON.stringify({ ok, failure: failure || "", checks }, null, 1));
  process.exit(ok ? 0 : 1);
}
main().then(
  () => finish(null),
  (error) => finish(error.check ? `check failed: ${error.check}` : String(error.stack || error)),
);
