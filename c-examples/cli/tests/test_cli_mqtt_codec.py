#!/usr/bin/env python3
"""iotwire-cli mqtt-connect-packet and topic.

The CONNECT is decoded here, independently, per MQTT 3.1.1 section 3.1, and its fields are
compared with mqtt-sign's credentials and with a password computed with Python's hmac; topics
come from the vectors' CoAP/HTTP paths and from the seeds' topic tables.

usage: test_cli_mqtt_codec.py --cli PATH --vectors PATH
Prints "N passed, M failed" and exits non-zero on any failure.
"""

import argparse
import hashlib
import hmac
import json
import subprocess
import sys

PK, DN, DS = "a1X2bEnP82z", "example1", "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
failures = []
passes = 0


def run(cli, *args):
    p = subprocess.run([cli, *args], capture_output=True, timeout=60)
    try:
        out = json.loads(p.stdout)
    except ValueError:
        out = None
    return p.returncode, out


def check(name, cond, detail=""):
    global passes
    if cond:
        passes += 1
    else:
        failures.append(f"{name}: {detail}")
        print(f"FAIL {name}: {detail}")


def decode_connect(pkt):
    """MQTT 3.1.1 3.1, written from the standard: returns the fields or raises ValueError."""
    if pkt[0] != 0x10:
        raise ValueError(f"first byte {pkt[0]:#x}")
    rem, mult, i = 0, 1, 1
    while True:
        b = pkt[i]
        rem += (b & 0x7F) * mult
        mult *= 128
        i += 1
        if not b & 0x80:
            break
        if i > 4:
            raise ValueError("remaining length over 4 bytes")
    if len(pkt) != i + rem:
        raise ValueError(f"length {len(pkt)} != {i + rem}")
    body = pkt[i:]

    def field(at):
        n = int.from_bytes(body[at:at + 2], "big")
        if at + 2 + n > len(body):
            raise ValueError("field past the end")
        return body[at + 2:at + 2 + n], at + 2 + n

    proto, at = field(0)
    level, flags = body[at], body[at + 1]
    keepalive = int.from_bytes(body[at + 2:at + 4], "big")
    at += 4
    client_id, at = field(at)
    out = {"protocol": proto, "level": level, "flags": flags, "keepalive": keepalive,
           "client_id": client_id.decode()}
    if flags & 0x04:
        raise ValueError("will flag set")
    if flags & 0x80:
        user, at = field(at)
        out["username"] = user.decode()
    if flags & 0x40:
        pwd, at = field(at)
        out["password"] = pwd.decode()
    if at != len(body):
        raise ValueError("trailing bytes")
    return out


def connect_cases(cli, vectors):
    base = ["--product-key", PK, "--device-name", DN, "--device-secret", DS]
    for extra, keepalive in [([], 300), (["--keepalive", "30"], 30), (["--keepalive", "1200"], 1200),
                             (["--sign-method", "hmacmd5", "--timestamp", "1700000000000"], 300),
                             (["--profile", "v3.2.0"], 300)]:
        name = "connect " + " ".join(extra or ["defaults"])
        rc, out = run(cli, "mqtt-connect-packet", *base, *extra)
        rc2, creds = run(cli, "mqtt-sign", *base, *extra)
        check(name + " exit", rc == 0 and rc2 == 0, (rc, out, rc2))
        if rc or rc2:
            continue
        try:
            c = decode_connect(bytes.fromhex(out["packet_hex"]))
        except (ValueError, IndexError) as e:
            check(name + " decodes", False, e)
            continue
        check(name + " protocol", (c["protocol"], c["level"]) == (b"MQTT", 4), c)
        check(name + " flags: user, password, clean session, no will", c["flags"] == 0xC2, c)
        check(name + " keepalive", c["keepalive"] == keepalive, c)
        for k in ("client_id", "username", "password"):
            check(f"{name} {k}", c.get(k) == creds[k], (c.get(k), creds[k]))
        if not extra:
            content = f"clientId{PK}.{DN}deviceName{DN}productKey{PK}".encode()
            want = hmac.new(DS.encode(), content, hashlib.sha256).hexdigest().upper()
            check(name + " password is the documented HMAC", c.get("password") == want, c)

    doc = next(v for v in vectors if v["kind"] == "doc_example")
    rc, out = run(cli, "mqtt-connect-packet", "--product-key", "pk", "--device-name", "device",
                  "--device-secret", "secret", "--client-id", "12345", "--timestamp", "789",
                  "--sign-method", "hmacsha1", "--secure-mode", "3", "--keepalive", "60")
    c = decode_connect(bytes.fromhex(out["packet_hex"])) if rc == 0 else {}
    check("doc example client id", c.get("client_id") == doc["expected"]["mqtt_client_id"], c)
    check("doc example username", c.get("username") == doc["expected"]["mqtt_username"], c)
    check("doc example password", c.get("password") == doc["expected"]["hex_upper"], c)

    # iotkit-embedded 3.x connects with clean session 0: --keep-session gives the same packet
    # with connect flags 0xc0.
    rc, out = run(cli, "mqtt-connect-packet", *base, "--profile", "v3.2.0", "--keep-session")
    rc2, out2 = run(cli, "mqtt-connect-packet", *base, "--profile", "v3.2.0")
    if rc == 0 and rc2 == 0:
        kept, clean = decode_connect(bytes.fromhex(out["packet_hex"])), decode_connect(bytes.fromhex(out2["packet_hex"]))
        check("--keep-session flags: user, password, clean session 0", kept["flags"] == 0xC0, kept)
        check("--keep-session changes nothing else", dict(kept, flags=0) == dict(clean, flags=0), (kept, clean))
    else:
        check("--keep-session exit", False, (rc, out, rc2, out2))

    for bad in ["29", "1201"]:
        rc, out = run(cli, "mqtt-connect-packet", *base, "--keepalive", bad)
        check(f"keepalive {bad} refused", rc == 1 and out == {
            "error": "IOTWIRE_ERR_INVALID_KEEPALIVE", "status": -11}, (rc, out))
    rc, out = run(cli, "mqtt-connect-packet", "--product-key", PK, "--device-name", DN)
    check("missing secret is a usage error", rc == 2, (rc, out))


def topic_cases(cli, vectors):
    def topic(kind, *extra, pk=PK, dn=DN):
        return run(cli, "topic", "--kind", kind, "--product-key", pk, "--device-name", dn, *extra)

    # The vectors' CoAP/HTTP paths are "/topic" + the MQTT topic (iotx_coap_api.c, iotx_http_api.c).
    for v in vectors:
        i = v["inputs"]
        path = i.get("publish_path") or i.get("topic_path")
        if not path:
            continue
        want = path[len("/topic"):]
        if want.endswith("/thing/event/property/post"):
            rc, out = topic("property-post", pk=i["product_key"], dn=i["device_name"])
        else:
            rc, out = topic("custom", "--name", want.rsplit("/", 1)[1], pk=i["product_key"],
                            dn=i["device_name"])
        check(f"topic of {v['id']}", rc == 0 and out == {"topic": want}, (rc, out, want))

    table = {
        ("ota-inform",): f"/ota/device/inform/{PK}/{DN}",
        ("ota-upgrade",): f"/ota/device/upgrade/{PK}/{DN}",
        ("ota-progress",): f"/ota/device/progress/{PK}/{DN}",
        ("ota-request",): f"/ota/device/request/{PK}/{DN}",
        ("shadow-update",): f"/shadow/update/{PK}/{DN}",
        ("shadow-get",): f"/shadow/get/{PK}/{DN}",
        ("property-post-reply",): f"/sys/{PK}/{DN}/thing/event/property/post_reply",
        ("property-set",): f"/sys/{PK}/{DN}/thing/service/property/set",
        ("event-post", "--name", "alarm"): f"/sys/{PK}/{DN}/thing/event/alarm/post",
        ("service-reply", "--name", "reboot"): f"/sys/{PK}/{DN}/thing/service/reboot_reply",
        ("rrpc-request", "--name", "+"): f"/sys/{PK}/{DN}/rrpc/request/+",
        ("custom", "--name", "#"): f"/{PK}/{DN}/user/#",
    }
    for (kind, *extra), want in table.items():
        rc, out = topic(kind, *extra)
        check(f"topic {kind}", rc == 0 and out == {"topic": want}, (rc, out))

    rc, out = topic("event-post")
    check("event-post without --name", rc == 1 and out["error"] == "IOTWIRE_ERR_MISSING_FIELD",
          (rc, out))
    rc, out = topic("custom", "--name", "a-b")
    check("custom name outside the category characters", rc == 1 and
          out["error"] == "IOTWIRE_ERR_INVALID_TOPIC", (rc, out))
    rc, out = topic("nope")
    check("unknown kind is a usage error", rc == 2, (rc, out))
    rc, out = run(cli, "topic", "--kind", "ota-inform")
    check("missing names are a usage error", rc == 2, (rc, out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--vectors", required=True)
    a = ap.parse_args()
    vectors = json.load(open(a.vectors))["vectors"]
    connect_cases(a.cli, vectors)
    topic_cases(a.cli, vectors)
    print(f"{passes} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
