#!/usr/bin/env python3
"""List product functions longer than a limit (default 80 lines).

Length counts from the line holding the function's name (its signature) to the
closing brace, inclusive. Lambdas are counted as part of the function that holds
them. Uses Universal Ctags for the start and end lines.

Usage: scripts/long-functions.py [--max N] [dirs...]   (default dirs: core wizard app)
Exits 1 if any function is over the limit, so it can serve as a check.
"""
import argparse
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=80, help="longest allowed function")
    parser.add_argument("dirs", nargs="*", default=["core", "wizard", "app"])
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = []
    for d in args.dirs:
        for base, _, names in os.walk(os.path.join(root, d)):
            files += [os.path.join(base, n) for n in names if n.endswith((".cpp", ".h"))]
    out = subprocess.run(
        ["ctags", "--output-format=json", "--sort=no", "--c++-kinds=f",
         "--fields=+ne", "--languages=C++", "--language-force=C++", "-f", "-"] + sorted(files),
        check=True, capture_output=True, text=True).stdout

    found = []
    for line in out.splitlines():
        tag = json.loads(line)
        if tag.get("_type") != "tag" or "end" not in tag:
            continue
        if tag["name"].startswith("__anon"):  # lambdas belong to their enclosing function
            continue
        length = tag["end"] - tag["line"] + 1
        if length > args.max:
            scope = tag.get("scope", "")
            name = tag["name"]
            if tag.get("scopeKind") in ("class", "struct"):
                name = scope.split("::")[-1] + "::" + name
            found.append((length, os.path.relpath(tag["path"], root), tag["line"], name))

    for length, path, line, name in sorted(found, reverse=True):
        print(f"{length:4d}  {path}:{line}  {name}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
