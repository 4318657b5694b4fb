import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { ResolvedServer, resolveServer } from "./server";

// The client id doubles as the settings prefix: the client reads `copydesk.trace.server` itself.
const ID = "copydesk";
const NAME = "copydesk";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
// Set while we stop the client on purpose, so that a stop is not reported as an error.
let stopping = false;
// Restarts are chained so that a settings change during a start cannot leave two servers running.
let pending: Promise<void> = Promise.resolve();
let extensionPath = "";

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  // One channel for the extension's lifetime; otherwise every restart would add a new one.
  output = vscode.window.createOutputChannel(NAME);
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 0);
  status.command = "copydesk.showOutput";
  status.name = NAME;

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("copydesk.showOutput", () => {
      output.show(true);
    }),
    vscode.commands.registerCommand("copydesk.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("copydesk.path")) {
        void restart();
      }
    }),
  );

  pending = start();
  await pending;
}

export async function deactivate(): Promise<void> {
  await pending;
  await stop();
}

function restart(): Promise<void> {
  pending = pending.catch(() => undefined).then(stop).then(start);
  return pending;
}

async function start(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const server = resolveServer({
    setting: vscode.workspace.getConfiguration(ID).get<string>("path", ""),
    extensionPath,
    workspaceFolder: folder?.uri.scheme === "file" ? folder.uri.fsPath : undefined,
  });
  const command = server.command;
  if (!server.found) {
    setStatus("error", `cannot find \`${command}\``);
    output.appendLine(`copydesk binary not found: ${command} (${describe(server)})`);
    void notFound(command);
    return;
  }
  output.appendLine(`copydesk: starting ${command} lsp (${describe(server)})`);

  // No `transport`: with TransportKind.stdio the client would append `--stdio` to the arguments.
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    // No `synchronize.fileEvents`: the server registers its own watchers for
    // configs, vocabularies and packs, and both would deliver every change.
    outputChannel: output,
  };

  const c = new LanguageClient(ID, NAME, serverOptions, clientOptions);
  client = c;
  c.onDidChangeState(({ newState }) => {
    switch (newState) {
      case State.Starting:
        setStatus("starting");
        break;
      case State.Running:
        setStatus("running");
        break;
      case State.Stopped:
        // An unexpected stop means the server crashed more often than the client will restart it.
        setStatus(stopping ? "stopped" : "error", stopping ? undefined : "the server stopped");
        break;
    }
  });

  setStatus("starting");
  try {
    await c.start();
  } catch (err) {
    setStatus("error", String(err));
    output.appendLine(`failed to start ${command} lsp: ${String(err)}`);
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) {
    setStatus("stopped");
    return;
  }
  stopping = true;
  try {
    // dispose(), not stop(): this client is never started again. It keeps our output channel.
    // It rejects when the server never started or is already gone; either way it is down.
    await c.dispose();
  } catch {
    // Nothing left to clean up.
  } finally {
    stopping = false;
  }
  setStatus("stopped");
}

type Status = "starting" | "running" | "stopped" | "error";

const ICONS: Record<Status, string> = {
  starting: "$(sync~spin)",
  running: "$(check)",
  stopped: "$(circle-slash)",
  error: "$(error)",
};

function setStatus(state: Status, detail?: string): void {
  status.text = `${ICONS[state]} copydesk`;
  status.tooltip = `copydesk: ${state}${detail ? ` (${detail})` : ""}. Click to show the log.`;
  status.backgroundColor =
    state === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  status.show();
}

async function notFound(command: string): Promise<void> {
  const openSettings = "Open Settings";
  const choice = await vscode.window.showErrorMessage(
    `copydesk: cannot find the language server binary "${command}". ` +
      "Install the extension for your platform (it bundles the binary), install copydesk with " +
      "`pipx install copydesk` or `cargo install --path .`, or set `copydesk.path` to the binary's full path.",
    openSettings,
  );
  if (choice === openSettings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "copydesk.path");
  }
}

function describe(server: ResolvedServer): string {
  switch (server.source) {
    case "setting":
      return "from the copydesk.path setting";
    case "bundled":
      return "the binary bundled with the extension";
    case "PATH":
      return "copydesk on PATH";
  }
}
