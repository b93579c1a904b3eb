#!/usr/bin/env python3
"""What libiotwire.a put into a linked image, from a GNU ld -Map file made with --cref.

usage: mapsize.py app.map [archive-name]        (archive-name defaults to libiotwire.a)

Prints one line of key=value pairs:
  rust_text rust_rodata rust_data rust_bss   bytes from the library's iotwire code (the LTO
                                             object, or every non-builtins member without LTO)
  cb_text cb_rodata cb_data cb_bss           bytes from its compiler_builtins member
                                             (memcpy/memset and the EABI helpers)
  libc_text libc_rodata libc_data libc_bss   bytes from the C runtime (newlib, libgcc, libnosys,
                                             crt objects): subtract an empty program's figure
                                             to get what a set pulls in
  alloc_refs                                 allocator symbols the library's objects reference
                                             in this link ("-" when none), from the cross
                                             reference table, so newlib's own malloc users
                                             (stdio buffers) do not count
"""
import collections
import re
import sys

ALLOC = {"malloc", "free", "calloc", "realloc", "memalign", "aligned_alloc", "posix_memalign",
         "_malloc_r", "_free_r", "_calloc_r", "_realloc_r", "_memalign_r"}
RUST_ALLOC = re.compile(r"__rust_(alloc|dealloc|realloc|alloc_zeroed|alloc_error_handler)|__rg_")
# Output sections that take space in flash or RAM (cortex-m/sections.ld merges .rodata into
# .text; the default arm-none-eabi script used by scripts/size-table.sh keeps it apart). The
# RISC-V scripts (riscv/virt.ld, picolibc.ld) add small data near gp, thread-local storage and
# unwind tables; picolibc.ld gives the small data output sections of their own.
# The toolchain's C runtime: newlib(-nano) or picolibc, libgcc, libnosys (picolibc's
# libdummyhost/libsemihost) and the crt objects.
C_RUNTIME = re.compile(r"/lib(c|c_nano|g|g_nano|gcc|nosys|m|dummyhost|semihost)\.a\(|/crt\w*\.o$")
ALLOCATED = {".text", ".rodata", ".ARM.extab", ".ARM.exidx", ".init_array", ".fini_array", ".data", ".bss",
             ".init", ".srodata", ".sdata", ".sbss", ".tdata", ".tbss", ".eh_frame"}


def kind(out_sec, in_sec):
    if out_sec in (".bss", ".sbss", ".tbss") or in_sec.startswith((".bss", ".sbss", ".tbss", "COMMON")):
        return "bss"
    if out_sec in (".data", ".sdata", ".tdata"):
        return "data"
    if in_sec.startswith(".text"):
        return "text"
    return "rodata"  # .rodata*, unwind tables


def member_group(path):
    member = path.rsplit("(", 1)[-1]
    return "cb" if member.startswith("compiler_builtins-") else "rust"


def sizes(memory_map, archive):
    tot = collections.Counter()
    out_sec = in_sec = None
    for line in memory_map.splitlines():
        if re.match(r"^\.[\w.]+(\s|$)", line):
            out_sec = line.split()[0]
            continue
        # An input section is " .name  0xADDR 0xSIZE file", or " .name" alone when the name
        # is long, with the rest on the next line.
        m = re.match(r"^ (\.\S+|COMMON)(?:\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*))?$", line)
        if m:
            in_sec = m.group(1)
            if m.group(2) is None:
                continue
            size, path = int(m.group(2), 16), m.group(3).strip()
        else:
            m = re.match(r"^\s{16}\s*0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*)$", line)
            if not (m and in_sec):
                continue
            size, path = int(m.group(1), 16), m.group(2).strip()
        if out_sec in ALLOCATED and archive + "(" in path:
            tot[member_group(path) + "_" + kind(out_sec, in_sec)] += size
        elif out_sec in ALLOCATED and C_RUNTIME.search(path):
            tot["libc_" + kind(out_sec, in_sec)] += size
        in_sec = None
    return tot


def alloc_refs(cref, archive):
    """Symbols of the allocator family that any object from `archive` references."""
    refs, sym = set(), None
    for line in cref.splitlines():
        if not line.strip():
            continue
        if not line[0].isspace():  # "symbol   defining-file" (or the table header)
            sym = line.split()[0]
            files = line.split()[1:]
        else:
            files = line.split()
        wanted = sym in ALLOC or RUST_ALLOC.search(sym or "")
        if wanted and any(archive + "(" in f for f in files):
            refs.add(sym)
    return refs


def main():
    text = open(sys.argv[1]).read()
    archive = sys.argv[2] if len(sys.argv) > 2 else "libiotwire.a"
    body = text.split("Linker script and memory map", 1)[1]
    memory_map, _, cref = body.partition("Cross Reference Table")
    if not cref:
        sys.exit("mapsize: no cross reference table (link with -Wl,--cref)")
    tot = sizes(memory_map, archive)
    keys = [g + "_" + k for g in ("rust", "cb", "libc") for k in ("text", "rodata", "data", "bss")]
    refs = alloc_refs(cref, archive)
    print(" ".join(f"{k}={tot[k]}" for k in keys), "alloc_refs=" + (",".join(sorted(refs)) or "-"))


main()
