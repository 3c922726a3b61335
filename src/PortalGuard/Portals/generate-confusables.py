#!/usr/bin/python3
"""Writes confusables_skeleton.txt: the UTS-39 confusable mappings whose prototype is an ASCII host-name character.

Debian does not ship Unicode's confusables.txt itself; it ships the same data, as a JSON map that lists each
character's confusables in both directions, inside the package python3-confusable-homoglyphs. This script keeps the
mappings PortalGuard needs: host labels are compared with catalog labels that are lowercase ASCII, so only
characters whose confusable prototype is made of a-z, 0-9 and '-' matter.

Run:  apt-get install python3-confusable-homoglyphs && /usr/bin/python3 generate-confusables.py > confusables_skeleton.txt
"""
import json
import sys
import unicodedata

SOURCE = "/usr/lib/python3/dist-packages/confusable_homoglyphs/confusables.json"
HOST_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")

HEADER = """\
# Confusable characters whose prototype is ASCII: a subset of Unicode's UTS #39 confusables data (confusables.txt).
# Source: Debian package python3-confusable-homoglyphs 3.2.0-2 (confusables.json, "Copyright (c) 2022 Unicode, Inc.",
# see /usr/share/doc/python3-confusable-homoglyphs/copyright), reduced by generate-confusables.py in this folder.
# Format: code point ; prototype (lowercase ASCII) # character name
#
# UNICODE LICENSE V3 / UNICODE, INC. LICENSE AGREEMENT - DATA FILES AND SOFTWARE
# Copyright (c) 1991-2022 Unicode, Inc. All rights reserved.
# Distributed under the Terms of Use in https://www.unicode.org/copyright.html.
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of the Unicode data files and any
# associated documentation (the "Data Files") or Unicode software and any associated documentation (the "Software")
# to deal in the Data Files or Software without restriction, including without limitation the rights to use, copy,
# modify, merge, publish, distribute, and/or sell copies of the Data Files or Software, and to permit persons to whom
# the Data Files or Software are furnished to do so, provided that either (a) this copyright and permission notice
# appear with all copies of the Data Files or Software, or (b) this copyright and permission notice appear in
# associated documentation.
#
# THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF THIRD
# PARTY RIGHTS. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS INCLUDED IN THIS NOTICE BE LIABLE FOR ANY CLAIM, OR
# ANY SPECIAL INDIRECT OR CONSEQUENTIAL DAMAGES, OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR
# PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH
# THE USE OR PERFORMANCE OF THE DATA FILES OR SOFTWARE.
#
# Except as contained in this notice, the name of a copyright holder shall not be used in advertising or otherwise
# to promote the sale, use or other dealings in these Data Files or Software without prior written authorization of
# the copyright holder.
"""


def clean(text):
    # The JSON wraps right-to-left characters in LEFT-TO-RIGHT MARKs for display.
    return text.replace("\u200e", "")


def main():
    with open(SOURCE, encoding="utf-8") as handle:
        data = json.load(handle)

    mapping = {}
    for key, entries in data.items():
        key = clean(key)
        if len(key) != 1 or key.lower() != key and not key.isascii():
            continue  # sequences are not sources; host labels are lowercase after IDNA mapping
        values = {clean(e["c"]) for e in entries}
        ascii_values = {v.lower() for v in values if v and all(c.lower() in HOST_CHARS for c in v)}
        if key.isascii():
            # ASCII sources ('1' -> 'l', '0' -> 'O', 'm' -> 'rn') list exactly one prototype; ASCII prototypes list many sources.
            if len(values) != 1 or len(ascii_values) != 1:
                continue
        elif len(ascii_values) != 1:
            continue  # no ASCII prototype, or an ambiguous one
        target = ascii_values.pop()
        if target != key.lower():
            mapping[key] = target

    # A skeleton must be idempotent: when 'm' becomes "rn", whatever became 'm' must become "rn" too.
    changed = True
    while changed:
        changed = False
        for key, target in mapping.items():
            again = "".join(mapping.get(c, c) for c in target)
            if again != target:
                mapping[key] = again
                changed = True

    sys.stdout.write(HEADER)
    for key in sorted(mapping, key=ord):
        name = unicodedata.name(key, "")
        sys.stdout.write(f"{ord(key):04X} ; {mapping[key]} # {name}\n")


if __name__ == "__main__":
    main()
