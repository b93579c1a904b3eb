#!/usr/bin/env python3
"""`pio pkg pack LIBDIR` with the SPDX license list from the license-expression package.

usage: <py-tools>/bin/python pio_pack_offline.py LIBDIR   (writes the tarball to the cwd)

PlatformIO validates library.json's "license" against the SPDX list it downloads from GitHub,
which the test machines cannot reach (only crates.io and PyPI). license-expression (installed
with spdx-tools) ships the SPDX license identifiers; this feeds them to the same check, so the
manifest is validated by PlatformIO's own rules, only with a local copy of the list.
"""
import sys

import license_expression
from platformio.__main__ import main as pio_main
from platformio.package.manifest.schema import ManifestSchema


def local_spdx_licenses():
    ids = {e["spdx_license_key"] for e in license_expression.get_license_index()
           if e.get("spdx_license_key") and not e["spdx_license_key"].startswith("LicenseRef-")}
    return {"licenses": [{"licenseId": i} for i in sorted(ids)]}


ManifestSchema.load_spdx_licenses = staticmethod(local_spdx_licenses)
sys.exit(pio_main(["pio", "pkg", "pack", sys.argv[1]]))
