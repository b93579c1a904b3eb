#!/usr/bin/env python3
"""The iotkit-embedded 3.x swap-in proof (scripts/legacy-swap-test.sh runs it).

For each of three make.settings variants of the legacy tree (TLS off so that local simulators
can stand in for the cloud), it builds the unmodified tree and a copy passed through
scripts/swap-in-iotkit.sh, both with the SDK's own `make`, then:

  - checks that the swapped libiot_sdk.a holds none of the replaced objects;
  - runs each SDK example of the enabled features, unmodified, against a loopback simulator
    (Mosquitto behind a recording relay, c-examples/examples/coap_platform_sim.py, the HTTP
    and MQTT servers of sims.py) through the LD_PRELOAD helper net_redirect.c (DNS to
    127.0.0.1, the cloud's ports to the simulators', a fixed HAL_Random), and requires the
    swapped build's client-to-server bytes to equal the unmodified build's;
  - shows each legacy defect of a replaced file on the unmodified build and gone on the
    swapped one (CoAP padding heap overflow under ASan, constant HTTPS registration random,
    MQTT registration wild memset, HMAC keys over 64 bytes);
  - measures the mqtt-example image of both (text+data+bss) and holds the swapped one to the
    budget in tests/legacy-swap/size-budget.txt.

Prints a report; exits non-zero on the first failed check.

usage: run.py --sdk DIR --work DIR --repo DIR [--cli PATH_TO_iotwire-cli]
"""

import argparse
import hashlib
import hmac
import json
import os
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sims  # noqa: E402

# make.settings switches per variant (on top of the shipped file, TLS always off).
CONFIGS = {
    "mqtt": [],
    "full": ["COAP_COMM_ENABLED", "COAP_CLIENT", "COAP_PACKET", "COAP_DTLS_SUPPORT", "INFRA_AES",
             "INFRA_MD5", "INFRA_SHA1", "INFRA_JSON_PARSER", "INFRA_HTTPC", "HTTP_COMM_ENABLED",
             "DYNAMIC_REGISTER", "HTTP_DYNAMIC_REGISTER", "HAL_KV"],
    "mqttreg": ["DYNAMIC_REGISTER", "MQTT_DYNAMIC_REGISTER", "INFRA_JSON_PARSER", "HAL_KV"],
}
REPLACED = {  # object -> switch that compiles the replaced file
    "dev_sign_mqtt.o": None, "infra_sha256.o": None, "infra_md5.o": None, "infra_sha1.o": None,
    "infra_aes.o": None, "iotx_coap_api.o": "COAP_CLIENT", "iotx_http_api.o": "HTTP_COMM_ENABLED",
    "dynreg.o": "DYNAMIC_REGISTER",
}
# The examples' devices: ProductKey -> (DeviceName, DeviceSecret, ProductSecret).
DEVICES = {
    "a1MZxOdcBnO": ("example1", "jiPvZkVO9lhNj2Q9f2KdP4Yln7ACJI3X", "h4I4dneEFp7EImTv"),
    "a1RIsMLz2BJ": ("example1", "RDXf67itLqZCwdMCRrw0N5FHbv5D7jrE", "fSAF0hle6xL0oRWd"),
    "a1KqSriAwh0": ("basic_test_01", "5gme06iFl3W1g8non2ksVs5e8Qlus4Hw", ""),
    "a1ZETBPbycq": ("example1", "", "L68wCVXYUaNg1Ey9"),
}


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)
    print(f"  ok: {what}")


def sh(cmd, log=None, **kw):
    if log:
        with open(log, "ab") as f:
            r = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, **kw)
    else:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)
    if r.returncode != 0:
        tail = open(log, errors="replace").read()[-3000:] if log else r.stdout.decode(errors="replace")
        raise Failure(f"{' '.join(map(str, cmd))} failed ({r.returncode}):\n{tail}")
    return r


class Env:
    def __init__(self, a):
        self.sdk = a.sdk
        self.work = a.work
        self.repo = a.repo
        self.cli = a.cli
        self.preload = os.path.join(self.work, "net_redirect.so")
        self.report = []

    def note(self, line):
        print(line)
        self.report.append(line)


# ---- trees ------------------------------------------------------------------------------

def apply_settings(tree, switches):
    path = os.path.join(tree, "make.settings")
    os.chmod(path, 0o644)
    lines = open(path).read().splitlines()
    out = []
    for line in lines:
        if line == "FEATURE_SUPPORT_TLS=y":
            line = "# FEATURE_SUPPORT_TLS is not set"
        for s in switches:
            if line == f"# FEATURE_{s} is not set":
                line = f"FEATURE_{s}=y"
        out.append(line)
    for s in switches:
        if f"FEATURE_{s}=y" not in out:
            out.append(f"FEATURE_{s}=y")
    open(path, "w").write("\n".join(out) + "\n")


def prepare(env, name, switches, swap):
    """Copies (once), configures and builds one tree; returns its path. A tree whose stamp
    (the variant) matches is rebuilt incrementally by the SDK's make."""
    tree = os.path.join(env.work, f"{'kit' if swap else 'orig'}-{name}")
    stamp = os.path.join(env.work, f"{'kit' if swap else 'orig'}-{name}.stamp")
    want = json.dumps(switches)
    if not (os.path.isdir(tree) and os.path.exists(stamp) and open(stamp).read() == want):
        shutil.rmtree(tree, ignore_errors=True)
        shutil.copytree(env.sdk, tree, symlinks=True)
        for root, dirs, files in os.walk(tree):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        apply_settings(tree, switches)
        open(stamp, "w").write(want)
    log = os.path.join(env.work, f"{os.path.basename(tree)}.log")
    open(log, "w").close()
    if swap:
        sh([os.path.join(env.repo, "scripts", "swap-in-iotkit.sh"), tree], log=log)
    if not os.path.exists(os.path.join(tree, "output", "release", "lib", "libiot_sdk.a")) or swap:
        sh(["make", "-C", tree, "-j2"], log=log)
    return tree


def tree_cflags(tree):
    for line in open(os.path.join(tree, ".O", ".sub-build.env")):
        if line.startswith("CFLAGS := "):
            return [f for f in line.split()[2:] if f not in ("-rdynamic", "-Os")]
    raise Failure(f"{tree}: no CFLAGS in .O/.sub-build.env")


def tree_iflags(tree):
    out, on = [], False
    for line in open(os.path.join(tree, ".O", ".one_makefile")):
        if line.startswith("IFLAGS"):
            on = True
            continue
        if on:
            word = line.strip().rstrip("\\").strip()
            if not word.startswith("-I"):
                break
            out.append(word)
    return out


def tree_libs(tree):
    libs = ["-L.O/usr/lib", "-liot_sdk", "-liot_hal", "-liot_tls"]
    if os.path.isdir(os.path.join(tree, "src", "iotwire")):
        # As the kit's LDFLAGS line links programs (scripts/swap-in-iotkit.sh).
        libs += ["-Lsrc/iotwire/lib", "-liotwire", "-Wl,--gc-sections"]
    return libs + ["-lpthread", "-lrt"]


def build_program(tree, out, sources, extra=()):
    """Compiles sources of the tree (SDK flags and include path) and links them against the
    tree's libraries, as the SDK's makefile links its examples."""
    cmd = ["gcc", "-g", *extra, *tree_cflags(tree), *tree_iflags(tree), *sources, *tree_libs(tree), "-o", out]
    sh(cmd, cwd=tree)
    return out


# ---- running an example -------------------------------------------------------------------

def example_env(env, ports, random_bytes=b"\x01\x02\x03\x04"):
    rnd = os.path.join(env.work, f"random-{random_bytes.hex()}")
    open(rnd, "wb").write(random_bytes)
    e = dict(os.environ)
    e.update({"LD_PRELOAD": env.preload, "KIT_RANDOM_FILE": rnd, "KIT_SELECT_CAP_MS": "200",
              "KIT_PORT_MAP": ",".join(f"{k}={v}" for k, v in ports.items()),
              "ASAN_OPTIONS": "verify_asan_link_order=0:detect_leaks=0"})
    return e


def run_until(cmd, environ, cwd, done, timeout=30, log=None):
    """Runs an example until done() or it exits; returns (returncode, output)."""
    with open(log, "wb") if log else open(os.devnull, "wb") as out:
        p = subprocess.Popen(cmd, env=environ, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while p.poll() is None and time.monotonic() < deadline and not done():
            time.sleep(0.05)
        if p.poll() is None:
            time.sleep(0.3)
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    text = open(log, errors="replace").read() if log else ""
    return p.returncode, text


# ---- scenarios ----------------------------------------------------------------------------

def kit_warnings(env, tree):
    """The kit's C compiles without warnings (the SDK builds it with -w) for this build."""
    flags = [f for f in tree_cflags(tree) if f != "-w"]
    bad = []
    for f in sorted(os.listdir(os.path.join(tree, "src/iotwire"))):
        if f.endswith(".c"):
            r = subprocess.run(["gcc", "-c", "-o", os.devnull, "-std=gnu99", "-Wall", "-Wextra", *flags,
                                *tree_iflags(tree), f"src/iotwire/{f}"], cwd=tree, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
            bad += [l for l in r.stdout.decode().splitlines() if l.startswith("src/iotwire/")]
    check(not bad, f"{os.path.basename(tree)}: kit sources compile without warnings (-Wall -Wextra) {bad[:3]}")


def library_contents(env, tree, switches):
    members = set(subprocess.run(["ar", "t", os.path.join(tree, "output/release/lib/libiot_sdk.a")],
                                 stdout=subprocess.PIPE, check=True).stdout.decode().split())
    gone = [o for o, sw in REPLACED.items() if sw is None or sw in switches]
    check(not (members & set(gone)), f"{os.path.basename(tree)}: libiot_sdk.a holds none of {', '.join(gone)}")
    kit = sorted(m for m in members if m.startswith("kit_"))
    check(kit, f"{os.path.basename(tree)}: libiot_sdk.a holds the kit objects ({len(kit)})")


def scenario_mqtt(env, orig, kit):
    """mqtt-example against Mosquitto: the first four packets (CONNECT, the firmware version
    report, SUBSCRIBE, the first publish), byte for byte."""
    broker_port = sims.free_port()
    conf = os.path.join(env.work, "mosquitto.conf")
    open(conf, "w").write(f"listener {broker_port} 127.0.0.1\nallow_anonymous true\n")
    broker = subprocess.Popen(["mosquitto", "-c", conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        streams = {}
        for label, tree in (("unmodified", orig), ("swapped", kit)):
            relay = sims.MqttRelay(sims.free_port(), broker_port, packets=4)
            relay.start()
            rc, _ = run_until([os.path.join(tree, "output/release/bin/mqtt-example")],
                              example_env(env, {"443": relay.port}), tree, relay.done.is_set,
                              log=os.path.join(env.work, f"mqtt-{label}.log"))
            relay.stop()
            check(relay.done.is_set(), f"mqtt-example ({label}) sent 4 packets to the broker")
            # Byte 2 is "session present": 1 for the second run (the SDK connects with clean session 0).
            check(relay.received[:2] == b"\x20\x02" and relay.received[3:4] == b"\x00",
                  f"mqtt-example ({label}): Mosquitto accepted (CONNACK return code 0)")
            streams[label] = b"".join(sims.mqtt_packets(relay.sent)[:4])
        check(streams["unmodified"] == streams["swapped"],
              f"mqtt-example: swapped bytes equal unmodified ({len(streams['swapped'])} B)")
        connect = sims.mqtt_packets(streams["swapped"])[0]
        cid, user, pwd = sims.connect_fields(connect)
        pk = "a1MZxOdcBnO"
        dn, ds, _ = DEVICES[pk]
        content = f"clientId{pk}.{dn}deviceName{dn}productKey{pk}timestamp2524608000000"
        check(pwd == hmac.new(ds.encode(), content.encode(), hashlib.sha256).hexdigest().upper(),
              "mqtt-example: the CONNECT password is Python's HMAC-SHA256 of the sign content")
        flags, keepalive = sims.connect_header(connect)
        check(flags == 0xC0, "mqtt-example: CONNECT flags 0xc0 (clean session 0, as the SDK sends)")
        env.note(f"mqtt-example: {len(streams['swapped'])} B, 4 packets, identical; client id {cid}")
        if env.cli:
            out = subprocess.run([env.cli, "mqtt-connect-packet", "--product-key", pk, "--device-name", dn,
                                  "--device-secret", ds, "--profile", "v3.2.0-tcp", "--keepalive", str(keepalive),
                                  "--keep-session"], stdout=subprocess.PIPE, check=True).stdout
            packet = bytes.fromhex(json.loads(out)["packet_hex"])
            check(packet == connect, "iotwire's CONNECT encoder (IOTWIRE_MQTT_FLAG_KEEP_SESSION) writes "
                                     "the SDK's CONNECT byte for byte")
    finally:
        broker.terminate()
        broker.wait()


def coap_run(env, tree, exe, label, bad_padding):
    sim = os.path.join(env.repo, "c-examples/examples/coap_platform_sim.py")
    pk = "a1RIsMLz2BJ"
    dn, ds, _ = DEVICES[pk]
    capture = os.path.join(env.work, f"coap-{label}.hex")
    summary = os.path.join(env.work, f"coap-{label}.json")
    e = example_env(env, {})
    del e["LD_PRELOAD"]  # the simulator sets it for the example only
    cmd = [sys.executable, sim, "--sdk-mode", "--preload", env.preload, "--example", exe, "--example-arg=-l",
           "--device", f"{pk},{dn},{ds}", "--token-option", "61", "--user-topic", f"{pk}/{dn}/user/update",
           "--publishes", "2", "--capture", capture, "--summary", summary, "--timeout", "40"]
    if bad_padding:
        cmd.append("--bad-padding")
    r = subprocess.run(cmd, env=e, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    s = json.load(open(summary))
    s["simulator_rc"] = r.returncode
    s["captured"] = open(capture).read().split() if os.path.exists(capture) else []
    return s


def scenario_coap(env, orig, kit):
    """coap-example (symmetric mode) against the project's CoAP platform simulator; then a
    spoofed response whose padding byte is 0x80, under ASan."""
    runs = {}
    for label, tree in (("unmodified", orig), ("swapped", kit)):
        s = coap_run(env, tree, os.path.join(tree, "output/release/bin/coap-example"), label, False)
        check(s["simulator_rc"] == 0 and s["auths"] == 1 and s["user_publishes"] >= 2,
              f"coap-example ({label}) authenticated (sign checked) and published twice, "
              f"seq and payload decrypted by the simulator")
        runs[label] = s["captured"]
    check(runs["unmodified"] == runs["swapped"],
          f"coap-example: swapped datagrams equal unmodified ({len(runs['swapped'])} datagrams, "
          f"{sum(len(d) // 2 for d in runs['swapped'])} B)")
    env.note(f"coap-example: {len(runs['swapped'])} datagrams "
             f"({sum(len(d) // 2 for d in runs['swapped'])} B: auth, device-info report, 2 publishes), identical")
    # The replaced file itself built with ASan (the rest of the SDK as is): the unmodified
    # one's decrypt trusts the last byte.
    for label, tree, src in (("unmodified", orig, "src/coap/client/iotx_coap_api.c"),
                             ("swapped", kit, "src/iotwire/kit_coap_api.c")):
        exe = build_program(tree, os.path.join(env.work, f"coap-example-asan-{label}"),
                            ["src/coap/examples/coap_example.c", src], extra=["-O1", "-fsanitize=address"])
        s = coap_run(env, tree, exe, f"asan-{label}", True)
        asan = "AddressSanitizer: heap-buffer-overflow" in s["output_tail"]
        if label == "unmodified":
            where = [l.strip() for l in s["output_tail"].splitlines() if l.strip().startswith("#0")][:1]
            check(asan, f"padding defect shown: unmodified decrypt of a 0x80 pad byte -> ASan heap-buffer-overflow {where}")
        else:
            check(not asan and s["user_publishes"] >= 2,
                  "padding defect gone: swapped build refuses the payload (IOTX_ERR_INVALID_PARAM) and keeps running")


def scenario_http(env, orig, kit):
    """http_example (which the SDK's makefile never builds: its iot.mk tests COMM_HTTP_ENABLED)
    compiled and linked the same way against each tree."""
    reqs = {}
    for label, tree in (("unmodified", orig), ("swapped", kit)):
        exe = build_program(tree, os.path.join(env.work, f"http-example-{label}"), ["src/http/examples/http_example.c"])
        srv = sims.HttpServer(sims.free_port(), DEVICES)
        srv.start()
        rc, _ = run_until([exe], example_env(env, {"443": srv.port}), tree, lambda: False, timeout=30,
                          log=os.path.join(env.work, f"http-{label}.log"))
        srv.stop()
        paths = [r.split(b" ")[1].decode() for r in srv.requests]
        check(rc == 0 and not srv.errors and len(paths) == 6 and paths[0] == "/auth",
              f"http_example ({label}): auth (sign checked), device-info and firmware reports, 3 publishes "
              f"with the token ({len(paths)} requests, errors {srv.errors})")
        reqs[label] = srv.requests
    check(reqs["unmodified"] == reqs["swapped"],
          f"http_example: swapped requests equal unmodified ({sum(map(len, reqs['swapped']))} B)")
    env.note(f"http_example: {len(reqs['swapped'])} requests (auth, 2 reports, 3 publishes), "
             f"{sum(map(len, reqs['swapped']))} B, identical")


def scenario_dynreg_https(env, orig, kit):
    """dynreg-example over HTTPS (TLS off): the SDK's random is a constant; the kit's comes
    from HAL_Random. Everything else in the request is the SDK's."""
    got = {}
    for label, tree in (("unmodified", orig), ("swapped", kit)):
        for rnd in (b"\x01\x02\x03\x04", b"\xa5\x5a\x0f\xf0"):
            srv = sims.HttpServer(sims.free_port(), DEVICES)
            srv.start()
            rc, out = run_until([os.path.join(tree, "output/release/bin/dynreg-example")],
                                example_env(env, {"443": srv.port}, rnd), tree, lambda: False, timeout=30,
                                log=os.path.join(env.work, f"dynreg-{label}-{rnd.hex()}.log"))
            srv.stop()
            check(rc == 0 and not srv.errors and "DYNREGsecret0123456789abcdef0123" in out,
                  f"dynreg-example ({label}, HAL random {rnd.hex()}): sign checked, device secret received")
            got[(label, rnd)] = srv.requests[0]
    o1, o2 = got[("unmodified", b"\x01\x02\x03\x04")], got[("unmodified", b"\xa5\x5a\x0f\xf0")]
    k1, k2 = got[("swapped", b"\x01\x02\x03\x04")], got[("swapped", b"\xa5\x5a\x0f\xf0")]
    check(o1 == o2 and b"random=8Ygb7ULYh53B6OA&" in o1,
          "constant-random defect shown: unmodified sends random=8Ygb7ULYh53B6OA whatever the HAL random")
    check(b"random=0102030401020304&" in k1 and b"random=A55A0FF0A55A0FF0&" in k2,
          "constant-random defect gone: swapped random is the HAL's (0102030401020304, A55A0FF0A55A0FF0)")

    def shape(req):
        head, _, body = req.partition(b"\r\n\r\n")
        form = dict(kv.split(b"=", 1) for kv in body.split(b"&"))
        form[b"random"] = form[b"sign"] = b"*"
        head = b"\r\n".join(l for l in head.split(b"\r\n") if not l.lower().startswith(b"content-length"))
        return head, sorted(form.items()), list(dict(kv.split(b"=", 1) for kv in body.split(b"&")))
    check(shape(o1) == shape(k1), "dynreg-example: swapped request equals unmodified but for random and sign "
                                  "(same head, same fields in the same order)")
    env.note(f"dynreg-example (HTTPS): request {len(k1)} B; random/sign from HAL_Random, rest identical")


def scenario_dynreg_mqtt(env, orig, kit):
    """dynreg-example over MQTT (MQTT_DYNAMIC_REGISTER): identical CONNECT; a reply with a
    2-character deviceSecret crashes the unmodified build (its masking memset is handed a
    negative length) and is refused by the swapped one."""
    connects = {}
    for secret, what in (("MQsecret0123456789abcdef01234567", "normal"), ("ab", "short")):
        for label, tree in (("unmodified", orig), ("swapped", kit)):
            srv = sims.MqttRegisterServer(sims.free_port(), DEVICES, secret)
            srv.start()
            rc, out = run_until([os.path.join(tree, "output/release/bin/dynreg-example")],
                                example_env(env, {"443": srv.port}), tree, lambda: False, timeout=40,
                                log=os.path.join(env.work, f"mqttreg-{what}-{label}.log"))
            srv.stop()
            check(not srv.errors, f"dynreg-example MQTT ({label}, {what} secret): CONNECT password checked")
            if what == "normal":
                check(rc == 0 and secret in out, f"dynreg-example MQTT ({label}): device secret received")
                connects[label] = sims.mqtt_packets(srv.sent)[0]
            elif label == "unmodified":
                check(rc < 0 or rc > 128, f"wild-memset defect shown: unmodified dies on a 2-character "
                                          f"deviceSecret (signal {-rc if rc < 0 else rc - 128})")
            else:
                check(rc == 255 and "IOT_Dynamic_Register failed" in out,
                      "wild-memset defect gone: swapped refuses the reply, IOT_Dynamic_Register returns an error")
    check(connects["unmodified"] == connects["swapped"],
          f"dynreg-example MQTT: swapped CONNECT equals unmodified ({len(connects['swapped'])} B)")
    env.note(f"dynreg-example (MQTT): CONNECT {len(connects['swapped'])} B identical; client id "
             f"{sims.connect_fields(connects['swapped'])[0]}")


HMAC_PROBE = r"""
#include <stdio.h>
#include <string.h>
#include "infra_types.h"
#include "infra_sha256.h"
#include "infra_md5.h"
#include "infra_sha1.h"
int main(void)
{
    char key[100];
    const char *msg = "Test Using Larger Than Block-Size Key";
    uint8_t s256[32];
    char md5hex[32], sha1hex[40];
    int i;
    for (i = 0; i < 100; i++) key[i] = (char)(0x20 + i % 90);
    memset(s256, 0xAA, sizeof s256); memset(md5hex, 'x', sizeof md5hex); memset(sha1hex, 'x', sizeof sha1hex);
    utils_hmac_sha256((const uint8_t *)msg, strlen(msg), (const uint8_t *)key, 100, s256);
    utils_hmac_md5(msg, (int)strlen(msg), md5hex, key, 100);
    utils_hmac_sha1(msg, (int)strlen(msg), sha1hex, key, 100);
    for (i = 0; i < 32; i++) printf("%02x", s256[i]);
    printf(" %.32s %.40s\n", md5hex, sha1hex);
    return 0;
}
"""


def scenario_hmac_long_key(env, orig, kit):
    key = bytes(0x20 + i % 90 for i in range(100))
    msg = b"Test Using Larger Than Block-Size Key"
    want = (hmac.new(key, msg, hashlib.sha256).hexdigest(), hmac.new(key, msg, hashlib.md5).hexdigest(),
            hmac.new(key, msg, hashlib.sha1).hexdigest())
    src = os.path.join(env.work, "hmac_probe.c")
    open(src, "w").write(HMAC_PROBE)
    outs = {}
    for label, tree in (("unmodified", orig), ("swapped", kit)):
        exe = build_program(tree, os.path.join(env.work, f"hmac-probe-{label}"), [src])
        outs[label] = tuple(subprocess.run([exe], stdout=subprocess.PIPE, check=True).stdout.decode().split())
    check(outs["unmodified"] == ("aa" * 32, "x" * 32, "x" * 40),
          "long-key defect shown: unmodified utils_hmac_sha256/md5/sha1 write nothing for a 100-byte key")
    check(outs["swapped"] == want, "long-key defect gone: swapped results equal Python's hmac (RFC 2104)")


def image_size(path):
    out = subprocess.run(["size", path], stdout=subprocess.PIPE, check=True).stdout.decode().splitlines()[1]
    return int(out.split()[3])


def scenario_size(env, orig, kit):
    sizes = {}
    for label, tree in (("unmodified", orig), ("swapped", kit)):
        stripped = os.path.join(env.work, f"mqtt-example-{label}.stripped")
        shutil.copy(os.path.join(tree, "output/release/bin/mqtt-example"), stripped)
        subprocess.run(["strip", stripped], check=True)
        # Both relinked with --gc-sections (the swapped tree's programs link with it anyway), so
        # that this figure compares the code, not the link flags.
        relinked = build_program(tree, os.path.join(env.work, f"mqtt-example-{label}.nordynamic"),
                                 ["src/mqtt/examples/mqtt_example.c", "extension/state_desc.c"],
                                 extra=["-Os", "-s", "-Wl,--gc-sections"])
        sizes[label] = (image_size(stripped), image_size(relinked))
    budget = int(open(os.path.join(env.repo, "tests/legacy-swap/size-budget.txt")).read().split()[0])
    (ou, on), (ku, kn) = sizes["unmodified"], sizes["swapped"]
    env.note(f"mqtt-example image (text+data+bss, stripped), TLS off: as the SDK links it (-rdynamic) "
             f"unmodified {ou:,} B, swapped {ku:,} B ({ku - ou:+,}); relinked without -rdynamic, both with --gc-sections "
             f"unmodified {on:,} B, swapped {kn:,} B ({kn - on:+,})")
    check(ku - ou <= budget, f"mqtt-example: swapped image within the budget (unmodified {budget:+,} B; "
                             f"target 0, see tests/legacy-swap/size-budget.txt)")


def example_images(env, orig, kit, name):
    """Notes the image of each example both trees built (stripped, as the SDK links them);
    measured, not budgeted: the budget is mqtt-example's in the MQTT-only tree."""
    parts = []
    bindir = os.path.join("output", "release", "bin")
    for ex in sorted(os.listdir(os.path.join(kit, bindir))):
        sizes = []
        for label, tree in (("unmodified", orig), ("swapped", kit)):
            path = os.path.join(tree, bindir, ex)
            if not os.path.isfile(path):
                break
            stripped = os.path.join(env.work, f"{name}-{ex}-{label}.stripped")
            shutil.copy(path, stripped)
            subprocess.run(["strip", stripped], check=True)
            sizes.append(image_size(stripped))
        if len(sizes) == 2:
            parts.append(f"{ex} {sizes[0]:,} -> {sizes[1]:,} ({sizes[1] - sizes[0]:+,})")
    env.note(f"{name} tree images (text+data+bss, stripped, as the SDK links them): " + "; ".join(parts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sdk", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--cli")
    a = ap.parse_args()
    env = Env(a)
    os.makedirs(env.work, exist_ok=True)
    sh(["gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-o", env.preload,
        os.path.join(a.repo, "tests/legacy-swap/net_redirect.c"), "-ldl"])
    try:
        for name, switches in CONFIGS.items():
            print(f"== {name}: {', '.join(switches) or 'the shipped make.settings'} (TLS off)")
            start = time.monotonic()
            orig = prepare(env, name, switches, swap=False)
            kit = prepare(env, name, switches, swap=True)
            print(f"  built in {time.monotonic() - start:.0f} s")
            library_contents(env, kit, switches)
            kit_warnings(env, kit)
            if name == "mqtt":
                scenario_mqtt(env, orig, kit)
                scenario_size(env, orig, kit)
            elif name == "full":
                scenario_coap(env, orig, kit)
                scenario_http(env, orig, kit)
                scenario_dynreg_https(env, orig, kit)
                scenario_hmac_long_key(env, orig, kit)
                example_images(env, orig, kit, name)
            else:
                scenario_dynreg_mqtt(env, orig, kit)
                example_images(env, orig, kit, name)
    except Failure as e:
        print(f"FAIL: {e}")
        return 1
    print("\nlegacy swap-in report:")
    for line in env.report:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
