#!/usr/bin/env python3
"""Turns tests/vectors/legacy-c-sdk.dev.json into the C tables the Cortex-M programs check.

usage: gen_expected.py VECTORS.json OUTDIR

Writes OUTDIR/cm_vectors.h (cases for vectors_main.c), OUTDIR/cm_sign_only.h (the one input
of sign_only.c) and OUTDIR/expected.txt (what the QEMU runs must print). Every expected value
is copied from the JSON; the only derivations are documented rules (the documented password
is the upper-case hex of the same MAC), each cross-checked here with python hmac.
"""
import hashlib
import hmac
import json
import os
import re
import sys

SDK = {"v320": "V3_2_0", "v310": "V3_1_0", "v301": "V3_0_1", "bundle": "BUNDLE", "v230": "V2_3_0"}
BUILD_BITS = {"SUPPORT_TLS": "SUPPORT_TLS", "MQTT_AUTO_SUBSCRIBE": "MQTT_AUTO_SUBSCRIBE",
              "MQTT_PRE_AUTH": "MQTT_PRE_AUTH", "SUPPORT_ITLS": "SUPPORT_ITLS"}
# MQTT_DIRECT is how every v2.3.0 vector was built; the V2_3_0 profile implies it.
IMPLIED = {"MQTT_DIRECT"}
# Capacities of the legacy struct members, NUL included (iotx_dev_meta_info_t).
META_CAP = {"product_key": 21, "device_name": 33, "device_secret": 65}
SIGN_ONLY_ID = "v320-default-01"
DOC_ID = "doc-mqtt-tcp-hmacsha1"


def c_str(s):
    """A C99 string literal; octal escapes for anything but plain printable ASCII ('?' too,
    as trigraphs are live in -std=c99)."""
    if s is None:
        return "NULL"
    out = []
    for b in s.encode():
        c = chr(b)
        if 0x20 <= b < 0x7F and c not in '"\\?':
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def build_expr(flags):
    bits = []
    for f in flags:
        if f in IMPLIED:
            continue
        if f not in BUILD_BITS:
            sys.exit(f"gen_expected: unknown build flag {f}")
        bits.append("IOTWIRE_LEGACY_BUILD_" + BUILD_BITS[f])
    return "(" + " | ".join(bits) + ")" if bits else "0u"


def legacy_rows(vectors):
    rows = []
    for v in vectors:
        if v["kind"] not in ("iot_sign_mqtt", "mqtt_sign_v2_guider"):
            continue
        i, e = v["inputs"], v["expected"]
        for k, cap in META_CAP.items():
            if len(i[k].encode()) >= cap:
                sys.exit(f"gen_expected: {v['id']}: {k} does not fit the legacy struct")
        sdk = SDK[v["id"].split("-")[0]]
        domain = i.get("custom_mqtt_domain")
        paths = ["CM_PATH_SELECTOR"]
        # The v3.2.0 default build is what the exported symbol and the header macro (with
        # SUPPORT_TLS + MQTT_AUTO_SUBSCRIBE defined in vectors_main.c) reproduce.
        if v["id"].startswith("v320-default-"):
            paths.append("CM_PATH_MACRO")
            if domain is None:
                paths.append("CM_PATH_EXPORTED")
        untouched = bool(e.get("signout_untouched"))
        for path in paths:
            rows.append("    {%s, %s, IOTWIRE_LEGACY_SDK_%s, %s, %d, %s,\n"
                        "     %s, %s, %s,\n"
                        "     %d, %d, %s, %du, %s,\n     %s,\n     %s},"
                        % (c_str(v["id"]), path, sdk, build_expr(v.get("build_flags", [])),
                           i["region"], c_str(domain),
                           c_str(i["product_key"]), c_str(i["device_name"]),
                           c_str(i["device_secret"]),
                           e["rc"], int(untouched), c_str(e.get("hostname", "")),
                           e.get("port", 0), c_str(e.get("clientid", "")),
                           c_str(e.get("username", "")), c_str(e.get("password", ""))))
    return rows


def check_mac(key, content, digest, want_hex):
    got = hmac.new(key.encode(), content.encode(), digest).hexdigest()
    if got != want_hex.lower():
        sys.exit(f"gen_expected: vector MAC {want_hex} disagrees with python hmac ({got})")


def doc_rows(vectors):
    """Documented-API cases: the doc example and the hmacmd5 vectors."""
    rows, plaintext = [], 0
    for v in vectors:
        i, e = v["inputs"], v["expected"]
        if v["id"] == DOC_ID:
            cid, params = e["mqtt_client_id"].split("|")[:2]
            kv = dict(p.split("=", 1) for p in params.split(","))
            dn, pk = e["mqtt_username"].split("&")
            check_mac(i["key"], i["content"], hashlib.sha1, e["hex_upper"])
            case = dict(method="HMACSHA1", sm=int(kv["securemode"]), cid=cid, pk=pk, dn=dn,
                        ds=i["key"], ts=kv["timestamp"], content=i["content"],
                        pwd=e["hex_upper"], mqtt_cid=e["mqtt_client_id"],
                        user=e["mqtt_username"])
            if kv["signmethod"] != "hmacsha1" or i["alg"] != "HMAC-SHA1":
                sys.exit("gen_expected: doc example is no longer HMAC-SHA1")
        elif v["kind"] == "mqtt_sign_hmacmd5_composed":
            ts = re.search(r"timestamp=(\d+)", e["clientid"]).group(1)
            check_mac(i["device_secret"], e["sign_content"], hashlib.md5, e["password"])
            # The documented form writes the MAC in upper-case hex; the client id layout
            # differs from v2.0.3's, so only the password, content and username are compared.
            case = dict(method="HMACMD5", sm=i["secure_mode"], cid="", pk=i["product_key"],
                        dn=i["device_name"], ds=i["device_secret"], ts=ts,
                        content=e["sign_content"], pwd=e["password"].upper(), mqtt_cid=None,
                        user=e["username"])
        else:
            continue
        plaintext += case["sm"] == 3
        rows.append("    {%s, IOTWIRE_SIGN_METHOD_%s, %d, %s, %s, %s, %s, %s,\n"
                    "     %s,\n     %s, %s, %s},"
                    % (c_str(v["id"]), case["method"], case["sm"], c_str(case["cid"]),
                       c_str(case["pk"]), c_str(case["dn"]), c_str(case["ds"]),
                       c_str(case["ts"]), c_str(case["content"]), c_str(case["pwd"]),
                       c_str(case["mqtt_cid"]), c_str(case["user"])))
    return rows, plaintext


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    vectors = json.load(open(sys.argv[1]))["vectors"]
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    legacy = legacy_rows(vectors)
    doc, plaintext = doc_rows(vectors)
    if len(doc) < 3:
        sys.exit("gen_expected: doc example or hmacmd5 vectors missing")
    with open(os.path.join(out, "cm_vectors.h"), "w") as f:
        f.write("/* Generated by cortex-m/gen_expected.py from %s - do not edit. */\n"
                % os.path.basename(sys.argv[1]))
        f.write("static const cm_legacy_case_t cm_legacy_cases[] = {\n%s\n};\n\n"
                % "\n".join(legacy))
        f.write("static const cm_doc_case_t cm_doc_cases[] = {\n%s\n};\n" % "\n".join(doc))
    so = next(v for v in vectors if v["id"] == SIGN_ONLY_ID)
    with open(os.path.join(out, "cm_sign_only.h"), "w") as f:
        f.write("/* Generated by cortex-m/gen_expected.py: inputs of %s. */\n" % SIGN_ONLY_ID)
        for k in ("product_key", "device_name", "device_secret"):
            f.write("#define CM_SO_%s %s\n" % (k.upper(), c_str(so["inputs"][k])))
        f.write("#define CM_SO_REGION %d\n" % so["inputs"]["region"])
    # One line per check plus one per plaintext refusal (see vectors_main.c).
    total = len(legacy) + len(doc) + plaintext
    with open(os.path.join(out, "expected.txt"), "w") as f:
        f.write("vectors=DONE %d passed, 0 failed\n" % total)
        f.write("sign_only=%s\n" % so["expected"]["password"])
        f.write("baseline=baseline\n")


main()
