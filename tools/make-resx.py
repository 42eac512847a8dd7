#!/usr/bin/env python3
"""Writes Strings.resx (Chinese, the neutral language) and Strings.en.resx from strings.tsv."""
import csv, pathlib
from xml.sax.saxutils import escape

here = pathlib.Path(__file__).parent
target = here.parent / "src/GridGov.App/Kernel/Localization"
rows = list(csv.DictReader(open(here / "strings.tsv", encoding="utf-8"), delimiter="\t"))
head = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for column, name in (("zh-CN", "Strings.resx"), ("en", "Strings.en.resx")):
    keys = set()
    with open(target / name, "w", encoding="utf-8") as out:
        out.write(head)
        for row in rows:
            if row["key"] in keys:
                raise SystemExit(f"duplicate key {row['key']}")
            keys.add(row["key"])
            out.write(f'  <data name="{escape(row["key"])}" xml:space="preserve"><value>{escape(row[column])}</value></data>\n')
        out.write("</root>\n")
print(f"{len(rows)} strings")
