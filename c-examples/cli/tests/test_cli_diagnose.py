#!/usr/bin/env python3
"""iotwire-cli explain and check-connect.

The packets come from three places:
  - the legacy vectors: MQTT credentials assembled into CONNECTs here (MQTT 3.1.1 section 3.1),
    the CoAP message flows' datagrams, HTTP requests assembled from the vectors' header and body;
  - the library: mqtt-connect-packet (every connect mode and legacy profile), mqtt-dynreg,
    coap-auth, coap-publish, http-auth, http-publish;
  - the unmodified iotkit-embedded 3.2.0 mqtt-example, built from the shared legacy SDK tree
    with TLS off; its CONNECT is captured by a TCP listener on 127.0.0.1 (capture_shim.c
    points the SDK's name lookup there). Skipped with a message when the tree is absent.
Then every single-field corruption of those CONNECTs must be named by check-connect, and every
corrupted byte must give explain a report or an error object (exit 0 or 1, valid JSON), never a
crash. Expected passwords and sign contents are computed here with hmac/hashlib from the
documented rules, never taken from the library.

usage: test_cli_diagnose.py --cli PATH --vectors PATH --shared DIR --work DIR
       (the environment variable IOTWIRE_SHARED_DIR, when set, replaces --shared)
Prints "N passed, M failed" and exits non-zero on any failure.
"""

import argparse
import hashlib
import hmac
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time

from cli_suite import CliSuite

PK, DN, DS = "a1X2bEnP82z", "example1", "ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"
PS = "psecret0123456789"
LEGACY_TS = "2524608000000"
HASHES = {"hmacmd5": hashlib.md5, "hmacsha1": hashlib.sha1, "hmacsha256": hashlib.sha256}
SIGN_PROFILES = ["v3.2.0", "v3.2.0-no-ss", "v3.2.0-tcp", "v3.1.0", "v3.0.1", "v3.0.1-tls",
                 "v3.0.1-preauth", "bundle", "bundle-tls", "bundle-itls", "v2.3.0",
                 "v2.3.0-tls", "linksdk-4.1.0"]


# ------------------------------------------------------------------ MQTT, written from the spec
def field(b):
    return len(b).to_bytes(2, "big") + b


def encode_connect(cid, user, pwd, flags=None, keepalive=60, name=b"MQTT", level=4, will=None):
    """CONNECT per MQTT 3.1.1 3.1; strings are str, `will` a (topic, message) pair."""
    if flags is None:
        flags = 0x02 | (0x80 if user is not None else 0) | (0x40 if pwd is not None else 0)
    body = field(name) + bytes([level, flags]) + keepalive.to_bytes(2, "big")
    body += field(cid.encode())
    if will is not None:
        body += field(will[0].encode()) + field(will[1])
    if user is not None:
        body += field(user.encode())
    if pwd is not None:
        body += field(pwd.encode())
    rem, n = b"", len(body)
    while True:
        digit, n = n % 128, n // 128
        rem += bytes([digit | (0x80 if n else 0)])
        if not n:
            break
    return bytes([0x10]) + rem + body


def split_client_id(cid):
    """(id, [(key, value)...]) of <id>|k=v,...|."""
    ident, rest = cid.split("|", 1)
    items = rest[:-1].split(",") if rest[:-1] else []
    return ident, [tuple(i.split("=", 1)) for i in items]


def join_client_id(ident, params):
    return f"{ident}|{','.join(f'{k}={v}' for k, v in params)}|"


def platform_password(cid, pk, dn, secret):
    """The password the platform expects for this client id (documented rules, hex upper)."""
    ident, params = split_client_id(cid)
    p = dict(params)
    method = p.get("signmethod", "hmacmd5")
    if p.get("authType") in ("register", "regnwl"):
        content = f"deviceName{dn}productKey{pk}random{p['random']}"
    else:
        content = f"clientId{ident}deviceName{dn}productKey{pk}"
        if "timestamp" in p:
            content += "timestamp" + p["timestamp"]
    mac = hmac.new(secret.encode(), content.encode(), HASHES[method]).hexdigest().upper()
    return mac, content


class Suite(CliSuite):
    def report(self, *args):
        """Runs the CLI; (exit, parsed JSON or None, problems list for a malformed answer)."""
        rc, obj, out, err = self.run(*args)
        problems = []
        if rc not in (0, 1) or not isinstance(obj, dict):
            problems.append(f"exit {rc}, stdout {out.strip()[:300]!r}, stderr {err.strip()[:300]!r}")
        return rc, obj, problems

    def explain(self, name, hexdata, expected=None, protocol=None, key=None):
        args = ["explain", "--hex", hexdata]
        if protocol:
            args += ["--protocol", protocol]
        if key:
            args += ["--key", key]
        rc, obj, problems = self.report(*args)
        if not problems:
            if rc != 0:
                problems.append(f"exit {rc}: {obj.get('error')}")
            for path, want in (expected or {}).items():
                got = obj
                for part in path.split("."):
                    got = got[int(part)] if isinstance(got, list) and part.isdigit() else \
                        (got.get(part) if isinstance(got, dict) else None)
                if got != want:
                    problems.append(f"{path}: expected {want!r}, got {got!r}")
        self.record(name, problems)
        return obj

    def check(self, name, hexdata, creds, verdict="ok", field=None, note=None, profile=None,
              sign_content=None):
        args = ["check-connect", "--hex", hexdata] + creds
        if profile:
            args += ["--profile", profile]
        rc, obj, problems = self.report(*args)
        if not problems:
            named = [p["field"] for p in obj["problems"]]
            noted = [n["field"] for n in obj["notes"]]
            if obj["verdict"] != verdict or rc != (0 if verdict == "ok" else 1):
                problems.append(f"verdict {obj['verdict']} (exit {rc}), expected {verdict}: "
                                f"{obj['problems']}")
            if field is not None and field not in named:
                problems.append(f"{field} not named in {named}: {obj['problems']}")
            if note is not None and note not in noted:
                problems.append(f"note {note} not in {noted}")
            if sign_content is not None and obj.get("sign_content") != sign_content:
                problems.append(f"sign_content {obj.get('sign_content')!r}, expected {sign_content!r}")
        self.record(name, problems)
        return obj


def creds(pk=PK, dn=DN, ds=None, ps=None, token=None):
    out = ["--product-key", pk, "--device-name", dn]
    if ds is not None:
        out += ["--device-secret", ds]
    if ps is not None:
        out += ["--product-secret", ps]
    if token is not None:
        out += ["--device-token", token]
    return out


# ------------------------------------------------------------------ the three sources
def vector_connects(vectors):
    """(id, packet, cid, user, pass, creds-args, sign content) of every MQTT vector."""
    out = []
    kinds = ("iot_sign_mqtt", "mqtt_sign_v2_guider", "mqtt_sign_hmacmd5_composed",
             "linksdk4_core_auth", "dynreg_mqtt")
    for v in vectors:
        if v["kind"] not in kinds:
            continue
        i, e = v["inputs"], v["expected"]
        if e.get("rc", 0) != 0 or e.get("ret", 0) != 0 or not e.get("clientid"):
            continue
        if not i.get("product_key") or not i.get("device_name"):
            continue
        secret = creds(i["product_key"], i["device_name"],
                       ds=i.get("device_secret"), ps=i.get("product_secret"))
        out.append((v["id"], encode_connect(e["clientid"], e["username"], e["password"]),
                    e["clientid"], e["username"], e["password"], secret, e.get("sign_content")))
    return out


def library_connects(s):
    """CONNECTs the library builds: every mode and profile mqtt-connect-packet and
    mqtt-dynreg know, each with the device arguments check-connect needs."""
    out = []
    base = ["--product-key", PK, "--device-name", DN]
    for extra in ([], ["--sign-method", "hmacmd5"], ["--sign-method", "hmacsha1"],
                  ["--timestamp", "1700000000000"], ["--secure-mode", "3"],
                  ["--sign-method", "hmacmd5", "--timestamp", "1700000000000"],
                  ["--client-id", "sn-0001", "--sign-method", "hmacsha1"]):
        out.append(("library " + (" ".join(extra) or "documented"), base + ["--device-secret", DS] + extra,
                    creds(ds=DS), None))
    for p in SIGN_PROFILES:
        out.append((f"library --profile {p}", base + ["--device-secret", DS, "--profile", p],
                    creds(ds=DS), p))
    out.append(("library id2", base + ["--device-secret", DS, "--mode", "id2"], creds(ds=DS), None))
    out.append(("library connwl", base + ["--mode", "connwl", "--client-id", "cid-from-regnwl",
                                          "--device-token", "tok.abc-123"],
                creds(token="tok.abc-123"), None))
    packets = []
    for name, args, device, profile in out:
        rc, obj, _, err = s.run("mqtt-connect-packet", *args)
        if rc != 0:
            s.record(name, [f"mqtt-connect-packet exit {rc}: {err.strip()[:200]}"])
            continue
        packets.append((name, bytes.fromhex(obj["packet_hex"]), device, profile))
    for name, extra, profile in (("register", [], None), ("regnwl", ["--type", "regnwl"], None),
                                 ("regnwl -2", ["--type", "regnwl", "--secure-mode", "-2"], None),
                                 ("register hmacsha1", ["--sign-method", "hmacsha1"], None),
                                 ("register v3.2.0", ["--profile", "v3.2.0"], "v3.2.0"),
                                 ("regnwl linksdk-4.2.0", ["--type", "regnwl", "--profile",
                                                           "linksdk-4.2.0"], "linksdk-4.2.0")):
        rc, obj, _, err = s.run("mqtt-dynreg", *base, "--product-secret", PS, "--random",
                                "78563412", *extra)
        if rc != 0:
            s.record(f"library dynreg {name}", [f"mqtt-dynreg exit {rc}: {err.strip()[:200]}"])
            continue
        pkt = encode_connect(obj["client_id"], obj["username"], obj["password"])
        packets.append((f"library dynreg {name}", pkt, creds(ps=PS), profile))
    return packets


def legacy_sdk_capture(s, shared, work):
    """Builds the unmodified SDK's mqtt-example (TLS off) and captures its CONNECT. Returns
    (packet, pk, dn, ds) or None (skipped, with the reason printed)."""
    tree = os.path.join(shared, "legacy-sdk", "iotkit-embedded-3.2.0")
    if not os.path.isdir(tree):
        print(f"SKIP  legacy SDK capture: {tree} is absent")
        s.skipped += 1
        return None
    if shutil.which("make") is None:
        print("SKIP  legacy SDK capture: make is not installed")
        s.skipped += 1
        return None
    sdk = os.path.join(work, "iotkit-embedded-3.2.0")
    example = os.path.join(sdk, "output", "release", "bin", "mqtt-example")
    if not os.path.exists(example):
        shutil.rmtree(sdk, ignore_errors=True)
        shutil.copytree(tree, sdk)
        for root, dirs, files in os.walk(sdk):
            for n in dirs + files:
                p = os.path.join(root, n)
                os.chmod(p, os.stat(p).st_mode | 0o200)
        settings = os.path.join(sdk, "make.settings")
        with open(settings, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("FEATURE_SUPPORT_TLS=y", "# FEATURE_SUPPORT_TLS is not set")
        with open(settings, "w", encoding="utf-8") as f:
            f.write(text)
        log = os.path.join(work, "sdk-build.log")
        with open(log, "w", encoding="utf-8") as f:
            built = subprocess.run(["make", "-j2"], cwd=sdk, stdout=f, stderr=subprocess.STDOUT,
                                   timeout=900).returncode == 0
        if not built or not os.path.exists(example):
            s.record("legacy SDK build (TLS off)", [f"make failed, see {log}"])
            return None
    shim = os.path.join(work, "capture_shim.so")
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "capture_shim.c")
    if subprocess.run(["gcc", "-shared", "-fPIC", "-o", shim, src, "-ldl"]).returncode != 0:
        s.record("capture shim build", ["gcc failed"])
        return None
    with open(os.path.join(sdk, "src", "mqtt", "examples", "mqtt_example.c"), encoding="utf-8") as f:
        source = f.read()
    triple = [re.search(rf'char {n}\[[^]]*\]\s*=\s*"([^"]*)"', source).group(1)
              for n in ("g_product_key", "g_device_name", "g_device_secret")]
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(60)
    env = dict(os.environ, LD_PRELOAD=shim, CAPTURE_PORT=str(listener.getsockname()[1]))
    proc = subprocess.Popen([example], cwd=work, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    data = b""
    try:
        conn, _ = listener.accept()
        conn.settimeout(30)
        deadline = time.time() + 30
        while time.time() < deadline:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
            rem, mult, i = 0, 1, 1
            while i < len(data) and i <= 4:
                rem += (data[i] & 0x7F) * mult
                mult *= 128
                i += 1
                if not data[i - 1] & 0x80:
                    break
            if len(data) >= i + rem:
                data = data[:i + rem]
                break
        conn.close()
    except OSError as e:
        s.record("legacy SDK capture", [f"no connection from mqtt-example: {e}"])
        return None
    finally:
        proc.kill()
        proc.wait()
        listener.close()
    s.record("legacy SDK capture: a CONNECT arrived", [] if data[:1] == b"\x10" else [data.hex()])
    print(f"      captured {len(data)} bytes: {data.hex()}")
    return data, *triple


# ------------------------------------------------------------------ the checks
def test_explain_connects(s, cases):
    for name, pkt, cid, user, pwd in cases:
        ident, params = split_client_id(cid)
        s.explain(f"explain {name}", pkt.hex(), {
            "protocol": "mqtt", "packets.0.type": "CONNECT", "packets.0.length": len(pkt),
            "packets.0.client_id": cid, "packets.0.username": user, "packets.0.password": pwd,
            "packets.0.client_id_parts": {"id": ident, "params": [
                {"key": k, "value": v} for k, v in params]}})


def cid_of(pkt):
    """(client id, user name, password) of a CONNECT built by encode_connect's layout."""
    rem_len = 1
    while pkt[rem_len] & 0x80:
        rem_len += 1
    at = 1 + rem_len + 10
    out = []
    while at < len(pkt):
        n = int.from_bytes(pkt[at:at + 2], "big")
        out.append(pkt[at + 2:at + 2 + n].decode())
        at += 2 + n
    return out + [None] * (3 - len(out))


def corruptions(cid, user, pwd, device, pk, dn):
    """(name, packet, expected field or None for 'accepted', note-or-None)."""
    ident, params = split_client_id(cid)
    keys = [k for k, _ in params]
    secret = next((device[i + 1] for i, a in enumerate(device) if a in ("--device-secret",
                                                                         "--product-secret")), None)
    dynreg = dict(params).get("authType") in ("register", "regnwl")
    out = [
        ("protocol name MQTX", encode_connect(cid, user, pwd, name=b"MQTX"), "protocol"),
        ("protocol level 3 with MQTT", encode_connect(cid, user, pwd, level=3), "protocol"),
        ("protocol level 5", encode_connect(cid, user, pwd, level=5), "packet"),
        ("reserved flag", encode_connect(cid, user, pwd, flags=0xC3), "packet"),
        ("will", encode_connect(cid, user, pwd, flags=0xC6, will=("w/t", b"bye")), "will"),
        ("no username flag", encode_connect(cid, user, pwd, flags=0x42), "packet"),
        ("no password", encode_connect(cid, user, None), "password"),
        ("keepalive 0", encode_connect(cid, user, pwd, keepalive=0), "keepalive"),
        ("keepalive 29", encode_connect(cid, user, pwd, keepalive=29), "keepalive"),
        ("keepalive 1201", encode_connect(cid, user, pwd, keepalive=1201), "keepalive"),
        ("remaining length changed", (lambda p: p[:1] + bytes([p[1] ^ 0x01]) + p[2:])(
            encode_connect(cid, user, pwd)), "packet"),
        ("username swapped", encode_connect(cid, f"{pk}&{dn}", pwd), "username"),
        ("username of another device", encode_connect(cid, f"{dn}x&{pk}", pwd), "username"),
        ("client id without '|'", encode_connect(ident, user, pwd), "client_id"),
        # Registration signs no client id; otherwise the password no longer matches, and the
        # checker can tell "signed <pk>.<dn>, sent another id" only when the id was <pk>.<dn>.
        ("client id prefix changed", encode_connect("x" + cid, user, pwd),
         None if dynreg else ("client_id" if ident == f"{pk}.{dn}" else "password")),
        ("client id over 64", encode_connect("c" * 65 + cid, user, pwd), "client_id"),
    ]
    if secret is not None:
        other = platform_password(cid, pk, dn, secret + "x")[0]
        out.append(("password made with another secret", encode_connect(cid, user, other), "password"))
        out.append(("password in lower case", encode_connect(cid, user, pwd.lower()), None))
    for i, (k, v) in enumerate(params):
        changed = params[:i] + [(k, v + "x")] + params[i + 1:]
        removed = params[:i] + params[i + 1:]
        expect_changed = {"securemode": "securemode", "signmethod": "signmethod",
                          "timestamp": "timestamp", "authType": "authType",
                          "random": "password"}.get(k)
        # A removed timestamp is named only when the password signed the legacy constant
        # (2524608000000, what every legacy SDK sends): any other value cannot be guessed, so
        # then the password is what the checker names.
        expect_removed = {"securemode": "securemode",
                          "timestamp": "timestamp" if v == LEGACY_TS else "password",
                          "signmethod": None if v == "hmacmd5" else "signmethod",
                          "random": "random"}.get(k)
        if k == "authType":
            expect_removed = "authType"  # a registration HMAC without its authType
        out.append((f"parameter {k} changed", encode_connect(join_client_id(ident, changed), user, pwd),
                    expect_changed))
        out.append((f"parameter {k} removed", encode_connect(join_client_id(ident, removed), user, pwd),
                    expect_removed))
    if "timestamp" not in keys and not dynreg and "authType" not in keys:
        added = params + [("timestamp", LEGACY_TS)]
        out.append(("timestamp added", encode_connect(join_client_id(ident, added), user, pwd),
                    "timestamp"))
    return out


def test_corruptions(s, name, pkt, device, pk, dn, profile=None):
    cid, user, pwd = cid_of(pkt)
    for what, bad, field in corruptions(cid, user, pwd, device, pk, dn):
        if field is None:
            # Accepted by the platform's rules: only the profile, if named, may note it.
            s.check(f"{name}: {what} (accepted)", bad.hex(), device, "ok")
        else:
            s.check(f"{name}: {what}", bad.hex(), device, "refused", field=field)
        if profile and field is None and what.startswith("parameter"):
            s.check(f"{name}: {what} (noted against {profile})", bad.hex(), device, "ok",
                    note=what.split()[1], profile=profile)


def test_corrupted_bytes(s, name, data, key=None, connect_device=None):
    """Every byte flipped: explain answers with a report or an error object; with a device,
    check-connect answers with a verdict."""
    problems = []
    for i in range(len(data)):
        bad = bytearray(data)
        bad[i] ^= 0xFF
        args = ["explain", "--hex", bad.hex()] + (["--key", key] if key else [])
        rc, obj, p = s.report(*args)
        if p:
            problems.append(f"byte {i}: {p[0]}")
        elif (rc == 1) != ("error" in obj) or ("error" in obj and obj["error"]["at"] > len(bad)):
            problems.append(f"byte {i}: exit {rc} with {json.dumps(obj)[:200]}")
        if connect_device is not None:
            rc, obj, p = s.report("check-connect", "--hex", bad.hex(), *connect_device)
            if p:
                problems.append(f"check-connect byte {i}: {p[0]}")
            elif (rc == 1) != (obj["verdict"] == "refused"):
                problems.append(f"check-connect byte {i}: exit {rc}, verdict {obj['verdict']}")
    s.record(f"every corrupted byte of {name} ({len(data)} bytes): a report, never a crash", problems)


def test_coap(s, vectors):
    out = []
    for v in (v for v in vectors if v["kind"] == "coap_message_flow"):
        i, e = v["inputs"], v["expected"]
        key = e["key_hex"] if e["key_hex"].strip("0") else None
        token = json.loads(i["auth_response_json"])["token"]
        expected = {"protocol": "coap", "code": "0.02", "uri_path": i["publish_path"]}
        if key:
            expected["payload_decrypted"] = i["publish_payload"]
        else:
            expected["payload"] = i["publish_payload"]
        obj = s.explain(f"explain {v['id']} publish", e["publish_hex"], expected, key=key)
        if obj:
            toks = [o["value"] for o in obj["options"] if o["name"].startswith("auth token")]
            seqs = [o.get("decrypted") for o in obj["options"] if o["number"] == 2089]
            s.record(f"explain {v['id']} publish token and seq", [] if toks == [token] and
                     seqs == ([str(e["seq_after_auth"])] if key else []) else [f"{toks} {seqs}"])
        s.explain(f"explain {v['id']} auth", e["auth_request_hex"],
                  {"protocol": "coap", "uri_path": "/auth"})
        out.append((e["publish_hex"], key))
    # Built by the library.
    rc, obj, _, _ = s.run("coap-auth", "--product-key", PK, "--device-name", DN,
                          "--device-secret", DS, "--seq", "7")
    if rc == 0:
        s.explain("explain coap-auth", obj["datagram"], {"uri_path": "/auth",
                                                         "payload": obj["payload"]})
    key = "03d67b8294a6647314cc376ab61d090a"
    topic = f"/sys/{PK}/{DN}/thing/event/property/post"
    rc, obj, _, _ = s.run("coap-publish", "--topic", topic, "--auth-token", "TOK.1",
                          "--payload", '{"id":"1"}', "--key", key, "--seq", "42")
    if rc == 0:
        got = s.explain("explain coap-publish --key", obj["datagram"],
                        {"uri_path": "/topic" + topic, "payload_decrypted": '{"id":"1"}'}, key=key)
        if got:
            seq = [o.get("decrypted") for o in got["options"] if o["number"] == 2089]
            s.record("explain coap-publish seq decrypted", [] if seq == ["42"] else [str(seq)])
        wrong = "00" * 16
        got = s.explain("explain coap-publish with another key", obj["datagram"], key=wrong)
        if got and "decrypt_error" not in got:
            s.record("another key is a decrypt_error", ["no decrypt_error"])
        out.append((obj["datagram"], key))
    return out


def test_http(s, vectors):
    out = []
    for v in (v for v in vectors if v["kind"] == "http_auth_and_publish"):
        for part in ("auth_request", "send_request"):
            r = v["expected"][part]
            target = r["url"][len("https://iot-as-http.cn-shanghai.aliyuncs.com"):]
            req = (f"POST {target} HTTP/1.1\r\nHost: iot-as-http.cn-shanghai.aliyuncs.com\r\n"
                   f"{r['header']}Content-Length: {len(r['body'])}\r\n\r\n{r['body']}").encode()
            s.explain(f"explain {v['id']} {part}", req.hex(),
                      {"protocol": "http", "target": target, "body": r["body"],
                       "json": json.loads(r["body"])})
            out.append(req)
    rc, obj, _, _ = s.run("http-auth", "--product-key", PK, "--device-name", DN,
                          "--device-secret", DS, "--timestamp", "1700000000000")
    if rc == 0:
        s.explain("explain http-auth", obj["request"].encode().hex(),
                  {"method": "POST", "target": "/auth", "json": json.loads(obj["body"])})
    rc, obj, _, _ = s.run("http-publish", "--topic", f"/{PK}/{DN}/user/update", "--token", "T0K",
                          "--payload", "hello")
    if rc == 0:
        got = s.explain("explain http-publish", obj["request"].encode().hex(),
                        {"target": f"/topic/{PK}/{DN}/user/update", "body": "hello"})
        if got:
            pw = [h["value"] for h in got["headers"] if h["name"] == "password"]
            s.record("explain http-publish password header", [] if pw == ["T0K"] else [str(pw)])
    return out


def test_usage(s):
    for name, args in (("explain without --hex", ["explain"]),
                       ("explain odd hex", ["explain", "--hex", "123"]),
                       ("explain bad protocol", ["explain", "--hex", "c000", "--protocol", "amqp"]),
                       ("explain short key", ["explain", "--hex", "c000", "--key", "00"]),
                       ("check-connect without names", ["check-connect", "--hex", "c000",
                                                        "--device-secret", DS]),
                       ("check-connect without a secret", ["check-connect", "--hex", "c000",
                                                           "--product-key", PK, "--device-name", DN]),
                       ("check-connect EnOS profile", ["check-connect", "--hex", "c000"] +
                        creds(ds=DS) + ["--profile", "enos"]),
                       ("check-connect unknown profile", ["check-connect", "--hex", "c000"] +
                        creds(ds=DS) + ["--profile", "v9"])):
        rc, obj, out, err = s.run(*args)
        s.record(f"usage: {name}", [] if rc == 2 and "usage" in err else [f"exit {rc} {out}"])
    rc, obj, _, _ = s.run("check-connect", "--hex", "", *creds(ds=DS))
    s.record("check-connect of nothing: refused, field packet",
             [] if rc == 1 and obj and obj["problems"][0]["field"] == "packet" else [str(obj)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--shared", required=True, help="the shared fixtures (legacy SDK tree)")
    ap.add_argument("--work", required=True, help="scratch directory (the SDK build is kept)")
    a = ap.parse_args()
    a.shared = os.environ.get("IOTWIRE_SHARED_DIR", a.shared)
    os.makedirs(a.work, exist_ok=True)
    with open(a.vectors, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    s = Suite(a.cli)

    # Vectors: explain every field; check-connect accepts them, with the vectors' sign content.
    cases = vector_connects(vectors)
    test_explain_connects(s, [(n, p, c, u, w) for n, p, c, u, w, _, _ in cases])
    for name, pkt, cid, _, _, device, content in cases:
        s.check(f"check-connect {name}", pkt.hex(), device, sign_content=content)
    for name, pkt, _, _, _, device, _ in cases:
        if name in ("v320-default-01", "v230-guider-tls-01", "v203-hmacmd5-sm2-01",
                    "dynreg-mqtt-01", "linksdk41-01"):
            i = device.index("--product-key")
            test_corruptions(s, name, pkt, device, device[i + 1], device[i + 3])

    # The library's own CONNECTs: accepted, the independent password agrees, and with the
    # profile named nothing differs.
    for name, pkt, device, profile in library_connects(s):
        cid, user, pwd = cid_of(pkt)
        secret = next((device[i + 1] for i, a in enumerate(device)
                       if a in ("--device-secret", "--product-secret")), None)
        mode = dict(split_client_id(cid)[1])
        if secret and mode.get("authtype") != "id2":
            want, _ = platform_password(cid, PK, DN, secret)
            s.record(f"{name}: the password is the documented HMAC",
                     [] if want == pwd.upper() else [f"{pwd} != {want}"])
        obj = s.check(f"check-connect {name}", pkt.hex(), device, profile=profile)
        if obj and profile:
            extra = [n for n in obj["notes"] if "--profile" in n["why"]]
            s.record(f"{name}: nothing differs from --profile {profile}",
                     [] if not extra else [str(extra)])
        if mode.get("authType") == "connwl":
            s.check(f"check-connect {name} with another token", pkt.hex(),
                    creds(token="tok.other"), "refused", field="password")
        elif mode.get("authtype") != "id2":
            # (ID²: the platform does not verify the password, so there is less to corrupt.)
            test_corruptions(s, name, pkt, device, PK, DN, profile)

    # The unmodified legacy SDK's CONNECT.
    captured = legacy_sdk_capture(s, a.shared, a.work)
    if captured:
        pkt, pk, dn, ds = captured
        device = creds(pk, dn, ds=ds)
        cid, user, pwd = cid_of(pkt)
        want, content = platform_password(cid, pk, dn, ds)
        s.record("legacy SDK CONNECT: its password is the documented HMAC",
                 [] if want == pwd else [f"{pwd} != {want}"])
        test_explain_connects(s, [("legacy SDK CONNECT", pkt, cid, user, pwd)])
        obj = s.check("check-connect legacy SDK CONNECT", pkt.hex(), device, sign_content=content)
        obj = s.check("check-connect legacy SDK CONNECT --profile v3.2.0-tcp", pkt.hex(), device,
                      profile="v3.2.0-tcp")
        if obj:
            profile_notes = [n for n in obj["notes"] if "--profile" in n["why"]]
            s.record("legacy SDK CONNECT is exactly what --profile v3.2.0-tcp sends",
                     [] if not profile_notes else [str(profile_notes)])
        s.check("check-connect legacy SDK CONNECT, password of another secret", pkt.hex(),
                creds(pk, dn, ds=ds + "x"), "refused", field="password")
        test_corruptions(s, "legacy SDK CONNECT", pkt, device, pk, dn, "v3.2.0-tcp")
        test_corrupted_bytes(s, "the legacy SDK CONNECT", pkt, connect_device=device)

    coap = test_coap(s, vectors)
    http = test_http(s, vectors)
    if coap:
        test_corrupted_bytes(s, "a CoAP publish", bytes.fromhex(coap[0][0]), key=coap[0][1])
    if http:
        test_corrupted_bytes(s, "an HTTP auth request", http[0])
    test_usage(s)
    print(f"{s.passed} passed, {s.failed} failed, {s.skipped} skipped")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())
