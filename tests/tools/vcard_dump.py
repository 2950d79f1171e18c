"""Reads vCard files with the independent `vobject` library and prints the cards as JSON.

Used by tests/export.rs. Every argument is a .vcf file (with one or many cards) or a folder of
them. Each card gives its version and the values Ponte writes, as vobject decodes them
(unescaped and unfolded).
"""
import json
import os
import sys

import vobject


def values(card, name):
    return [c.value for c in card.contents.get(name, [])]


def one(card, name):
    found = values(card, name)
    return found[0] if found else None


def dump(card):
    n = card.n.value
    adr = [{"city": a.city, "country": a.country} for a in values(card, "adr")]
    categories = []
    for c in values(card, "categories"):
        categories.extend(c if isinstance(c, list) else [c])
    org = one(card, "org")
    return {
        "version": one(card, "version"),
        "family": n.family,
        "given": n.given,
        "fn": one(card, "fn"),
        "org": org if org is None or isinstance(org, str) else ";".join(org),
        "title": one(card, "title"),
        "emails": values(card, "email"),
        "tels": values(card, "tel"),
        "adr": adr,
        "note": one(card, "note"),
        "categories": categories,
        "phonetic_first": one(card, "x-phonetic-first-name"),
        "phonetic_last": one(card, "x-phonetic-last-name"),
        "uid": one(card, "uid"),
    }


def main(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files.extend(sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".vcf")))
        else:
            files.append(p)
    cards = []
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            for card in vobject.readComponents(fh.read(), validate=True):
                cards.append(dump(card))
    json.dump({"files": len(files), "cards": cards}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
