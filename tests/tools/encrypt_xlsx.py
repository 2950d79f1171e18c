"""Encrypts an XLSX with a password, as Excel's "Protect workbook > Encrypt with password" does
(ECMA-376 agile encryption), with msoffcrypto-tool: an independent writer of the real thing.

usage: encrypt_xlsx.py IN.xlsx OUT.xlsx PASSWORD
"""
import sys

from msoffcrypto.format.ooxml import OOXMLFile


def main() -> None:
    src, dst, password = sys.argv[1:4]
    with open(src, "rb") as plain, open(dst, "wb") as out:
        OOXMLFile(plain).encrypt(password, out)


if __name__ == "__main__":
    main()
