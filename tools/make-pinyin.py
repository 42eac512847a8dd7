#!/usr/bin/env python3
"""Writes the toneless pinyin of U+4E00..U+9FFF, one reading per character, from Unicode's Unihan
kMandarin field (Debian package unicode-data: /usr/share/unicode/Unihan_Readings.txt.bz2).
Usage: tools/make-pinyin.py [path to Unihan_Readings.txt.bz2]"""
import bz2, pathlib, sys, unicodedata

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_Readings.txt.bz2"
target = pathlib.Path(__file__).parent.parent / "src/GridGov.App/Modules/People/Domain/Search/pinyin.txt"
first, last = 0x4E00, 0x9FFF
readings = {}
for line in bz2.open(source, "rt", encoding="utf-8"):
    if not line.startswith("U+"):
        continue
    code, field, value = line.rstrip("\n").split("\t")
    if field != "kMandarin":
        continue
    cp = int(code[2:], 16)
    if first <= cp <= last:
        plain = unicodedata.normalize("NFD", value.split()[0]).replace("u\u0308", "v")
        readings[cp] = "".join(c for c in plain if not unicodedata.combining(c))
with open(target, "w", encoding="ascii") as out:
    out.write("# Toneless pinyin for U+4E00..U+9FFF, one per code point, '-' where none; from Unicode Unihan kMandarin (Unicode License v3).\n")
    out.write(" ".join(readings.get(cp, "-") for cp in range(first, last + 1)))
    out.write("\n")
print(f"{len(readings)} readings")
