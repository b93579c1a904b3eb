#!/usr/bin/env python3
"""iotwire-cli coap-auth, coap-parse-auth and dtls-psk.

Expected values come from the legacy vectors (coap_auth_sign, coap_message_flow,
linksdk4_core_auth) and from independent computation here: Python hmac/hashlib for signs and
PSKs, a small CBOR decoder written below for the CBOR payload, and hand-assembled CoAP
responses -- never from the library.

usage: test_cli_coap_auth.py --cli PATH --vectors PATH
Prints "N passed, M failed" and exits non-zero on any failure.
"""

import argparse
import hashlib
import hmac
import json
import subprocess
import sys

from cli_suite import CliSuite

USAGE_EXIT, STATUS_EXIT = 2, 1
HASHES = {"hmacmd5": hashlib.md5, "hmacsha1": hashlib.sha1, "hmacsha256": hashlib.sha256}
PK, DN, DS = "a1NUjcVkHZS", "dev00", "mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD"


class Suite(CliSuite):
    def check(self, name, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}: {detail}")

    def eq(self, name, got, want):
        self.check(name, got == want, f"got {got!r}, want {want!r}")


def cbor_decode(data):
    """Decodes one CBOR item (the subset a map of text strings and small integers needs)."""

    def item(pos):
        ib = data[pos]
        major, info = ib >> 5, ib & 0x1F
        pos += 1
        if info < 24:
            arg = info
        elif info in (24, 25, 26, 27):
            n = 1 << (info - 24)
            arg = int.from_bytes(data[pos:pos + n], "big")
            pos += n
        else:
            raise ValueError("unsupported additional info")
        if major == 0:
            return arg, pos
        if major == 3:
            return data[pos:pos + arg].decode("utf-8"), pos + arg
        if major == 5:
            out = {}
            for _ in range(arg):
                k, pos = item(pos)
                v, pos = item(pos)
                out[k] = v
            return out, pos
        raise ValueError(f"unsupported major type {major}")

    value, end = item(0)
    if end != len(data):
        raise ValueError("trailing bytes")
    return value


def sign_content(members):
    skip = {"version", "sign", "resources", "signmethod"}
    return "".join(k + str(members[k]) for k in sorted(members) if k not in skip)


def mac_hex(method, key, msg):
    return hmac.new(key.encode(), msg.encode(), HASHES[method]).hexdigest()


def split_datagram(hex_text):
    d = bytes.fromhex(hex_text)
    tkl = d[0] & 0x0F
    marker = d.index(0xFF, 4 + tkl)
    return d, d[4:4 + tkl], d[4 + tkl:marker], d[marker + 1:]


def flow_args(v):
    i, e = v["inputs"], v["expected"]
    args = ["coap-auth", "--product-key", i["product_key"], "--device-name", i["device_name"],
            "--device-secret", i["device_secret"], "--client-id", i["device_id"],
            "--message-id", str(e["msgid_init"]), "--token", "04030201",
            "--profile", "v2.3.0" if "v230" in v["id"] else "v3.2.0"]
    if i["url"].startswith("coap-psk://"):
        args += ["--seq", str(e["seq_init"])]
    return args


def test_vectors(s, vectors):
    for v in [v for v in vectors if v["kind"] == "coap_auth_sign"]:
        i, e = v["inputs"], v["expected"]
        args = ["coap-auth", "--product-key", i["product_key"], "--device-name",
                i["device_name"], "--device-secret", i["device_secret"], "--client-id",
                i["client_id"], "--profile", "v3.2.0"]
        if i["seq"] is not None:
            args += ["--seq", str(i["seq"])]
        rc, out, raw, _ = s.run(*args)
        if out is None or rc != 0:
            s.check(v["id"], False, raw)
            continue
        s.eq(v["id"] + " content", out["sign_content"], e["sign_content"])
        s.eq(v["id"] + " sign", out["sign"], e["sign"])
    for v in [v for v in vectors if v["kind"] == "coap_message_flow"]:
        e = v["expected"]
        # Through the session (default token is the legacy 04 03 02 01) and explicit token.
        for extra in ([], None):
            args = flow_args(v)
            if extra is None:
                args = args[:args.index("--token")] + args[args.index("--token") + 2:]
            rc, out, raw, _ = s.run(*args)
            s.eq(v["id"] + " exit", rc, 0)
            if out:
                s.eq(v["id"] + " datagram", out["datagram"], e["auth_request_hex"])
                _, _, _, payload = split_datagram(e["auth_request_hex"])
                s.eq(v["id"] + " payload", out["payload"], payload.decode())


def test_documented(s):
    base = ["coap-auth", "--product-key", PK, "--device-name", DN, "--device-secret", DS]
    for method in ("hmacmd5", "hmacsha1"):
        args = base + ["--sign-method", method, "--seq", "10", "--timestamp", "1524448722000",
                       "--ack-mode", "1", "--client-id", PK + "&" + DN]
        rc, out, raw, _ = s.run(*args)
        s.eq("doc exit " + method, rc, 0)
        if not out:
            continue
        payload = json.loads(out["payload"])
        s.eq("doc members " + method, list(payload),
             ["productKey", "deviceName", "clientId", "sign", "signmethod", "timestamp",
              "ackMode", "seq"])
        content = sign_content(payload)
        s.eq("doc content " + method, out["sign_content"], content)
        s.eq("doc sign " + method, payload["sign"], mac_hex(method, DS, content))
        s.eq("doc sign field " + method, out["sign"], payload["sign"])
        d, token, options, body = split_datagram(out["datagram"])
        s.eq("doc header " + method, d[:4], bytes([0x44, 0x02, 0x00, 0x01]))
        s.eq("doc token " + method, token, bytes([4, 3, 2, 1]))
        s.eq("doc options " + method, options, bytes.fromhex("b46175746811325132"))
        s.eq("doc body " + method, body.decode(), out["payload"])
    # Default client id <pk>.<dn>, no optional members, hmacmd5.
    rc, out, _, _ = s.run(*base)
    if out:
        payload = json.loads(out["payload"])
        s.eq("default members", list(payload), ["productKey", "deviceName", "clientId", "sign"])
        s.eq("default client id", payload["clientId"], PK + "." + DN)
        s.eq("default sign", payload["sign"], mac_hex("hmacmd5", DS, sign_content(payload)))


def test_cbor(s):
    args = ["coap-auth", "--product-key", PK, "--device-name", DN, "--device-secret", DS,
            "--format", "cbor", "--seq", "42", "--ack-mode", "0", "--message-id", "65535",
            "--token", "a1b2c3d4e5f60708"]
    rc, out, raw, _ = s.run(*args)
    s.eq("cbor exit", rc, 0)
    if not out:
        return
    d, token, options, body = split_datagram(out["datagram"])
    s.eq("cbor header", d[:4], bytes([0x48, 0x02, 0xFF, 0xFF]))
    s.eq("cbor token", token.hex(), "a1b2c3d4e5f60708")
    s.eq("cbor options", options.hex(), "b461757468113c513c")
    s.eq("cbor payload hex", body.hex(), out["payload_hex"])
    decoded = cbor_decode(body)
    s.eq("cbor members", list(decoded),
         ["productKey", "deviceName", "clientId", "sign", "ackMode", "seq"])
    s.eq("cbor ackMode is an integer", decoded["ackMode"], 0)
    s.eq("cbor seq is text", decoded["seq"], "42")
    s.eq("cbor sign", decoded["sign"], mac_hex("hmacmd5", DS, sign_content(decoded)))


def ack(code, mid, token, payload=b"", cf=None):
    d = bytes([0x60 | len(token), code]) + mid.to_bytes(2, "big") + token
    if cf is not None:
        d += bytes([0xC1, cf])
    if payload:
        d += b"\xff" + payload
    return d.hex()


def test_parse(s, vectors):
    for v in [v for v in vectors if v["kind"] == "coap_message_flow"]:
        reply = json.loads(v["inputs"]["auth_response_json"])
        mid = v["expected"]["msgid_init"]
        rc, out, raw, _ = s.run("coap-parse-auth", "--datagram",
                                ack(0x45, mid, bytes([4, 3, 2, 1]),
                                    v["inputs"]["auth_response_json"].encode()))
        s.eq(v["id"] + " parse exit", rc, 0)
        if out:
            s.eq(v["id"] + " parse", out,
                 {"code": "2.05", "message_id": mid, "auth_token": reply["token"],
                  "random": reply["random"], "seq_offset": reply["seqOffset"]})
    # DTLS reply: token only.
    rc, out, _, _ = s.run("coap-parse-auth", "--datagram",
                          ack(0x45, 7, b"", b'{"token":"f13102810756432e85dfd351eeb41c04"}'))
    s.eq("dtls reply", out, {"code": "2.05", "message_id": 7,
                             "auth_token": "f13102810756432e85dfd351eeb41c04"})
    # CBOR reply, announced by Content-Format 60.
    cbor = (bytes([0xA2, 0x65]) + b"token" + bytes([0x62]) + b"T1" + bytes([0x69]) +
            b"seqOffset" + bytes([0x18, 0x64]))
    rc, out, _, _ = s.run("coap-parse-auth", "--datagram", ack(0x45, 9, b"\x01", cbor, cf=60))
    s.eq("cbor reply", out, {"code": "2.05", "message_id": 9, "auth_token": "T1",
                             "seq_offset": 100})
    codes = {0x80: "BAD_REQUEST", 0x81: "UNAUTHORIZED", 0x83: "FORBIDDEN", 0x84: "NOT_FOUND",
             0x85: "METHOD_NOT_ALLOWED", 0x86: "NOT_ACCEPTABLE",
             0x8F: "UNSUPPORTED_CONTENT_FORMAT", 0xA0: "SERVER_ERROR",
             0x44: "UNEXPECTED_CODE"}
    for code, name in codes.items():
        rc, out, _, _ = s.run("coap-parse-auth", "--datagram", ack(code, 1, b""))
        s.eq(f"code {code:#x} exit", rc, STATUS_EXIT)
        s.eq(f"code {code:#x}", (out or {}).get("error"), "IOTWIRE_ERR_COAP_" + name)
    rc, out, _, _ = s.run("coap-parse-auth", "--datagram", "60000001")
    s.eq("empty ack", (out or {}).get("error"), "IOTWIRE_ERR_COAP_EMPTY_ACK")
    rc, out, _, _ = s.run("coap-parse-auth", "--datagram", ack(0x45, 1, b"", b'{"token":"a b"}'))
    s.eq("token with a space", (out or {}).get("error"), "IOTWIRE_ERR_INVALID_ARGUMENT")
    rc, out, _, _ = s.run("coap-parse-auth", "--datagram", "zz")
    s.eq("bad hex", rc, USAGE_EXIT)


def test_dtls_psk(s, vectors):
    for v in [v for v in vectors if v["kind"] == "linksdk4_core_auth"]:
        i, e = v["inputs"], v["expected"]
        rc, out, _, _ = s.run("dtls-psk", "--product-key", i["product_key"], "--device-name",
                              i["device_name"], "--device-secret", i["device_secret"],
                              "--form", "sdk")
        s.eq(v["id"] + " psk", (out or {}).get("psk"), e["tls_psk"])
        s.eq(v["id"] + " identity", (out or {}).get("identity"), e["tls_psk_identity"])
    pk, dn, ds = "a1X2bEnP82z", "example1", "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
    for method in HASHES:
        for ts in (None, "1700000000000"):
            t = ts or "2524608000000"
            args = ["dtls-psk", "--product-key", pk, "--device-name", dn, "--device-secret", ds,
                    "--sign-method", method]
            if ts:
                args += ["--timestamp", ts]
            rc, out, _, _ = s.run(*args)
            doc = mac_hex(method, ds, f"{pk}&{dn}{t}")
            s.eq(f"doc {method} {t}", out, {"identity": f"devicename|{method}|{pk}&{dn}|{t}",
                                           "psk": doc, "psk_hex": doc})
            rc, out, _, _ = s.run(*(args + ["--form", "sdk"]))
            sdk = mac_hex(method, ds, f"id{pk}&{dn}timestamp{t}").upper()
            s.eq(f"sdk {method} {t}", (out or {}).get("psk"), sdk)
            s.eq(f"sdk hex {method} {t}", (out or {}).get("psk_hex"), sdk.encode().hex())


def test_usage(s):
    base = ["coap-auth", "--product-key", PK, "--device-name", DN, "--device-secret", DS]
    for bad in (["--format", "xml"], ["--profile", "v9"], ["--ack-mode", "2"],
                ["--seq", "-1"], ["--message-id", "65536"], ["--token", "00" * 9],
                ["--sign-method", "md5"]):
        rc, _, _, err = s.run(*(base + bad))
        s.eq("usage " + " ".join(bad), rc, USAGE_EXIT)
    rc, _, _, _ = s.run("coap-auth", "--product-key", PK)
    s.eq("usage missing", rc, USAGE_EXIT)
    rc, out, _, _ = s.run(*(base + ["--profile", "v3.2.0", "--format", "cbor"]))
    s.eq("legacy cbor refused", (out or {}).get("error"), "IOTWIRE_ERR_INVALID_ARGUMENT")
    rc, out, _, _ = s.run(*(base + ["--client-id", 'a"b']))
    s.eq("quote refused", (out or {}).get("error"), "IOTWIRE_ERR_INVALID_CLIENT_ID")
    rc, out, _, _ = s.run("dtls-psk", "--product-key", PK, "--device-name", DN,
                          "--device-secret", DS, "--form", "x")
    s.eq("bad form", rc, USAGE_EXIT)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--vectors", required=True)
    a = ap.parse_args()
    with open(a.vectors, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    s = Suite(a.cli)
    test_vectors(s, vectors)
    test_documented(s)
    test_cbor(s)
    test_parse(s, vectors)
    test_dtls_psk(s, vectors)
    test_usage(s)
    print(f"{s.passed} passed, {s.failed} failed")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
