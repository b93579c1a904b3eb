#!/usr/bin/env python3
"""SPDX 2.3 (JSON) software bill of materials of the release bundle's libiotwire.a archives.

usage: sbom.py --root REPO --version V --out FILE --target TRIPLE[:TOOLCHAIN]...

Each archive holds iotwire-ffi, the crates it depends on for that target (cargo tree -e normal
--target TRIPLE, so only what is compiled into the archive: no dev- or build-dependencies)
and the Rust toolchain's core and compiler_builtins. TOOLCHAIN names how core was obtained:
"build-std" (compiled from the sources of RUSTC_BUILD_STD, default /usr/bin/rustc, as every
non-host archive is) or "prebuilt" (the host's rustup toolchain, `rustc` on PATH). Versions
and licenses come from cargo (Cargo.toml `license`), checksums from Cargo.lock, the toolchain
crates from the Rust sources' own manifests.
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # python < 3.11
    tomllib = None

CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"


def run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.PIPE, text=True).stdout


def lock_packages(root):
    """(name, version) -> {"source", "checksum"} from Cargo.lock (TOML, parsed minimally if
    tomllib is missing: Cargo.lock has one flat [[package]] table per crate)."""
    text = open(os.path.join(root, "Cargo.lock"), encoding="utf-8").read()
    out = {}
    if tomllib:
        for p in tomllib.loads(text).get("package", []):
            out[(p["name"], p["version"])] = p
        return out
    for block in text.split("[[package]]")[1:]:
        fields = dict(re.findall(r'^(\w+) = "([^"]*)"', block, re.M))
        out[(fields["name"], fields["version"])] = fields
    return out


def crates_for(root, target):
    """[(name, version, license, local)] compiled into the archive for target."""
    cargo = os.environ.get("CARGO", "cargo")
    text = run([cargo, "tree", "--quiet", "--locked", "-p", "iotwire-ffi", "-e", "normal",
                "--target", target, "--prefix", "none", "--format", "{p}|{l}"], cwd=root)
    out = set()
    for line in text.splitlines():
        m = re.match(r"^(\S+) v(\S+)( \(.*\))?\|(.*?)( \(\*\))?$", line.strip())
        if not m:
            continue
        out.add((m.group(1), m.group(2), m.group(4) or "NOASSERTION", m.group(3) is not None))
    return out


def toolchain_crates(kind):
    """core and compiler_builtins of a toolchain: [(name, version, license, comment)]."""
    if kind == "build-std":
        rustc = os.environ.get("RUSTC_BUILD_STD", "/usr/bin/rustc")
        ver = run([rustc, "--version"]).split()[1]
        lib = os.path.join(run([rustc, "--print", "sysroot"]).strip(), "lib/rustlib/src/rust/library")
        cb = os.path.join(lib, "compiler-builtins/compiler-builtins/Cargo.toml")
        cb_text = open(cb, encoding="utf-8").read()
        cb_ver = re.search(r'^version = "([^"]+)"', cb_text, re.M).group(1)
        cb_lic = re.search(r'^license = "([^"]+)"', cb_text, re.M).group(1)
        core_lic = re.search(r'^license = "([^"]+)"', open(os.path.join(lib, "core/Cargo.toml"),
                             encoding="utf-8").read(), re.M).group(1)
        how = f"compiled from the rustc {ver} sources with -Zbuild-std"
        return [("core", ver, core_lic, how), ("compiler_builtins", cb_ver, cb_lic, how)]
    ver = run(["rustc", "--version"]).split()[1]
    how = f"prebuilt, shipped with rustc {ver} (rustup)"
    # The prebuilt compiler_builtins also carries LLVM compiler-rt's C builtins.
    return [("core", ver, "MIT OR Apache-2.0", how),
            ("compiler_builtins", "NOASSERTION",
             "MIT AND Apache-2.0 WITH LLVM-exception AND (MIT OR Apache-2.0)", how)]


def spdx_id(*parts):
    return "SPDXRef-" + re.sub(r"[^A-Za-z0-9.-]", "-", "-".join(parts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--target", action="append", required=True)
    args = ap.parse_args()

    lock = lock_packages(args.root)
    packages = {}   # spdx id -> package dict
    targets_of = {}  # spdx id -> [triples]

    def add(pid, pkg, triple):
        packages.setdefault(pid, pkg)
        targets_of.setdefault(pid, []).append(triple)

    for spec in args.target:
        triple, _, kind = spec.partition(":")
        for name, version, lic, local in sorted(crates_for(args.root, triple)):
            if name == "iotwire-ffi":
                continue
            entry = lock.get((name, version), {})
            pkg = {"name": name, "versionInfo": version, "licenseDeclared": lic,
                   "licenseConcluded": "NOASSERTION", "copyrightText": "NOASSERTION",
                   "filesAnalyzed": False, "supplier": "NOASSERTION",
                   "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER",
                                     "referenceType": "purl",
                                     "referenceLocator": f"pkg:cargo/{name}@{version}"}]}
            if local:
                pkg["downloadLocation"] = "NOASSERTION"
                pkg["comment"] = "part of the iotwire workspace"
            elif entry.get("source") == CRATES_IO:
                pkg["downloadLocation"] = f"https://crates.io/api/v1/crates/{name}/{version}/download"
                if entry.get("checksum"):
                    pkg["checksums"] = [{"algorithm": "SHA256", "checksumValue": entry["checksum"]}]
            else:
                sys.exit(f"sbom: {name} {version} is neither in the workspace nor from crates.io")
            add(spdx_id("crate", name, version), pkg, triple)
        for name, version, lic, how in toolchain_crates(kind or "build-std"):
            pkg = {"name": name, "versionInfo": version, "licenseDeclared": lic,
                   "licenseConcluded": "NOASSERTION", "copyrightText": "NOASSERTION",
                   "filesAnalyzed": False, "supplier": "Organization: The Rust Project",
                   "downloadLocation": "https://github.com/rust-lang/rust", "comment": how}
            add(spdx_id("rust", name, version, kind or "build-std"), pkg, triple)

    root_id = "SPDXRef-libiotwire"
    rust_ids = sorted(packages)
    doc_packages = [{
        "SPDXID": root_id, "name": "iotwire-ffi", "packageFileName": "libiotwire.a",
        "versionInfo": args.version,
        "supplier": "NOASSERTION", "downloadLocation": "NOASSERTION", "filesAnalyzed": False,
        "licenseDeclared": "MIT OR Apache-2.0", "licenseConcluded": "NOASSERTION",
        "copyrightText": "NOASSERTION", "primaryPackagePurpose": "LIBRARY",
        "comment": "the iotwire C library (crate iotwire-ffi), one archive per Rust target in "
                   "lib/<target>/: " + ", ".join(t.partition(":")[0] for t in args.target),
    }]
    for pid in rust_ids:
        pkg = dict(packages[pid], SPDXID=pid)
        triples = targets_of[pid]
        if len(triples) < len(args.target):
            pkg["comment"] = (pkg.get("comment", "") + "; " if pkg.get("comment") else "") + \
                "only in the archives for " + ", ".join(triples)
        doc_packages.append(pkg)
    created = os.environ.get("SBOM_CREATED") or \
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    doc = {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": f"iotwire-{args.version}",
        "documentNamespace": f"https://github.com/iotwire/iotwire/spdx/iotwire-{args.version}-{created}",
        "creationInfo": {"created": created, "creators": ["Tool: iotwire packaging/sbom.py"]},
        "packages": doc_packages,
        "relationships": [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
                           "relatedSpdxElement": root_id}] +
                         [{"spdxElementId": root_id, "relationshipType": "CONTAINS",
                           "relatedSpdxElement": pid} for pid in rust_ids],
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
