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
"""

import argparse
import hashlib
import hmac
import json
import socket
import subprocess
import sys
import threading

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
    def __init__(self):
        self.errors = []
        self.token = None
        self.key = None
        self.seq_offset = 0
        self.last_seq = None
        self.auths = 0
        self.publishes = 0
        self.expire_after_publish = True

    def check(self, cond, what):
        if not cond:
            self.errors.append(what)
        return cond

    def handle(self, d):
        m = decode(d)
        self.check(m["type"] == 0 and m["code"] == 0x02, "not a CON POST")
        path = [p.decode() for p in opts(m, URI_PATH)]
        if path == ["auth"]:
            return self.auth(m)
        if path[:1] == ["topic"]:
            return self.publish(m, path[1:])
        self.check(False, f"unknown path {path}")
        return encode(2, 0x84, m["mid"], m["token"], [])

    def auth(self, m):
        self.check(opts(m, CONTENT_FORMAT) == [b"\x32"], "auth Content-Format is not 50")
        self.check(opts(m, ACCEPT) == [b"\x32"], "auth Accept is not 50")
        req = json.loads(m["payload"])
        skip = {"version", "sign", "resources", "signmethod"}
        content = "".join(k + str(req[k]) for k in sorted(req) if k not in skip)
        method = {"hmacmd5": hashlib.md5, "hmacsha1": hashlib.sha1}[req.get("signmethod", "hmacmd5")]
        want = hmac.new(DS.encode(), content.encode(), method).hexdigest()
        if not self.check(req.get("sign") == want, f"bad sign over {content!r}"):
            return encode(2, 0x81, m["mid"], m["token"], [])
        self.check(req["productKey"] == PK and req["deviceName"] == DN, "wrong device")
        self.check("seq" in req, "symmetric auth without seq")
        self.auths += 1
        random = f"ad2b3a5eb51d64{self.auths:02x}"
        self.seq_offset = 100 * self.auths
        self.token = f"TOKEN{self.auths}.abcd"
        self.key = hashlib.sha256(f"{DS},{random}".encode()).digest()[8:24]
        self.last_seq = None
        body = json.dumps({"random": random, "seqOffset": self.seq_offset, "token": self.token},
                          separators=(",", ":")).encode()
        return encode(2, 0x45, m["mid"], m["token"], [(CONTENT_FORMAT, b"\x32")], body)

    def publish(self, m, topic):
        self.check(topic == ["sys", PK, DN, "thing", "event", "property", "post"],
                   f"topic {topic}")
        token = opts(m, TOKEN_OPT)
        if self.token is None or token != [self.token.encode()]:
            # Expired or unknown token: what the platform answers, no payload.
            return encode(2, 0x81, m["mid"], m["token"], [])
        try:
            seq = int(cbc_decrypt(self.key, opts(m, SEQ_OPT)[0]).decode())
            plain = cbc_decrypt(self.key, m["payload"])
            req = json.loads(plain)
        except (ValueError, IndexError) as e:
            self.check(False, f"publish does not decrypt: {e}")
            return encode(2, 0x80, m["mid"], m["token"], [])
        self.check(seq > self.seq_offset, f"seq {seq} not above seqOffset {self.seq_offset}")
        self.check(self.last_seq is None or seq > self.last_seq, f"seq {seq} not increasing")
        self.last_seq = seq
        self.publishes += 1
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
        sock.sendto(reply, peer)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--example", required=True)
    ap.add_argument("--example-arg", action="append", default=[],
                    help="runs --example with these arguments first (e.g. under valgrind)")
    a = ap.parse_args()
    self_test()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(0.2)
    platform, stop = Platform(), threading.Event()
    t = threading.Thread(target=serve, args=(sock, platform, stop), daemon=True)
    t.start()
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
