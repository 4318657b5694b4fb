// Which copydesk binary the extension starts. No `vscode` import, so that a
// plain Node.js test can run it against an unpacked .vsix.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** Where the binary came from, as the output channel reports it. */
export type ServerSource = "setting" | "bundled" | "PATH";

export interface ServerLookup {
  /** `copydesk.path` as the user set it; empty or undefined when not set. */
  setting?: string;
  /** The extension's folder, which holds `bin/` in a platform-specific .vsix. */
  extensionPath: string;
  /** The first workspace folder on disk, for a relative `copydesk.path`. */
  workspaceFolder?: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

export interface ResolvedServer {
  command: string;
  source: ServerSource;
  /** False when the chosen command cannot be run; `command` then says what was tried. */
  found: boolean;
}

/** `copydesk.path` when set, else the binary bundled with the extension, else `copydesk` on PATH. */
export function resolveServer(lookup: ServerLookup): ResolvedServer {
  const platform = lookup.platform ?? process.platform;
  const env = lookup.env ?? process.env;
  const setting = lookup.setting?.trim() ?? "";
  if (setting !== "") {
    const command = expandSetting(setting, lookup.workspaceFolder);
    const onPath = hasSeparator(command) ? undefined : findOnPath(command, platform, env);
    if (onPath !== undefined) {
      return { command: onPath, source: "setting", found: true };
    }
    return { command, source: "setting", found: hasSeparator(command) && canRun(command, platform) };
  }
  const bundled = bundledBinary(lookup.extensionPath, platform);
  if (canRun(bundled, platform)) {
    return { command: bundled, source: "bundled", found: true };
  }
  const onPath = findOnPath("copydesk", platform, env);
  return { command: onPath ?? "copydesk", source: "PATH", found: onPath !== undefined };
}

/** The binary's place in a platform-specific package: `bin/copydesk`, or `bin/copydesk.exe` on Windows. */
export function bundledBinary(extensionPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionPath, "bin", platform === "win32" ? "copydesk.exe" : "copydesk");
}

function expandSetting(setting: string, workspaceFolder: string | undefined): string {
  // Settings are not shell-expanded, but people write `~/.cargo/bin/copydesk` anyway.
  const cmd = setting.replace(/^~(?=$|[/\\])/, os.homedir());
  // The extension host's working directory is arbitrary, so anchor relative paths to the workspace.
  if (hasSeparator(cmd) && !path.isAbsolute(cmd) && workspaceFolder !== undefined) {
    return path.join(workspaceFolder, cmd);
  }
  return cmd;
}

function hasSeparator(cmd: string): boolean {
  return cmd.includes("/") || cmd.includes("\\");
}

// Looked up here because a missing binary otherwise surfaces as a bare `spawn ENOENT`.
function findOnPath(cmd: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | undefined {
  const exts = platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";")] : [""];
  const delimiter = platform === "win32" ? ";" : ":";
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, cmd + ext);
      if (canRun(candidate, platform)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function canRun(file: string, platform: NodeJS.Platform): boolean {
  try {
    fs.accessSync(file, platform === "win32" ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
