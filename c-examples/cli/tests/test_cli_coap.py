#!/usr/bin/env python3
"""End-to-end tests of the iotwire-cli CoAP commands.

coap-key, aes-encrypt, aes-decrypt and coap-publish are replayed against the legacy vectors
(coap_aes_key_derivation, coap_aes_cbc_encrypt, coap_aes_cbc_decrypt, coap_seq_option_encrypt,
the publish datagrams of coap_message_flow). Independent checks: hashlib for the key, a
small CoAP decoder/encoder written here (RFC 7252) for the structure of documented-profile
datagrams and for building responses, and `openssl enc` for AES when it is installed.

usage: test_cli_coap.py --cli PATH --vectors PATH
Prints "N passed, M failed" and exits non-zero on any failure.
"""

import argparse
import hashlib
import json
import shutil
import subprocess
import sys

from cli_suite import CliSuite

IV = b"543yhjy97ae7fyfg"
USAGE_ERROR = {"error": "IOTWIRE_ERR_INVALID_ARGUMENT", "status": -2}


class Suite(CliSuite):
    check = CliSuite.record

    def ok(self, name, args, expected):
        rc, obj, out, err = self.run(*args)
        problems = []
        if rc != 0 or not isinstance(obj, dict):
            problems.append(f"exit {rc}, stdout {out.strip()!r}, stderr {err.strip()!r}")
        else:
            for k, v in expected.items():
                if obj.get(k) != v:
                    problems.append(f"{k}: expected {v!r}, got {obj.get(k)!r}")
        self.check(name, problems)
        return obj if not problems else None

    def status(self, name, args, status_name):
        rc, obj, out, _ = self.run(*args)
        problems = []
        if rc != 1 or not isinstance(obj, dict) or list(obj.keys()) != ["error", "status"]:
            problems.append(f"exit {rc}, stdout {out.strip()!r}")
        elif obj["error"] != status_name:
            problems.append(f"error {obj['error']!r}, expected {status_name!r}")
        self.check(name, problems)

    def usage(self, name, args):
        rc, obj, out, err = self.run(*args)
        problems = []
        if rc != 2 or obj != USAGE_ERROR:
            problems.append(f"exit {rc}, stdout {out.strip()!r}")
        if "usage" not in err:
            problems.append("no usage text on stderr")
        self.check(name, problems)


def decode_coap(d):
    """A minimal independent RFC 7252 decoder: (type, code, mid, token, [(num, val)], payload)."""
    assert d[0] >> 6 == 1
    tkl = d[0] & 15
    mtype, code, mid = (d[0] >> 4) & 3, d[1], (d[2] << 8) | d[3]
    token = d[4:4 + tkl]
    i, num, opts = 4 + tkl, 0, []
    while i < len(d) and d[i] != 0xFF:
        delta, length = d[i] >> 4, d[i] & 15
        i += 1
        ext = []
        for nib in (delta, length):
            if nib == 13:
                ext.append(d[i] + 13)
                i += 1
            elif nib == 14:
                ext.append((d[i] << 8 | d[i + 1]) + 269)
                i += 2
            else:
                ext.append(nib)
        num += ext[0]
        opts.append((num, d[i:i + ext[1]]))
        i += ext[1]
    payload = d[i + 1:] if i < len(d) else b""
    return mtype, code, mid, token, opts, payload


def encode_option(prev, num, val):
    def nib(v):
        if v < 13:
            return v, b""
        if v < 269:
            return 13, bytes([v - 13])
        return 14, (v - 269).to_bytes(2, "big")
    dn, de = nib(num - prev)
    ln, le = nib(len(val))
    return bytes([dn << 4 | ln]) + de + le + val


def encode_coap(mtype, code, mid, token, opts, payload):
    out = bytes([0x40 | mtype << 4 | len(token), code]) + mid.to_bytes(2, "big") + token
    prev = 0
    for num, val in sorted(opts, key=lambda o: o[0]):
        out += encode_option(prev, num, val)
        prev = num
    return out + (b"\xff" + payload if payload else b"")


def openssl_aes(key, data, decrypt=False):
    """AES-128-CBC/PKCS#7 with the fixed IV through openssl, or None when unavailable."""
    if shutil.which("openssl") is None:
        return None
    args = ["openssl", "enc", "-aes-128-cbc", "-K", key.hex(), "-iv", IV.hex()]
    if decrypt:
        args.append("-d")
    proc = subprocess.run(args, input=data, capture_output=True)
    return proc.stdout if proc.returncode == 0 else None


def test_key(s, vectors):
    for v in [v for v in vectors if v["kind"] == "coap_aes_key_derivation"]:
        i, e = v["inputs"], v["expected"]
        digest = hashlib.sha256((i["device_secret"] + "," + i["random"]).encode()).digest()
        assert digest[8:24].hex() == e["aes128_key_hex"], v["id"]
        s.ok(f"coap-key {v['id']}",
             ["coap-key", "--device-secret", i["device_secret"], "--random", i["random"]],
             {"key": e["aes128_key_hex"]})
    ds, r = "zPwChiLh0EaifR809D5Rc6LDIC6Aabcd", "8fe3c8d50e10abcd"
    s.ok("coap-key hashlib", ["coap-key", "--device-secret", ds, "--random", r],
         {"key": hashlib.sha256(f"{ds},{r}".encode()).digest()[8:24].hex()})
    s.usage("coap-key missing --random", ["coap-key", "--device-secret", ds])


def test_aes(s, vectors):
    for v in [v for v in vectors if v["kind"] in ("coap_aes_cbc_encrypt", "coap_seq_option_encrypt")]:
        i, e = v["inputs"], v["expected"]
        s.ok(f"aes-encrypt {v['id']}",
             ["aes-encrypt", "--key", i["key_hex"], "--plaintext-hex", i["plaintext_hex"]],
             {"ciphertext_hex": e["ciphertext_hex"]})
        s.ok(f"aes-decrypt {v['id']} (round trip)",
             ["aes-decrypt", "--key", i["key_hex"], "--ciphertext-hex", e["ciphertext_hex"]],
             {"plaintext_hex": i["plaintext_hex"]})
    for v in [v for v in vectors if v["kind"] == "coap_aes_cbc_decrypt"]:
        i, e = v["inputs"], v["expected"]
        args = ["aes-decrypt", "--key", i["key_hex"], "--ciphertext-hex", i["ciphertext_hex"]]
        if "INVALID" in v.get("notes", ""):
            s.status(f"aes-decrypt {v['id']} strict padding", args, "IOTWIRE_ERR_COAP_BAD_PADDING")
        else:
            want = bytes.fromhex(e["plaintext_hex"])[:e["return_len"]].hex()
            s.ok(f"aes-decrypt {v['id']}", args, {"plaintext_hex": want})
    key = bytes(range(16))
    for n in (0, 1, 15, 16, 17, 33):
        pt = bytes((7 * k) & 0xFF for k in range(n))
        ref = openssl_aes(key, pt)
        if ref is None:
            continue
        s.ok(f"aes-encrypt openssl {n} bytes",
             ["aes-encrypt", "--key", key.hex(), "--plaintext-hex", pt.hex()],
             {"ciphertext_hex": ref.hex()})
    for bad in ("", "00" * 15, "00" * 16):
        s.status(f"aes-decrypt refuses {len(bad) // 2} zero bytes",
                 ["aes-decrypt", "--key", key.hex(), "--ciphertext-hex", bad],
                 "IOTWIRE_ERR_COAP_BAD_PADDING")
    s.usage("aes-encrypt short key", ["aes-encrypt", "--key", "00", "--plaintext-hex", ""])
    s.usage("aes-decrypt odd hex", ["aes-decrypt", "--key", key.hex(), "--ciphertext-hex", "abc"])


def test_flows(s, vectors):
    for v in [v for v in vectors if v["kind"] == "coap_message_flow"]:
        i, e = v["inputs"], v["expected"]
        auth = json.loads(i["auth_response_json"])
        profile = "v3.2.0" if "v320" in v["id"] else "v2.3.0"
        topic = i["publish_path"][len("/topic"):]
        args = ["coap-publish", "--topic", topic, "--auth-token", auth["token"],
                "--payload", i["publish_payload"], "--profile", profile,
                "--message-id", str(e["msgid_init"] + 1), "--token", "05030201"]
        if i["url"].startswith("coap-psk://"):
            args += ["--key", e["key_hex"], "--seq", str(e["seq_after_auth"])]
        s.ok(f"coap-publish {v['id']}", args, {"datagram": e["publish_hex"]})


def test_doc_profile(s):
    key = bytes.fromhex("03d67b8294a6647314cc376ab61d090a")
    topic = "/sys/a1NUjcVkHZS/dev00/thing/event/property/post"
    for fmt, cf in (("json", 50), ("cbor", 60)):
        for extra, want_type in (([], 0), (["--non"], 1)):
            obj = s.ok(f"coap-publish doc {fmt} {extra}",
                       ["coap-publish", "--topic", topic, "--auth-token", "T0K",
                        "--payload", "{}", "--format", fmt, "--key", key.hex(), "--seq", "7",
                        *extra], {})
            if obj is None:
                continue
            mtype, code, mid, token, opts, payload = decode_coap(bytes.fromhex(obj["datagram"]))
            problems = []
            want_opts = [(11, b"topic")] + [(11, seg.encode()) for seg in topic[1:].split("/")]
            want_opts += [(12, bytes([cf])), (17, bytes([cf])), (2088, b"T0K")]
            if [o for o in opts if o[0] != 2089] != want_opts:
                problems.append(f"options {opts}")
            if (mtype, code, mid, token) != (want_type, 2, 1, bytes([4, 3, 2, 1])):
                problems.append(f"header {(mtype, code, mid, token)}")
            seq = dict(opts).get(2089)
            ref = openssl_aes(key, b"7")
            if ref is not None and seq != ref:
                problems.append(f"seq option {seq!r} != openssl {ref!r}")
            ref = openssl_aes(key, b"{}")
            if ref is not None and payload != ref:
                problems.append("payload differs from openssl")
            s.check(f"coap-publish doc {fmt} {extra} structure", problems)
    obj = s.ok("coap-publish --query", ["coap-publish", "--topic", "/a/b", "--auth-token", "tk",
                                        "--payload", "x", "--query", "--key", key.hex(),
                                        "--seq", "10"], {})
    if obj is not None:
        _, _, _, _, opts, _ = decode_coap(bytes.fromhex(obj["datagram"]))
        query = [val for num, val in opts if num == 15]
        problems = []
        if query[:1] != [b"token=tk"] or len(query) != 2 or not query[1].startswith(b"seq="):
            problems.append(f"query {query}")
        elif [n for n, _ in opts if n in (2088, 61, 2089)]:
            problems.append("token/seq options present in query mode")
        else:
            ref = openssl_aes(key, b"10")
            if ref is not None and query[1][4:] != ref.hex().encode():
                problems.append("seq query value is not the hex of the encrypted seq")
        s.check("coap-publish --query structure", problems)
    s.ok("coap-publish token option 61", ["coap-publish", "--topic", "/a", "--auth-token", "t",
                                          "--payload", "", "--token-option", "61", "--token", ""],
         {"datagram": encode_coap(0, 2, 1, b"", [(11, b"topic"), (11, b"a"), (12, b"\x32"),
                                                 (17, b"\x32"), (61, b"t")], b"").hex()})
    s.status("coap-publish too large", ["coap-publish", "--topic", "/a", "--auth-token", "t",
                                        "--payload", "x" * 1300],
             "IOTWIRE_ERR_COAP_DATAGRAM_TOO_LARGE")
    s.ok("coap-publish --max-datagram", ["coap-publish", "--topic", "/a", "--auth-token", "t",
                                         "--payload", "x" * 1300, "--max-datagram", "2000"], {})
    s.status("coap-publish wildcard topic", ["coap-publish", "--topic", "/a/+", "--auth-token", "t"],
             "IOTWIRE_ERR_INVALID_ARGUMENT")
    s.usage("coap-publish --key without --seq",
            ["coap-publish", "--topic", "/a", "--auth-token", "t", "--key", key.hex()])
    s.usage("coap-publish bad profile",
            ["coap-publish", "--topic", "/a", "--auth-token", "t", "--profile", "v9"])
    s.usage("coap-publish missing topic", ["coap-publish", "--auth-token", "t"])


def test_parse_response(s, vectors):
    dec = next(v for v in vectors if v["kind"] == "coap_aes_cbc_decrypt" and "INVALID" not in v.get("notes", ""))
    key, ct = dec["inputs"]["key_hex"], bytes.fromhex(dec["inputs"]["ciphertext_hex"])
    plain = bytes.fromhex(dec["expected"]["plaintext_hex"])[:dec["expected"]["return_len"]]
    d = encode_coap(2, 0x45, 0x1234, b"\x05\x03\x02\x01", [(2090, b"8899")], ct)
    s.ok("coap-parse-response encrypted 2.05 + 2090", ["coap-parse-response", "--datagram", d.hex(),
                                                       "--key", key],
         {"code": "2.05", "code_status": "IOTWIRE_OK", "type": "ACK", "message_id": 0x1234,
          "token_hex": "05030201", "cloud_message_id": "8899",
          "cloud_message_id_hex": b"8899".hex(), "payload_hex": plain.hex()})
    s.ok("coap-parse-response without key", ["coap-parse-response", "--datagram", d.hex()],
         {"payload_hex": ct.hex()})
    codes = {0x80: ("4.00", "IOTWIRE_ERR_COAP_BAD_REQUEST"),
             0x81: ("4.01", "IOTWIRE_ERR_COAP_UNAUTHORIZED"),
             0x83: ("4.03", "IOTWIRE_ERR_COAP_FORBIDDEN"),
             0x84: ("4.04", "IOTWIRE_ERR_COAP_NOT_FOUND"),
             0x85: ("4.05", "IOTWIRE_ERR_COAP_METHOD_NOT_ALLOWED"),
             0x86: ("4.06", "IOTWIRE_ERR_COAP_NOT_ACCEPTABLE"),
             0x8F: ("4.15", "IOTWIRE_ERR_COAP_UNSUPPORTED_CONTENT_FORMAT"),
             0xA0: ("5.00", "IOTWIRE_ERR_COAP_SERVER_ERROR"),
             0xA3: ("5.03", "IOTWIRE_ERR_COAP_UNEXPECTED_CODE"),
             0x44: ("2.04", "IOTWIRE_OK")}
    for code, (text, status) in codes.items():
        d = encode_coap(2, code, 9, b"\x01", [], b"")
        s.ok(f"coap-parse-response {text}", ["coap-parse-response", "--datagram", d.hex()],
             {"code": text, "code_status": status, "payload_hex": ""})
    bad = encode_coap(2, 0x45, 1, b"", [], bytes(16))
    s.status("coap-parse-response bad padding",
             ["coap-parse-response", "--datagram", bad.hex(), "--key", key],
             "IOTWIRE_ERR_COAP_BAD_PADDING")
    for name, d in (("short", "4045"), ("tkl 9", "49450001" + "00" * 9),
                    ("marker only", "60450001ff"), ("reserved nibble", "60450001f0")):
        s.status(f"coap-parse-response malformed {name}", ["coap-parse-response", "--datagram", d],
                 "IOTWIRE_ERR_COAP_MALFORMED")
    s.usage("coap-parse-response no datagram", ["coap-parse-response"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--vectors", required=True)
    a = ap.parse_args()
    with open(a.vectors, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    s = Suite(a.cli)
    test_key(s, vectors)
    test_aes(s, vectors)
    test_flows(s, vectors)
    test_doc_profile(s)
    test_parse_response(s, vectors)
    print(f"{s.passed} passed, {s.failed} failed")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
