#!/usr/bin/env python3
"""End-to-end tests of the EnOS commands of iotwire-cli: enos-psk, mqtt-sign --profile
enos|enos-tls, enos-activate and enos-parse-activate.

Expected values come from the vectors (kinds enos_sign_mqtt, enos_coap_dtls_psk_doc), from
Python's hashlib over the documented rules, or from CoAP datagrams assembled here byte by byte
from RFC 7252 -- never from the library.

usage: test_cli_enos.py --cli PATH --vectors PATH
Prints "N passed, M failed" and exits non-zero on any failure.
"""

import argparse
import hashlib
import json
import subprocess
import sys

from cli_suite import CliSuite

USAGE_ERROR = {"error": "IOTWIRE_ERR_INVALID_ARGUMENT", "status": -2}
CREDENTIAL_KEYS = ["host", "port", "client_id", "username", "password", "sign_content"]
PK, DK = "pk123456", "860123456789012"


class Suite(CliSuite):
    def success(self, name, args, expected, keys):
        rc, obj, out, err = self.run(*args)
        problems = []
        if rc != 0:
            problems.append(f"exit {rc}, stdout {out.strip()!r}, stderr {err.strip()!r}")
        elif not isinstance(obj, dict) or list(obj.keys()) != keys:
            problems.append(f"stdout {out!r} is not an object with keys {keys}")
        else:
            for key, want in expected.items():
                if obj.get(key) != want:
                    problems.append(f"{key}: expected {want!r}, got {obj.get(key)!r}")
        self.record(name, problems)
        return obj

    def status_error(self, name, args, status_name):
        rc, obj, out, _ = self.run(*args)
        problems = []
        if rc != 1 or not isinstance(obj, dict) or obj.get("error") != status_name:
            problems.append(f"exit {rc}, stdout {out.strip()!r}, expected {status_name}")
        elif list(obj.keys()) != ["error", "status"] or obj["status"] >= 0:
            problems.append(f"not the error object: {out!r}")
        self.record(name, problems)

    def usage_error(self, name, args):
        rc, obj, out, err = self.run(*args)
        problems = []
        if rc != 2 or obj != USAGE_ERROR or out.count("\n") != 1:
            problems.append(f"exit {rc}, stdout {out!r}")
        if "usage" not in err:
            problems.append(f"stderr lacks the usage text: {err!r}")
        self.record(name, problems)


def psk_args(pk=PK, dk=DK, secret="s", mode="2", lifetime="300"):
    return ["enos-psk", "--product-key", pk, "--device-key", dk, "--secret", secret,
            "--secure-mode", mode, "--lifetime", lifetime]


def test_vectors(s, path):
    with open(path, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    counts = {"enos_sign_mqtt": 0, "enos_coap_dtls_psk_doc": 0}
    for v in vectors:
        i, e = v["inputs"], v["expected"]
        if v["kind"] == "enos_sign_mqtt":
            profile = "enos-tls" if e["port"] == 18883 else "enos"
            s.success(f"vector {v['id']}", [
                "mqtt-sign", "--profile", profile, "--product-key", i["product_key"],
                "--device-key", i["device_key"], "--device-secret", i["device_secret"],
                "--host", i["custom_mqtt_domain"]], {
                    "host": e["hostname"], "port": e["port"], "client_id": e["clientid"],
                    "username": e["username"], "password": e["password"]}, CREDENTIAL_KEYS)
        elif v["kind"] == "enos_coap_dtls_psk_doc":
            s.success(f"vector {v['id']}", psk_args(
                i["product_key"], i["device_key"], i["secret"], str(i["secure_mode"]),
                str(i["lifetime_s"])), {"identity": e["psk_identity"], "key": e["psk_hex"]},
                ["identity", "key"])
        else:
            continue
        counts[v["kind"]] += 1
    for kind, n in counts.items():
        s.record(f"vectors of kind {kind} present", [] if n else ["none found"])


def test_psk(s):
    # Independent: hashlib over the seed's rule (bytes 9..24, 1-based, of SHA-256(secret)).
    for mode, secret in (("2", "device-secret-1"), ("3", "product-secret-1")):
        key = hashlib.sha256(secret.encode()).digest()[8:24].hex()
        s.success(f"enos-psk secure mode {mode}", psk_args(secret=secret, mode=mode,
                                                           lifetime="86400"),
                  {"identity": f"{PK},{DK},{mode},86400", "key": key}, ["identity", "key"])
    s.success("lifetime 30 is the minimum", psk_args(lifetime="30"),
              {"identity": f"{PK},{DK},2,30"}, ["identity", "key"])
    s.status_error("lifetime 29", psk_args(lifetime="29"), "IOTWIRE_ERR_INVALID_LIFETIME")
    s.status_error("lifetime 86401", psk_args(lifetime="86401"), "IOTWIRE_ERR_INVALID_LIFETIME")
    s.status_error("device key with a comma", psk_args(dk="86,01"),
                   "IOTWIRE_ERR_INVALID_DEVICE_KEY")
    s.status_error("device key of 33 characters", psk_args(dk="1" * 33),
                   "IOTWIRE_ERR_INVALID_DEVICE_KEY")
    s.status_error("product key with a slash", psk_args(pk="pk/1"),
                   "IOTWIRE_ERR_INVALID_PRODUCT_KEY")
    s.status_error("empty secret", psk_args(secret=""), "IOTWIRE_ERR_MISSING_FIELD")
    s.usage_error("secure mode 1", psk_args(mode="1"))
    s.usage_error("lifetime not a number", psk_args(lifetime="5m"))
    s.usage_error("enos-psk without --lifetime", psk_args()[:-2])
    s.usage_error("enos-psk takes no --device-name", psk_args() + ["--device-name", "x"])


def test_mqtt(s):
    ds, host = "secret-1", "mqtt.example.eniot.io"
    content = f"clientId{PK}.{DK}deviceKey{DK}productKey{PK}timestamp2524608000000"
    password = hashlib.sha256((content + ds).encode()).hexdigest().upper()
    base = ["mqtt-sign", "--product-key", PK, "--device-key", DK, "--device-secret", ds,
            "--host", host]
    s.success("mqtt-sign enos-tls (hashlib)", base + ["--profile", "enos-tls"], {
        "host": host, "port": 18883, "password": password, "sign_content": content,
        "username": f"{DK}&{PK}",
        "client_id": f"{PK}.{DK}|securemode=2,signmethod=sha256,timestamp=2524608000000|"},
        CREDENTIAL_KEYS)
    s.success("mqtt-sign enos --port", base + ["--profile", "enos", "--port", "1883"],
              {"port": 1883, "password": password}, CREDENTIAL_KEYS)
    s.usage_error("enos without --host", base[:-2] + ["--profile", "enos-tls"])
    s.usage_error("enos without --device-key",
                  ["mqtt-sign", "--profile", "enos-tls", "--product-key", PK,
                   "--device-secret", ds, "--host", host])
    s.usage_error("enos with --device-name", base + ["--profile", "enos", "--device-name", "x"])
    s.usage_error("enos with --region", base[:-2] + ["--profile", "enos", "--region", "japan"])
    s.usage_error("--device-key without an enos profile",
                  ["mqtt-sign", "--product-key", "a1X2bEnP82z", "--device-name", "example1",
                   "--device-secret", ds, "--device-key", DK])
    s.status_error("enos host with a space", base[:-1] + ["bad host", "--profile", "enos-tls"],
                   "IOTWIRE_ERR_INVALID_HOST")
    s.status_error("enos device key with a dot",
                   ["mqtt-sign", "--profile", "enos-tls", "--product-key", PK, "--device-key",
                    "a.b", "--device-secret", ds, "--host", host],
                   "IOTWIRE_ERR_INVALID_DEVICE_KEY")


def coap_option(delta, value):
    """RFC 7252 §3.1 option with delta < 13 and a value shorter than 269 bytes."""
    if len(value) < 13:
        return bytes([delta << 4 | len(value)]) + value
    return bytes([delta << 4 | 13, len(value) - 13]) + value


def activation_request(pk, dk, mid, token):
    d = bytes([0x40 | len(token), 0x01]) + mid.to_bytes(2, "big") + token
    for i, seg in enumerate(["topic", "ext", "session", pk, dk, "thing", "activate", "info"]):
        d += coap_option(11 if i == 0 else 0, seg.encode())
    return d.hex()


def activation_reply(payload, code=0x45, content_format=50):
    d = bytes([0x62, code, 0x12, 0x34, 0xA1, 0xB2])
    if content_format is not None:
        d += coap_option(12, bytes([content_format]))
    if payload:
        d += b"\xff" + json.dumps(payload, separators=(",", ":")).encode()
    return d.hex()


def test_activation(s):
    s.success("enos-activate (RFC 7252 by hand)",
              ["enos-activate", "--product-key", PK, "--device-key", DK, "--message-id", "4660",
               "--token", "a1b2"],
              {"datagram": activation_request(PK, DK, 0x1234, bytes([0xA1, 0xB2]))}, ["datagram"])
    s.success("enos-activate defaults: message id 1, no token",
              ["enos-activate", "--product-key", PK, "--device-key", DK],
              {"datagram": activation_request(PK, DK, 1, b"")}, ["datagram"])
    s.success("enos-activate message id 0",
              ["enos-activate", "--product-key", PK, "--device-key", DK, "--message-id", "0"],
              {"datagram": activation_request(PK, DK, 0, b"")}, ["datagram"])
    s.usage_error("enos-activate token of 9 bytes",
                  ["enos-activate", "--product-key", PK, "--device-key", DK, "--token", "00" * 9])
    s.usage_error("enos-activate message id 65536",
                  ["enos-activate", "--product-key", PK, "--device-key", DK,
                   "--message-id", "65536"])
    s.status_error("enos-activate device key with a slash",
                   ["enos-activate", "--product-key", PK, "--device-key", "a/b"],
                   "IOTWIRE_ERR_INVALID_DEVICE_KEY")

    seed = {"id": "1001", "version": "1.0", "method": "thing.activate.info",
            "params": {"assetId": "Yx8Gkd2p", "productKey": PK, "deviceKey": DK,
                       "deviceSecret": "q3HcT0wBf9vZ2kLm"}}
    s.success("enos-parse-activate seed reply", ["enos-parse-activate", "--datagram",
                                                 activation_reply(seed)],
              {"device_secret": "q3HcT0wBf9vZ2kLm", "asset_id": "Yx8Gkd2p", "id": "1001"},
              ["device_secret", "asset_id", "id"])
    no_id = {"params": {"assetId": "a", "deviceSecret": "s"}}
    s.success("enos-parse-activate without id", ["enos-parse-activate", "--datagram",
                                                 activation_reply(no_id, content_format=None)],
              {"device_secret": "s", "asset_id": "a"}, ["device_secret", "asset_id"])
    s.success("enos-parse-activate names its device",
              ["enos-parse-activate", "--datagram", activation_reply(seed),
               "--product-key", PK, "--device-key", DK],
              {"device_secret": "q3HcT0wBf9vZ2kLm"}, ["device_secret", "asset_id", "id"])
    s.status_error("reply for another device",
                   ["enos-parse-activate", "--datagram", activation_reply(seed),
                    "--product-key", PK, "--device-key", "other"],
                   "IOTWIRE_ERR_ENOS_DEVICE_MISMATCH")
    s.status_error("reply 4.04", ["enos-parse-activate", "--datagram",
                                  activation_reply(None, code=0x84, content_format=None)],
                   "IOTWIRE_ERR_COAP_NOT_FOUND")
    s.status_error("reply 2.04", ["enos-parse-activate", "--datagram",
                                  activation_reply(seed, code=0x44)],
                   "IOTWIRE_ERR_ENOS_ACTIVATION_REFUSED")
    long_secret = {"params": {"assetId": "a", "deviceSecret": "k" * 65}}
    s.status_error("deviceSecret of 65 characters",
                   ["enos-parse-activate", "--datagram", activation_reply(long_secret)],
                   "IOTWIRE_ERR_ENOS_INVALID_REPLY_FIELD")
    s.status_error("deviceSecret missing",
                   ["enos-parse-activate", "--datagram",
                    activation_reply({"params": {"assetId": "a"}})],
                   "IOTWIRE_ERR_MISSING_FIELD")
    s.status_error("CBOR content format",
                   ["enos-parse-activate", "--datagram", activation_reply(seed, content_format=60)],
                   "IOTWIRE_ERR_INVALID_JSON")
    s.status_error("not CoAP", ["enos-parse-activate", "--datagram", "ff"],
                   "IOTWIRE_ERR_COAP_MALFORMED")
    s.usage_error("enos-parse-activate odd hex", ["enos-parse-activate", "--datagram", "abc"])
    s.usage_error("enos-parse-activate without --datagram", ["enos-parse-activate"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--vectors", required=True)
    opts = parser.parse_args()
    s = Suite(opts.cli)
    test_vectors(s, opts.vectors)
    test_psk(s)
    test_mqtt(s)
    test_activation(s)
    print(f"{s.passed} passed, {s.failed} failed")
    return 1 if s.failed or not s.passed else 0


if __name__ == "__main__":
    sys.exit(main())
