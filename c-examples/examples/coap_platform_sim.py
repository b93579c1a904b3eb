#!/usr/bin/env python3
"""A loopback stand-in for the Alibaba CoAP platform (symmetric-encryption mode), for the
coap_e2e example. Standard library only: its own CoAP decoder/encoder, HMAC check of the auth
sign, and AES-128 written out below (FIPS-197, self-tested at start), so nothing it checks
comes from iotwire.

It serves /auth and /topic/..., checks everything the device sends (sign over the sorted
members, option 2088 token, encrypted seq 2089 greater than seqOffset and increasing, the
encrypted payload), answers with an encrypted reply and option 2090, and after the first
successful publish expires the token so the next publish gets 4.01.

usage: coap_platform_sim.py --example PATH_TO_coap_e2e
       coap_platform_sim.py --example valgrind --example-arg=-q --example-arg PATH_TO_coap_e2e
Exits 0 when the example exits 0 and every check here passed.

--sdk-mode serves an unmodified iotkit-embedded 3.x coap-example instead (the swap-in test,
tests/legacy-swap/run.py): its device (--device), its auth token option (61), any /topic path,
NON requests (the SDK's device-info reports), the legacy first seq (= seqOffset); it records
every datagram the device sends (--capture), stops the example after --publishes requests to
its own topic, and with --bad-padding answers the first of them with a spoofed-looking
1184-byte payload whose decrypted last byte is 0x80 (the SDK's unchecked padding turns that
into a heap overflow). The example reaches the simulator through the LD_PRELOAD helper
tests/legacy-swap/net_redirect.c: --env-port-map names the port it dials.
"""

import argparse
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import threading
import time

PK, DN, DS = "a1NUjcVkHZS", "dev00", "mRPVdzSMu2nVBxzK77ERPIMxSYIvABCD"
IV = b"543yhjy97ae7fyfg"
URI_PATH, CONTENT_FORMAT, ACCEPT = 11, 12, 17
TOKEN_OPT, SEQ_OPT, CLOUD_ID_OPT = 2088, 2089, 2090

# ---- AES-128 (FIPS-197) -----------------------------------------------------------------


def _xtime(a):
    a <<= 1
    return (a ^ 0x11B) & 0xFF if a & 0x100 else a


def _mul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = _xtime(a)
        b >>= 1
    return r


def _sbox():
    inv = [0] * 256
    for a in range(1, 256):
        for b in range(1, 256):
            if _mul(a, b) == 1:
                inv[a] = b
                break
    box = []
    for a in range(256):
        x = inv[a]
        s = x
        for k in range(1, 5):
            s ^= ((x << k) | (x >> (8 - k))) & 0xFF
        box.append(s ^ 0x63)
    return box


SBOX = _sbox()
INV_SBOX = [0] * 256
for _i, _v in enumerate(SBOX):
    INV_SBOX[_v] = _i


def _expand(key):
    w = [list(key[i:i + 4]) for i in range(0, 16, 4)]
    rcon = 1
    for i in range(4, 44):
        t = list(w[i - 1])
        if i % 4 == 0:
            t = [SBOX[b] for b in t[1:] + t[:1]]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        w.append([a ^ b for a, b in zip(w[i - 4], t)])
    return [sum(w[r * 4:r * 4 + 4], []) for r in range(11)]


def _add(s, k):
    return [a ^ b for a, b in zip(s, k)]


def _shift(s, inverse=False):
    out = [0] * 16
    for c in range(4):
        for r in range(4):
            src = ((c - r) % 4) if inverse else ((c + r) % 4)
            out[c * 4 + r] = s[src * 4 + r]
    return out


def _mix(s, m):
    out = []
    for c in range(4):
        col = s[c * 4:c * 4 + 4]
        for r in range(4):
            v = 0
            for k in range(4):
                v ^= _mul(m[(k - r) % 4], col[k])
            out.append(v)
    return out


def aes_block(key, block, decrypt=False):
    rk = _expand(key)
    s = list(block)
    if not decrypt:
        s = _add(s, rk[0])
        for rnd in range(1, 11):
            s = _shift([SBOX[b] for b in s])
            if rnd != 10:
                s = _mix(s, [2, 3, 1, 1])
            s = _add(s, rk[rnd])
    else:
        s = _add(s, rk[10])
        for rnd in range(9, -1, -1):
            s = [INV_SBOX[b] for b in _shift(s, inverse=True)]
            s = _add(s, rk[rnd])
            if rnd != 0:
                s = _mix(s, [14, 11, 13, 9])
    return bytes(s)


def cbc_encrypt(key, plain):
    pad = 16 - len(plain) % 16
    data = plain + bytes([pad]) * pad
    prev, out = IV, b""
    for i in range(0, len(data), 16):
        prev = aes_block(key, bytes(a ^ b for a, b in zip(data[i:i + 16], prev)))
        out += prev
    return out


def cbc_decrypt(key, cipher):
    if not cipher or len(cipher) % 16:
        raise ValueError("ciphertext length")
    prev, out = IV, b""
    for i in range(0, len(cipher), 16):
        blk = cipher[i:i + 16]
        out += bytes(a ^ b for a, b in zip(aes_block(key, blk, decrypt=True), prev))
        prev = blk
    pad = out[-1]
    if not 1 <= pad <= 16 or out[-pad:] != bytes([pad]) * pad:
        raise ValueError("padding")
    return out[:-pad]


def cbc_encrypt_raw(key, plain):
    """CBC with the platform IV and no padding (plain must be whole blocks)."""
    assert len(plain) % 16 == 0
    out, prev = b"", IV
    for i in range(0, len(plain), 16):
        block = aes_block(key, bytes(a ^ b for a, b in zip(plain[i:i + 16], prev)))
        out += block
        prev = block
    return out


def self_test():
    # FIPS-197 appendix C.1.
    key = bytes(range(16))
    pt = bytes.fromhex("00112233445566778899aabbccddeeff")
    ct = bytes.fromhex("69c4e0d86a7b0430d8cdb78070b4c55a")
    assert aes_block(key, pt) == ct and aes_block(key, ct, decrypt=True) == pt
    assert cbc_decrypt(key, cbc_encrypt(key, b"x" * 16)) == b"x" * 16


# ---- CoAP -------------------------------------------------------------------------------


def decode(d):
    if len(d) < 4 or d[0] >> 6 != 1:
        raise ValueError("not CoAP")
    tkl = d[0] & 0x0F
    msg = {"type": (d[0] >> 4) & 3, "code": d[1], "mid": int.from_bytes(d[2:4], "big"),
           "token": d[4:4 + tkl], "options": [], "payload": b""}
    pos, number = 4 + tkl, 0
    while pos < len(d):
        if d[pos] == 0xFF:
            msg["payload"] = d[pos + 1:]
            if not msg["payload"]:
                raise ValueError("marker without payload")
            break
        delta, length = d[pos] >> 4, d[pos] & 0x0F
        pos += 1
        vals = []
        for nib in (delta, length):
            if nib == 13:
                vals.append(d[pos] + 13)
                pos += 1
            elif nib == 14:
                vals.append(int.from_bytes(d[pos:pos + 2], "big") + 269)
                pos += 2
            elif nib == 15:
                raise ValueError("reserved nibble")
            else:
                vals.append(nib)
        number += vals[0]
        msg["options"].append((number, d[pos:pos + vals[1]]))
        pos += vals[1]
    return msg


def _ext(v):
    if v < 13:
        return v, b""
    if v < 269:
        return 13, bytes([v - 13])
    return 14, (v - 269).to_bytes(2, "big")


def encode(mtype, code, mid, token, options, payload=b""):
    out = bytes([0x40 | (mtype << 4) | len(token), code]) + mid.to_bytes(2, "big") + token
    last = 0
    for number, value in sorted(options, key=lambda o: o[0]):
        dn, dx = _ext(number - last)
        ln, lx = _ext(len(value))
        out += bytes([(dn << 4) | ln]) + dx + lx + value
        last = number
    if payload:
        out += b"\xff" + payload
    return out


def opts(msg, number):
    return [v for n, v in msg["options"] if n == number]


# ---- the platform -----------------------------------------------------------------------


class Platform:
    def __init__(self, device=(PK, DN, DS), token_option=TOKEN_OPT, sdk_mode=False,
                 bad_padding=False, user_topic=None):
        self.errors = []
        self.token = None
        self.key = None
        self.seq_offset = 0
        self.last_seq = None
        self.auths = 0
        self.publishes = 0
        self.expire_after_publish = not sdk_mode
        self.pk, self.dn, self.ds = device
        self.token_option = token_option
        self.sdk_mode = sdk_mode
        self.bad_padding = bad_padding
        self.user_topic = user_topic
        self.user_publishes = 0
        self.captured = []
        self.next_mid = 0x7000

    def check(self, cond, what):
        if not cond:
            self.errors.append(what)
        return cond

    def reply(self, m, code, options=(), payload=b""):
        """A piggy-backed ACK to a CON request; a NON response to a NON one."""
        if m["type"] == 1:
            self.next_mid += 1
            return encode(1, code, self.next_mid, m["token"], list(options), payload)
        return encode(2, code, m["mid"], m["token"], list(options), payload)

    def handle(self, d):
        self.captured.append(d)
        m = decode(d)
        if m["code"] == 0 and m["type"] in (2, 3):
            return None  # the device's ACK of a response: nothing to answer
        ok_types = (0, 1) if self.sdk_mode else (0,)
        self.check(m["type"] in ok_types and m["code"] == 0x02, "not a POST request")
        path = [p.decode() for p in opts(m, URI_PATH)]
        if path == ["auth"]:
            return self.auth(m)
        if path[:1] == ["topic"]:
            return self.publish(m, path[1:])
        self.check(False, f"unknown path {path}")
        return self.reply(m, 0x84)

    def auth(self, m):
        self.check(opts(m, CONTENT_FORMAT) == [b"\x32"], "auth Content-Format is not 50")
        self.check(opts(m, ACCEPT) == [b"\x32"], "auth Accept is not 50")
        req = json.loads(m["payload"])
        skip = {"version", "sign", "resources", "signmethod"}
        content = "".join(k + str(req[k]) for k in sorted(req) if k not in skip)
        method = {"hmacmd5": hashlib.md5, "hmacsha1": hashlib.sha1}[req.get("signmethod", "hmacmd5")]
        want = hmac.new(self.ds.encode(), content.encode(), method).hexdigest()
        if not self.check(req.get("sign") == want, f"bad sign over {content!r}"):
            return self.reply(m, 0x81)
        self.check(req["productKey"] == self.pk and req["deviceName"] == self.dn, "wrong device")
        self.check("seq" in req, "symmetric auth without seq")
        self.auths += 1
        random = f"ad2b3a5eb51d64{self.auths:02x}"
        self.seq_offset = 100 * self.auths
        self.token = f"TOKEN{self.auths}.abcd"
        self.key = hashlib.sha256(f"{self.ds},{random}".encode()).digest()[8:24]
        self.last_seq = None
        body = json.dumps({"random": random, "seqOffset": self.seq_offset, "token": self.token},
                          separators=(",", ":")).encode()
        return self.reply(m, 0x45, [(CONTENT_FORMAT, b"\x32")], body)

    def publish(self, m, topic):
        if not self.sdk_mode:
            self.check(topic == ["sys", self.pk, self.dn, "thing", "event", "property", "post"],
                       f"topic {topic}")
        token = opts(m, self.token_option)
        if self.token is None or token != [self.token.encode()]:
            # Expired or unknown token: what the platform answers, no payload.
            return self.reply(m, 0x81)
        try:
            seq = int(cbc_decrypt(self.key, opts(m, SEQ_OPT)[0]).decode())
            plain = cbc_decrypt(self.key, m["payload"])
            req = json.loads(plain)
        except (ValueError, IndexError) as e:
            self.check(False, f"publish does not decrypt: {e}")
            return self.reply(m, 0x80)
        # The documented first seq is seqOffset + 1; iotkit-embedded 3.x sends seqOffset itself.
        first_ok = seq >= self.seq_offset if self.sdk_mode else seq > self.seq_offset
        self.check(first_ok, f"seq {seq} below seqOffset {self.seq_offset}")
        self.check(self.last_seq is None or seq > self.last_seq, f"seq {seq} not increasing")
        self.last_seq = seq
        self.publishes += 1
        if self.sdk_mode:
            user = topic == self.user_topic
            if user:
                self.user_publishes += 1
            if user and self.bad_padding and self.user_publishes == 1:
                # 74 blocks whose plaintext ends in 0x80: bad PKCS#7 padding, and to a decoder
                # that trusts a signed last byte, a length 128 bytes past the buffer.
                body = cbc_encrypt_raw(self.key, b"A" * 1183 + b"\x80")
                return self.reply(m, 0x45, [(CONTENT_FORMAT, b"\x32")], body)
            reply = json.dumps({"code": 200, "data": {}, "message": "success"},
                               separators=(",", ":")).encode()
            return self.reply(m, 0x45, [(CONTENT_FORMAT, b"\x32")], cbc_encrypt(self.key, reply))
        reply = json.dumps({"code": 200, "data": {}, "id": req["id"], "message": "success",
                            "method": "thing.event.property.post", "version": "1.0"},
                           separators=(",", ":")).encode()
        out = encode(2, 0x45, m["mid"], m["token"],
                     [(CONTENT_FORMAT, b"\x32"), (CLOUD_ID_OPT, f"{1000 + self.publishes}".encode())],
                     cbc_encrypt(self.key, reply))
        if self.expire_after_publish:
            self.expire_after_publish = False
            self.token = None
        return out


def serve(sock, platform, stop):
    while not stop.is_set():
        try:
            data, peer = sock.recvfrom(2048)
        except socket.timeout:
            continue
        try:
            reply = platform.handle(data)
        except Exception as e:  # a malformed datagram is a test failure, not a crash
            platform.errors.append(f"handler: {e!r}")
            continue
        if reply is not None:
            sock.sendto(reply, peer)


def run_sdk_example(a, sock, platform, stop):
    """Runs an iotkit-embedded coap-example until it made --publishes requests to its topic."""
    env = dict(os.environ)
    env["KIT_PORT_MAP"] = f"{a.env_port_map}={sock.getsockname()[1]}"
    if a.preload:
        env["LD_PRELOAD"] = a.preload
    proc = subprocess.Popen([a.example, *a.example_arg], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    out = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True)
    reader.start()
    deadline = time.monotonic() + a.timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if platform.user_publishes >= a.publishes:
            time.sleep(0.5)  # let the device handle the last response
            break
        time.sleep(0.05)
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    reader.join(timeout=5)
    stop.set()
    text = (out[0] if out else b"").decode(errors="replace")
    if a.capture:
        with open(a.capture, "w") as f:
            for d in platform.captured:
                f.write(d.hex() + "\n")
    summary = {"auths": platform.auths, "publishes": platform.publishes,
               "user_publishes": platform.user_publishes, "errors": platform.errors,
               "returncode": proc.returncode, "output_tail": text[-20000:]}
    if a.summary:
        with open(a.summary, "w") as f:
            json.dump(summary, f, indent=1)
    for e in platform.errors:
        print("simulator:", e)
    return 1 if platform.errors or platform.auths < 1 else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--example", required=True)
    ap.add_argument("--example-arg", action="append", default=[],
                    help="runs --example with these arguments first (e.g. under valgrind)")
    ap.add_argument("--sdk-mode", action="store_true", help="serve an iotkit-embedded coap-example")
    ap.add_argument("--device", default=f"{PK},{DN},{DS}", help="PK,DN,DS")
    ap.add_argument("--token-option", type=int, default=TOKEN_OPT)
    ap.add_argument("--user-topic", default="", help="the example's own topic, / separated")
    ap.add_argument("--publishes", type=int, default=2)
    ap.add_argument("--bad-padding", action="store_true")
    ap.add_argument("--capture", help="file for the device's datagrams, one hex line each")
    ap.add_argument("--summary", help="file for a JSON summary of the run")
    ap.add_argument("--env-port-map", default="5682", help="the port the example dials")
    ap.add_argument("--preload", help="LD_PRELOAD for the example (tests/legacy-swap/net_redirect.c)")
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    self_test()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    device = tuple(a.device.split(","))
    user_topic = [p for p in a.user_topic.split("/") if p] or None
    platform, stop = Platform(device, a.token_option, a.sdk_mode, a.bad_padding, user_topic), \
        threading.Event()
    t = threading.Thread(target=serve, args=(sock, platform, stop), daemon=True)
    t.start()
    if a.sdk_mode:
        rc = run_sdk_example(a, sock, platform, stop)
        t.join()
        return rc
    proc = subprocess.run([a.example, *a.example_arg, str(sock.getsockname()[1])], timeout=120)
    stop.set()
    t.join()
    platform.check(platform.auths == 2, f"{platform.auths} auths, expected 2")
    platform.check(platform.publishes == 2, f"{platform.publishes} publishes, expected 2")
    for e in platform.errors:
        print("simulator:", e)
    if proc.returncode != 0 or platform.errors:
        print(f"FAIL (example exit {proc.returncode}, {len(platform.errors)} simulator errors)")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
