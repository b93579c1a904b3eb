#!/usr/bin/env python3
"""Gives every defined global symbol of an ELF relocatable object hidden visibility, in place.

scripts/swap-in-iotkit.sh runs it on the partially linked libiotwire object: the SDK's objects
still link against those symbols (hidden globals resolve inside the final program), but the
program does not export them dynamically, even when linked with -rdynamic as the SDK's Linux
board does (which would add a dynamic symbol table entry, and keep the code, for each).
Standard library only; ELF32/ELF64, either byte order.

usage: elf_hide_globals.py OBJECT.o
"""
import struct
import sys

SHT_SYMTAB = 2
STB_GLOBAL = 1
STV_HIDDEN = 2


def main(path):
    d = bytearray(open(path, "rb").read())
    if d[:4] != b"\x7fELF":
        sys.exit(f"{path}: not an ELF file")
    wide = d[4] == 2
    end = "<" if d[5] == 1 else ">"
    if wide:
        shoff = struct.unpack_from(end + "Q", d, 0x28)[0]
        shentsize, shnum = struct.unpack_from(end + "HH", d, 0x3A)
    else:
        shoff = struct.unpack_from(end + "I", d, 0x20)[0]
        shentsize, shnum = struct.unpack_from(end + "HH", d, 0x2E)
    hidden = 0
    for i in range(shnum):
        sh = shoff + i * shentsize
        if struct.unpack_from(end + "I", d, sh + 4)[0] != SHT_SYMTAB:
            continue
        if wide:
            off, size = struct.unpack_from(end + "QQ", d, sh + 0x18)
            entsize = struct.unpack_from(end + "Q", d, sh + 0x38)[0]
            info_at, shndx_at = 4, 6
        else:
            off, size = struct.unpack_from(end + "II", d, sh + 0x10)
            entsize = struct.unpack_from(end + "I", d, sh + 0x24)[0]
            info_at, shndx_at = 12, 14
        for sym in range(off, off + size, entsize):
            info = d[sym + info_at]
            shndx = struct.unpack_from(end + "H", d, sym + shndx_at)[0]
            if info >> 4 == STB_GLOBAL and shndx != 0:
                other = sym + info_at + 1
                d[other] = (d[other] & ~3) | STV_HIDDEN
                hidden += 1
    open(path, "wb").write(d)
    print(hidden)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
