#!/usr/bin/env python3
"""Runs the shell steps of the root action.yml as GitHub's runner would, on this
machine: `${{ }}` expressions in `env:` and `if:` are filled in from the inputs
and earlier steps' outputs, each `run:` goes to `bash --noprofile --norc -eo
pipefail`, and $GITHUB_PATH, $GITHUB_OUTPUT and $RUNNER_TEMP work as on the
runner. Steps that `uses:` another action (setup-python, upload-sarif) need the
runner itself and are only listed.

    action_steps.py --workspace SITE [--input name=value ...]

Prints one JSON object: each step's name, whether it ran, its exit code and
output, and the action's outputs. Exits 0 when the run ends as the runner would
end it (the JSON says whether the job failed).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expression, context):
    """The few expression forms action.yml uses: a context path, or `a == 'b'`."""
    compared = re.fullmatch(r"(\S+)\s*==\s*'([^']*)'", expression)
    if compared:
        return str(evaluate(compared.group(1), context)) == compared.group(2)
    value = context
    for part in expression.split("."):
        if not isinstance(value, dict) or part not in value:
            raise SystemExit(f"action.yml: unknown expression {expression!r}")
        value = value[part]
    return value


def fill(text, context):
    return EXPRESSION.sub(lambda m: str(evaluate(m.group(1), context)), str(text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--input", action="append", default=[])
    args = parser.parse_args()
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for pair in args.input:
        name, _, value = pair.partition("=")
        if name not in inputs:
            raise SystemExit(f"action.yml has no input {name!r}")
        inputs[name] = value
    runner = tempfile.mkdtemp(prefix="copydesk-runner-")
    github_path = os.path.join(runner, "path")
    open(github_path, "w").close()
    context = {"inputs": inputs, "steps": {}, "github": {"action_path": ROOT}}
    report = {"steps": [], "failed": False}
    for step in action["runs"]["steps"]:
        name = step.get("name", step.get("uses"))
        condition = step.get("if")
        if condition is not None and not evaluate(condition.strip(), context):
            report["steps"].append({"name": name, "ran": False, "why": "its condition is false"})
            continue
        if "uses" in step:
            report["steps"].append({"name": name, "ran": False, "why": "needs GitHub's runner"})
            continue
        if EXPRESSION.search(step["run"]):
            raise SystemExit(f"step {name!r}: an expression inside `run:` is open to injection")
        output_file = os.path.join(runner, "output")
        open(output_file, "w").close()
        with open(github_path, encoding="utf-8") as f:
            added = [line.strip() for line in f if line.strip()]
        env = dict(os.environ)
        env.update({key: fill(value, context) for key, value in step.get("env", {}).items()})
        env.update({"RUNNER_TEMP": runner, "GITHUB_PATH": github_path, "GITHUB_OUTPUT": output_file,
                    "GITHUB_WORKSPACE": args.workspace, "GITHUB_ACTIONS": "true",
                    # The runner prepends $GITHUB_PATH's lines, latest first.
                    "PATH": os.pathsep.join([*reversed(added), os.environ["PATH"]])})
        script = os.path.join(runner, "step.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(step["run"])
        if step.get("shell") != "bash":
            raise SystemExit(f"step {name!r}: a composite step needs `shell: bash`")
        completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                                   cwd=args.workspace, env=env, capture_output=True, text=True)
        outputs = {}
        with open(output_file, encoding="utf-8") as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("=")
                if key:
                    outputs[key] = value
        if "id" in step:
            context["steps"][step["id"]] = {"outputs": outputs}
        report["steps"].append({"name": name, "ran": True, "exit": completed.returncode,
                                "stdout": completed.stdout, "stderr": completed.stderr})
        if completed.returncode != 0:
            report["failed"] = True
            break
    report["outputs"] = {key: fill(spec["value"], context) for key, spec in action.get("outputs", {}).items()}
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
