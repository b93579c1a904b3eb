#!/usr/bin/env python3
"""Generates the C test data for the legacy IOT_Sign_MQTT drop-in tests.

Expected values never come from libiotwire: they are the legacy vectors
(tests/vectors/legacy-c-sdk.dev.json, produced by the upstream C code) or are computed here
with Python's hmac/hashlib from the legacy rules (iotkit-embedded `dev_sign_mqtt.c`). The Python
model of those rules is first checked against every vector of a variant; only variants where
it reproduces all of them get model-generated extra cases (edge lengths, characters legacy did
not escape, custom-domain limits), so the extras cannot drift from what legacy did.

  gen_vectors.py --vectors FILE --list-variants
      one line per legacy build found in the vectors: "<name> <IOTWIRE_LEGACY_SDK_*> <flags>"
      (flags comma-separated or "-"); CMake builds one replay binary per line.
  gen_vectors.py --vectors FILE --out-dir DIR
      writes DIR/legacy_vectors.h, DIR/long_secret_vectors.h and DIR/doc_expected_<id>.txt.
"""

import argparse
import hashlib
import hmac
import json
import os
import sys

TIMESTAMP = "2524608000000"

# Vector id prefix -> (SDK selector, text the vector's "variant" must contain).
SDK_BY_PREFIX = [
    ("v320-", "IOTWIRE_LEGACY_SDK_V3_2_0", "v3.2.0"),
    ("v310-", "IOTWIRE_LEGACY_SDK_V3_1_0", "v3.1.0"),
    ("v301-", "IOTWIRE_LEGACY_SDK_V3_0_1", "v3.0.1"),
    ("bundle-", "IOTWIRE_LEGACY_SDK_BUNDLE", "bundle"),
    ("v230-", "IOTWIRE_LEGACY_SDK_V2_3_0", "v2.3.0"),
]
SDK_TAG = {
    "IOTWIRE_LEGACY_SDK_V3_2_0": "v320",
    "IOTWIRE_LEGACY_SDK_V3_1_0": "v310",
    "IOTWIRE_LEGACY_SDK_V3_0_1": "v301",
    "IOTWIRE_LEGACY_SDK_BUNDLE": "bundle",
    "IOTWIRE_LEGACY_SDK_V2_3_0": "v230",
}
# Legacy build macro -> (IOTWIRE_LEGACY_BUILD_* bit name, short tag). Order = bit order.
FLAG_BITS = [
    ("SUPPORT_TLS", "IOTWIRE_LEGACY_BUILD_SUPPORT_TLS", "tls"),
    ("MQTT_AUTO_SUBSCRIBE", "IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE", "autosub"),
    ("MQTT_PRE_AUTH", "IOTWIRE_LEGACY_BUILD_MQTT_PRE_AUTH", "preauth"),
    ("SUPPORT_ITLS", "IOTWIRE_LEGACY_BUILD_SUPPORT_ITLS", "itls"),
]
KNOWN_FLAGS = {f for f, _, _ in FLAG_BITS}

MQTT_DOMAINS = [
    "iot-as-mqtt.cn-shanghai.aliyuncs.com",
    "iot-as-mqtt.ap-southeast-1.aliyuncs.com",
    "iot-as-mqtt.ap-northeast-1.aliyuncs.com",
    "iot-as-mqtt.us-west-1.aliyuncs.com",
    "iot-as-mqtt.eu-central-1.aliyuncs.com",
]
REGION_CUSTOM = 5

# Legacy return codes by failure (v3.x `infra_state.h`, v3.0.1 `infra_defs.h`).
RC = {
    "v3x": {"invalid": -275, "domain": -264, "host": -775, "user": -776, "cid": -777},
    "v301": {"invalid": -1, "domain": -1105, "host": -1100, "user": -1102, "cid": -1101},
    "minus1": {"invalid": -1, "domain": -1, "host": -1, "user": -1, "cid": -1},
}

# Field sizes of iotx_dev_meta_info_t / iotx_sign_mqtt_t (v3.2.0 `infra_defs.h`).
META_LIMITS = {"product_key": 20, "device_name": 32, "device_secret": 64}
OUT_SIZES = {"hostname": 64, "clientid": 200, "username": 64, "password": 65}


class GenError(Exception):
    pass


# ---------------------------------------------------------------- variant mapping

def variant_of(vec):
    """(sdk selector, sorted legacy flags) of a vector, from its id, variant and build_flags."""
    vid = vec["id"]
    for prefix, sdk, marker in SDK_BY_PREFIX:
        if vid.startswith(prefix):
            break
    else:
        raise GenError("%s: no legacy SDK known for this id prefix" % vid)
    text = vec.get("variant", "")
    if marker not in text:
        raise GenError("%s: id says %s but variant is %r" % (vid, marker, text))
    flags = list(vec.get("build_flags", []))
    if sdk == "IOTWIRE_LEGACY_SDK_V2_3_0":
        # libiotwire reproduces the MQTT_DIRECT guider; the HTTPS guider has no local answer.
        if "MQTT_DIRECT" not in flags:
            raise GenError("%s: v2.3.0 without MQTT_DIRECT is not reproducible" % vid)
        flags.remove("MQTT_DIRECT")
    unknown = [f for f in flags if f not in KNOWN_FLAGS]
    if unknown:
        raise GenError("%s: unknown build flags %s" % (vid, unknown))
    ordered = tuple(f for f, _, _ in FLAG_BITS if f in flags)
    return sdk, ordered


def variant_name(sdk, flags):
    tags = [t for f, _, t in FLAG_BITS if f in flags]
    return SDK_TAG[sdk] + "_" + ("_".join(tags) if tags else "plain")


def build_expr(flags):
    bits = [b for f, b, _ in FLAG_BITS if f in flags]
    return "(" + " | ".join(bits) + ")" if bits else "0u"


# ---------------------------------------------------------------- the legacy rules

def blen(s):
    """Length in bytes, as legacy's strlen() saw the UTF-8 text."""
    return len(s.encode("utf-8"))


def model(sdk, flags, region, pk, dn, ds, domain):
    """IOT_Sign_MQTT of one legacy build: regions, algorithm and return codes of the legacy
    sources (`infra_defs.c`, `dev_sign_mqtt.c`, `infra_state.h`), with Python hmac."""
    tls = "SUPPORT_TLS" in flags
    pre = "MQTT_PRE_AUTH" in flags
    itls = "SUPPORT_ITLS" in flags
    sub = "MQTT_AUTO_SUBSCRIBE" in flags
    if sdk in ("IOTWIRE_LEGACY_SDK_V3_2_0", "IOTWIRE_LEGACY_SDK_V3_1_0"):
        ver = "3.2.0" if sdk.endswith("V3_2_0") else "3.1.0"
        kv = ["timestamp=" + TIMESTAMP, "_v=sdk-c-" + ver, "securemode=" + ("2" if tls else "3"),
              "signmethod=hmacsha256", "lan=C"] + (["_ss=1"] if sub else []) + ["gw=0", "ext=0"]
        port, codes, sha1 = 443, RC["v3x"], False
    elif sdk == "IOTWIRE_LEGACY_SDK_V3_0_1":
        mode = "-1" if pre else ("2" if tls else "3")
        kv = ["timestamp=" + TIMESTAMP, "_v=sdk-c-3.0.1", "securemode=" + mode,
              "signmethod=hmacsha256", "lan=C", "gw=0", "ext=0"]
        port, codes, sha1 = (443 if tls else 1883), RC["v301"], False
    elif sdk == "IOTWIRE_LEGACY_SDK_BUNDLE":
        mode = "-1" if pre else ("8" if itls else ("2" if tls else "3"))
        kv = ["timestamp=" + TIMESTAMP, "_v=sdk-c-3.0.1.1", "securemode=" + mode,
              "signmethod=hmacsha256", "lan=C", "gw=0", "ext=0"] + (["authtype=id2"] if itls else [])
        port, codes, sha1 = (443 if tls else 1883), RC["minus1"], False
    elif sdk == "IOTWIRE_LEGACY_SDK_V2_3_0":
        if pre or itls or sub:
            raise GenError("v2.3.0 model covers only the MQTT_DIRECT guider with/without TLS")
        kv = ["securemode=" + ("2" if tls else "3"), "_v=sdk-c-2.3.0", "timestamp=" + TIMESTAMP,
              "signmethod=hmacsha1", "lan=C", "gw=0", "ext=0"]
        port, codes, sha1 = (443 if tls else 1883), RC["minus1"], True
    else:
        raise GenError("no model for " + sdk)

    if region < 0 or region > REGION_CUSTOM:
        return {"rc": codes["invalid"], "signout_untouched": True}
    out = {"hostname": "", "port": 0, "clientid": "", "username": "", "password": ""}
    device_id = pk + "." + dn
    clientid = device_id + "|" + ",".join(kv) + "|"
    if blen(clientid) + 1 > OUT_SIZES["clientid"]:
        return dict(out, rc=codes["cid"])
    out["clientid"] = clientid
    content = "clientId" + device_id + "deviceName" + dn + "productKey" + pk + "timestamp" + TIMESTAMP
    digest = hmac.new(ds.encode(), content.encode(), hashlib.sha1 if sha1 else hashlib.sha256)
    out["password"] = digest.hexdigest() if sha1 else digest.hexdigest().upper()
    if region == REGION_CUSTOM:
        if domain is None:
            return dict(out, rc=codes["domain"])
        if blen(domain) + 1 >= OUT_SIZES["hostname"]:
            return dict(out, rc=codes["host"])
        host = domain
    else:
        host = pk + "." + MQTT_DOMAINS[region]
        if blen(host) + 1 >= OUT_SIZES["hostname"]:
            return dict(out, rc=codes["host"])
    out["hostname"] = host
    user = dn + "&" + pk
    if blen(user) + 1 >= OUT_SIZES["username"]:
        return dict(out, rc=codes["user"])
    out["username"] = user
    out["port"] = port
    return dict(out, rc=0)


def inputs_of(vec):
    i = vec["inputs"]
    return (int(i["region"]), i["product_key"], i["device_name"], i["device_secret"],
            i.get("custom_mqtt_domain"))


def normalised(expected):
    """The fields the replay test compares (sign_content etc. are not part of signout)."""
    if expected.get("signout_untouched"):
        return {"rc": expected["rc"], "signout_untouched": True}
    keys = ("rc", "hostname", "port", "clientid", "username", "password")
    missing = [k for k in keys if k not in expected]
    if missing:
        raise GenError("expected lacks %s" % missing)
    return {k: expected[k] for k in keys}


def extra_cases(sdk, flags):
    """Edge cases beyond the vector sample; expected values come from model()."""
    pk20 = "a1B2c3D4e5F6g7H8i9J0"
    dn32 = "d" * 16 + "_-.@:0123456789A"
    ds64 = "Q7xKp2LmN9vB4cR8tY6uW1zA3sD5fG0hJ2kL4mN6pQ8rS0tU2vW4xY6zA8bC0dE2"
    cases = [
        # pk + dn = 52 characters: legacy over-read its char[53]; the intended output is expected.
        ("py-maxlen-52", 1, pk20, dn32, ds64, None),
        ("py-maxlen-51", 4, pk20, dn32[:31], ds64, None),
        # Legacy copied separators verbatim (no escaping).
        ("py-separators", 2, "pk|a,b=c&d", "dn|x,y=z&w", "s|,=&", None),
        ("py-utf8-name", 3, "a1X2bEnP82z", "caf\u00e9-\u6e29\u5ea6", "secret", None),
    ]
    if sdk != "IOTWIRE_LEGACY_SDK_V2_3_0":
        dom62 = ("h" * 49) + ".example.com"
        cases += [
            ("py-empty", 0, "", "", "", None),
            ("py-region-minus1", -1, "a1X2bEnP82z", "example1", "secret", None),
            ("py-region-6", 6, "a1X2bEnP82z", "example1", "secret", None),
            ("py-domain-62", REGION_CUSTOM, "a1X2bEnP82z", "example1", "secret", dom62),
            ("py-domain-63", REGION_CUSTOM, "a1X2bEnP82z", "example1", "secret", dom62 + "x"),
            ("py-domain-null", REGION_CUSTOM, pk20, dn32, ds64, None),
            ("py-domain-ignored", 0, "a1X2bEnP82z", "example1", "secret", "ignored.example.com"),
        ]
    out = []
    for cid, region, pk, dn, ds, domain in cases:
        out.append({"id": "%s-%s" % (variant_name(sdk, flags), cid), "region": region,
                    "pk": pk, "dn": dn, "ds": ds, "domain": domain,
                    "expected": model(sdk, flags, region, pk, dn, ds, domain), "origin": "model"})
    return out


# ---------------------------------------------------------------- loading

def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    groups = {}
    for vec in data["vectors"]:
        if vec["kind"] not in ("iot_sign_mqtt", "mqtt_sign_v2_guider"):
            continue
        key = variant_of(vec)
        region, pk, dn, ds, domain = inputs_of(vec)
        groups.setdefault(key, []).append({
            "id": vec["id"], "region": region, "pk": pk, "dn": dn, "ds": ds, "domain": domain,
            "expected": normalised(vec["expected"]), "origin": "vector",
            "ub": bool(vec.get("legacy_undefined_behaviour")),
        })
    if not groups:
        raise GenError("%s: no iot_sign_mqtt / mqtt_sign_v2_guider vectors" % path)
    return groups


def check_fits(case):
    for field, value in (("product_key", case["pk"]), ("device_name", case["dn"]),
                         ("device_secret", case["ds"])):
        if len(value.encode()) > META_LIMITS[field]:
            raise GenError("%s: %s does not fit iotx_dev_meta_info_t" % (case["id"], field))


def all_cases(groups):
    cases = []
    for (sdk, flags), vecs in sorted(groups.items()):
        model_ok = True
        for v in vecs:
            check_fits(v)
            got = model(sdk, flags, v["region"], v["pk"], v["dn"], v["ds"], v["domain"])
            if got != v["expected"]:
                # Not fatal: the vector is still replayed; only the model extras are withheld.
                sys.stderr.write("gen_vectors: model differs from %s (no extras for %s)\n"
                                 "  vector: %r\n  model:  %r\n"
                                 % (v["id"], variant_name(sdk, flags), v["expected"], got))
                model_ok = False
        group = [dict(v, sdk=sdk, flags=flags) for v in vecs]
        if model_ok:
            for e in extra_cases(sdk, flags):
                check_fits(e)
                group.append(dict(e, sdk=sdk, flags=flags, ub=False))
        cases += group
    return cases


# ---------------------------------------------------------------- C output

def c_str(s):
    if s is None:
        return "NULL"
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '"\\?':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\%03o" % b)  # three octal digits never absorb a following digit
    return '"' + "".join(out) + '"'


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def gen_replay_header(cases, src):
    lines = [
        "/* Generated by c-examples/legacy/gen_vectors.py from %s - do not edit. */" % src,
        "#ifndef LEGACY_VECTORS_H",
        "#define LEGACY_VECTORS_H",
        "",
        "#include <stddef.h>",
        "#include <stdint.h>",
        "",
        "/* One IOT_Sign_MQTT call and the legacy build's answer. origin: \"vector\" (legacy",
        " * known-answer) or \"model\" (Python hmac over the documented legacy rules). */",
        "typedef struct {",
        "    const char *id;",
        "    const char *variant;",
        "    const char *origin;",
        "    uint32_t sdk;",
        "    uint32_t build;",
        "    int32_t region;",
        "    const char *product_key;",
        "    const char *device_name;",
        "    const char *device_secret;",
        "    const char *custom_domain;",
        "    int32_t rc;",
        "    int signout_untouched;",
        "    const char *hostname;",
        "    uint16_t port;",
        "    const char *clientid;",
        "    const char *username;",
        "    const char *password;",
        "    int legacy_undefined_behaviour;",
        "} legacy_vector_t;",
        "",
        "static const legacy_vector_t legacy_vectors[] = {",
    ]
    for c in cases:
        e = c["expected"]
        untouched = bool(e.get("signout_untouched"))
        lines.append("    {%s, %s, %s, %s, %s, %d, %s, %s, %s, %s, %d, %d, %s, %du, %s, %s, %s, %d}," % (
            c_str(c["id"]), c_str(variant_name(c["sdk"], c["flags"])), c_str(c["origin"]), c["sdk"], build_expr(c["flags"]), c["region"],
            c_str(c["pk"]), c_str(c["dn"]), c_str(c["ds"]), c_str(c["domain"]), e["rc"],
            1 if untouched else 0,
            c_str(None if untouched else e["hostname"]), 0 if untouched else e["port"],
            c_str(None if untouched else e["clientid"]),
            c_str(None if untouched else e["username"]),
            c_str(None if untouched else e["password"]), 1 if c["ub"] else 0))
    lines += [
        "};",
        "",
        "#define LEGACY_VECTOR_COUNT (sizeof legacy_vectors / sizeof legacy_vectors[0])",
        "",
        "#endif /* LEGACY_VECTORS_H */",
        "",
    ]
    return "\n".join(lines)


def long_secret_cases():
    """HMAC keys longer than the 64-byte block: RFC 2104 hashes them (legacy wrote zeros)."""
    def secret(n):
        alphabet = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD0123456789-_"
        return "".join(alphabet[(i * 7 + n) % len(alphabet)] for i in range(n))

    cases = []
    for n in (64, 65, 100, 128, 200):
        ds = secret(n)
        pk, dn = "a1X2bEnP82z", "example1"
        content = "clientId%s.%sdeviceName%sproductKey%stimestamp%s" % (pk, dn, dn, pk, TIMESTAMP)
        cases.append(("v320-legacy-%d" % n, "IOTWIRE_LEGACY_SDK_V3_2_0",
                      "(IOTWIRE_LEGACY_BUILD_SUPPORT_TLS | IOTWIRE_LEGACY_BUILD_MQTT_AUTO_SUBSCRIBE)",
                      "IOTWIRE_SIGN_METHOD_DEFAULT", pk, dn, "", "", ds,
                      hmac.new(ds.encode(), content.encode(), hashlib.sha256).hexdigest().upper()))
        cases.append(("v230-legacy-%d" % n, "IOTWIRE_LEGACY_SDK_V2_3_0",
                      "IOTWIRE_LEGACY_BUILD_SUPPORT_TLS", "IOTWIRE_SIGN_METHOD_DEFAULT", pk, dn,
                      "", "", ds, hmac.new(ds.encode(), content.encode(), hashlib.sha1).hexdigest()))
        # Documented form, the "MQTT-TCP连接通信" example's parameters with a long key.
        doc = "clientId12345deviceNamedeviceproductKeypktimestamp789"
        for method, algo in (("HMACSHA256", hashlib.sha256), ("HMACSHA1", hashlib.sha1),
                             ("HMACMD5", hashlib.md5)):
            cases.append(("doc-%s-%d" % (method.lower(), n), "IOTWIRE_LEGACY_SDK_NONE", "0u",
                          "IOTWIRE_SIGN_METHOD_" + method, "pk", "device", "12345", "789", ds,
                          hmac.new(ds.encode(), doc.encode(), algo).hexdigest().upper()))
    return cases


def gen_long_secret_header(src):
    lines = [
        "/* Generated by c-examples/legacy/gen_vectors.py - do not edit. Expected passwords are",
        " * Python hmac (RFC 2104) results; source of the legacy rules: %s. */" % src,
        "#ifndef LONG_SECRET_VECTORS_H",
        "#define LONG_SECRET_VECTORS_H",
        "",
        "#include <stdint.h>",
        "",
        "typedef struct {",
        "    const char *id;",
        "    uint32_t legacy_sdk;",
        "    uint32_t legacy_build;",
        "    uint32_t sign_method;",
        "    const char *product_key;",
        "    const char *device_name;",
        "    const char *client_id;",
        "    const char *timestamp;",
        "    const char *device_secret;",
        "    const char *password;",
        "} long_secret_case_t;",
        "",
        "static const long_secret_case_t long_secret_cases[] = {",
    ]
    for (cid, sdk, build, method, pk, dn, client_id, ts, ds, pw) in long_secret_cases():
        lines.append("    {%s, %s, %s, %s, %s, %s, %s, %s, %s, %s}," % (
            c_str(cid), sdk, build, method, c_str(pk), c_str(dn), c_str(client_id), c_str(ts),
            c_str(ds), c_str(pw)))
    lines += [
        "};",
        "",
        "#define LONG_SECRET_CASE_COUNT (sizeof long_secret_cases / sizeof long_secret_cases[0])",
        "",
        "#endif /* LONG_SECRET_VECTORS_H */",
        "",
    ]
    return "\n".join(lines)


def doc_expected(cases):
    """stdout of doc_sign_test.c for each variant's doc-triple vector (region 0, no domain)."""
    out = {}
    for c in cases:
        e = c["expected"]
        if (c["origin"] == "vector" and c["region"] == 0 and c["domain"] is None
                and e.get("rc") == 0 and (c["pk"], c["dn"], c["ds"]) ==
                ("a1X2bEnP82z", "example1", "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD")):
            out[c["id"]] = ("hostname: %s\nport: %d\nclientid: %s\nusername: %s\npassword: %s\n"
                            % (e["hostname"], e["port"], e["clientid"], e["username"],
                               e["password"]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--list-variants", action="store_true")
    ap.add_argument("--out-dir")
    args = ap.parse_args()
    try:
        groups = load(args.vectors)
        if args.list_variants:
            for sdk, flags in sorted(groups):
                print("%s %s %s" % (variant_name(sdk, flags), sdk, ",".join(flags) or "-"))
            return 0
        if not args.out_dir:
            raise GenError("--out-dir or --list-variants is required")
        os.makedirs(args.out_dir, exist_ok=True)
        src = os.path.basename(args.vectors)
        cases = all_cases(groups)
        write(os.path.join(args.out_dir, "legacy_vectors.h"), gen_replay_header(cases, src))
        write(os.path.join(args.out_dir, "long_secret_vectors.h"), gen_long_secret_header(src))
        for vid, text in doc_expected(cases).items():
            write(os.path.join(args.out_dir, "doc_expected_%s.txt" % vid), text)
        return 0
    except (GenError, KeyError, ValueError) as exc:
        sys.stderr.write("gen_vectors: %s\n" % exc)
        return 1


if __name__ == "__main__":
    sys.exit(main())
