#!/usr/bin/env python3
"""Fills the English plural forms of translations/gitspaces-setup_en.ts.

The sources write plurals as "%n error(s)"; lupdate -pluralonly lists those messages in the English
catalogue with two empty forms. This writes them: "(s)" dropped for one, "s" for many. It rewrites
every numerus message, so run it after each lupdate:
    cmake --build build --target gitspaces-setup_lupdate && scripts/english-plurals.py
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "translations" / "gitspaces-setup_en.ts"


def forms(source: str) -> tuple[str, str]:
    return source.replace("(s)", ""), source.replace("(s)", "s")


def main() -> int:
    tree = ET.parse(TS)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        for form in list(translation):
            translation.remove(form)
        translation.text = None
        for text in forms(source):
            ET.SubElement(translation, "numerusform").text = text
        filled += 1
    ET.indent(tree, space="    ")
    # lupdate's own layout: <context> at the margin, so its next run changes nothing.
    lines = ET.tostring(tree.getroot(), encoding="unicode").splitlines()
    body = "\n".join([lines[0]] + [line[4:] for line in lines[1:-1]] + [lines[-1]])
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    print(f"{TS.name}: {filled} plural messages filled", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
