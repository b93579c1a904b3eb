#!/usr/bin/env python3
"""Writes the curated seed corpus (fuzz/corpus/<target>/seed-*) from readable descriptions.

The byte layouts are the ones documented in fuzz/README.md; keeping the seeds as code means a
layout change is one edit here plus `python3 fuzz/gen_seeds.py`, not hand-edited binaries.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

PK, DN = b"a1X2bEnP82z", b"example1"
DS = b"ga7XA6KdlEeiPXQPpRbAjOZXwG8yABCD"


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- ffi_mqtt
SECURE_MODE_INDEX = {0: 0, 2: 1, 3: 2, 8: 3, -2: 4, -1: 5}
STRING_ORDER = ["product_key", "device_name", "device_secret", "product_secret", "client_id",
                "host", "timestamp", "instance_id", "random", "device_token", "extra_params"]


class Raw(bytes):
    """A string field given as its raw control bytes (NULL pointers, impossible lengths)."""


def mqtt_string(s):
    if isinstance(s, Raw):
        return bytes(s)
    if s is None:
        return b"\xf1"                      # {NULL, 0}
    if len(s) < 0xF0:
        return bytes([len(s)]) + s
    return b"\xf0" + bytes([len(s) - 240]) + s


def ffi_mqtt(mode=0, region=0, sign_method=0, secure_mode=0, flags=0, sdk=0, build=0, misc=0,
             port=0, keepalive=300, strings=None, mac=b"\x00", calls=None, check_keepalive=300):
    strings = strings or {}
    out = bytes([mode, region, sign_method, SECURE_MODE_INDEX[secure_mode], flags, sdk, build,
                 misc])
    out += struct.pack("<HH", port, keepalive)
    for name in STRING_ORDER:
        out += mqtt_string(strings.get(name, b""))
    out += mac
    calls = calls or [(0, 0, 0)] * 9
    for c in calls:
        out += bytes(c)
    return out + struct.pack("<I", check_keepalive)


def mac_arg(kind, raw):
    """kind 2/3/4 = 16/20/32 bytes; the 64 payload bytes always follow for kinds 2..7."""
    return bytes([kind]) + raw.ljust(64, b"\x00")


DEVICE = {"product_key": PK, "device_name": DN, "device_secret": DS}

write("ffi_mqtt", "doc-device-secret", ffi_mqtt(strings=DEVICE))
write("ffi_mqtt", "doc-sha1-plaintext-ts", ffi_mqtt(
    sign_method=2, secure_mode=3, flags=1,
    strings={"product_key": b"pk1", "device_name": b"device", "device_secret": b"secret",
             "client_id": b"12345", "timestamp": b"789"}))
write("ffi_mqtt", "legacy-v320", ffi_mqtt(sdk=1, build=3, strings=DEVICE))
write("ffi_mqtt", "legacy-v230-itls", ffi_mqtt(sdk=5, build=8, strings=DEVICE))
write("ffi_mqtt", "dynreg-register", ffi_mqtt(
    mode=3, strings={"product_key": b"a1B2c3D4e5F", "device_name": b"device01",
                     "product_secret": b"psecret0123456789", "random": b"78563412"}))
write("ffi_mqtt", "connwl", ffi_mqtt(
    mode=5, strings={"product_key": PK, "device_name": DN, "client_id": b"cid-from-regnwl",
                     "device_token": b"tokenFromRegnwl0123456789"}))
write("ffi_mqtt", "x509-custom-host", ffi_mqtt(
    mode=1, region=5, strings={"product_key": PK, "device_name": DN,
                               "host": b"iot-06z00ax1o4f5w9x.mqtt.iothub.aliyuncs.com"}))
write("ffi_mqtt", "id2-instance-extras", ffi_mqtt(
    mode=2, strings={"product_key": PK, "device_name": DN, "instance_id": b"iot-instance_01",
                     "extra_params": b"_conn=tls_0x1f4,a=b"}))
# Call control (cap kind, aliasing, extra) per export; aliasing bytes:
def out_into(field):   # `out` starts in/near string field `field` (11 = the MAC), extra = offset
    return 0xB0 + field


def len_into(field):   # `*out_len` aimed at string field `field`, extra % 8 = slot
    return 0xE0 + field


def len_in_out(k):     # `*out_len` inside the output buffer at 8 * k
    return 0xF0 + k


# Every capacity kind once (exact, query, 0, 1, exact-1, large, NULL out, NULL out_len, huge).
write("ffi_mqtt", "caps", ffi_mqtt(
    strings=DEVICE, mac=mac_arg(4, bytes(range(32))),
    calls=[(1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0), (5, 0, 7), (6, 0, 3), (7, 0, 0),
           (0xFF, 0, 0), (0, 0, 0)]))
# out inside product_key / 8 bytes before device_name / touching device_secret's end; the
# MAC as the target of password_from_mac; *out_len inside out and inside inputs.
write("ffi_mqtt", "aliasing", ffi_mqtt(
    strings=DEVICE, mac=mac_arg(4, bytes(range(32))),
    calls=[(0, out_into(0), 0x04), (0, out_into(1), 0xF8), (0, len_in_out(0), 0),
           (0, len_in_out(1), 0), (0, len_in_out(15), 0), (0, out_into(2), 0xB7),
           (0, len_into(0), 2), (0, len_into(2), 0), (0, out_into(11), 0x04)]))
write("ffi_mqtt", "aliasing-near-miss", ffi_mqtt(
    strings=DEVICE, mac=mac_arg(4, bytes(range(32))),
    calls=[(5, len_in_out(12), 40), (0, len_into(0), 1), (0, out_into(0), 0xC0),
           (0, out_into(0), 0x0B), (0, len_into(11), 0), (0, 0, 0), (0, 0, 0), (0, 0, 0),
           (0, len_into(11), 3)]))
# A larger struct_size, a {NULL, 33} secret, a {ptr, 0} product secret and a wrapping length.
write("ffi_mqtt", "bad-pointers", ffi_mqtt(
    misc=0x04, strings={"product_key": PK, "device_name": DN, "device_secret": Raw(b"\xf2\x20"),
                        "product_secret": Raw(b"\xf3"), "client_id": Raw(b"\xf4\x00")}))
write("ffi_mqtt", "struct-size-small", ffi_mqtt(misc=0x02, strings=DEVICE))
write("ffi_mqtt", "selectors-out-of-range", ffi_mqtt(
    mode=7, region=0xF3, sign_method=5, flags=0x81, sdk=9, build=0xE5,
    strings=DEVICE))

# ---------------------------------------------------------------- sign_diff
ALNUM = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
DNSET = ALNUM + b"_@.:-"
TOKEN = ALNUM + b"_-"
DIGITS = b"0123456789"
HOST = b"abcdefghijklmnopqrstuvwxyz0123456789.-"
KV = b"abc_xyz019=,=,"
PRINTABLE = bytes(range(0x21, 0x7F))
NO_BAR = bytes(c for c in PRINTABLE if c != ord("|"))

PROFILES = [(0, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0), (1, 0, 0), (5, 0, 0),
            (0, 1, 3), (0, 1, 1), (0, 1, 2), (0, 2, 3), (0, 3, 0), (0, 3, 1), (0, 3, 5),
            (0, 4, 0), (0, 4, 1), (0, 4, 8), (0, 5, 0), (0, 5, 1), (0, 5, 8), (0, 6, 0),
            (3, 1, 3), (3, 7, 0), (4, 7, 0), (5, 7, 0)]


def unmap(text, charset):
    return bytes(charset.index(c) for c in text)


def shaped(text, modulo, sparse, charset):
    if not text:
        return b"\x00"
    ctl = len(text) % modulo
    if sparse:
        ctl = next(c for c in range(0xC0, 0x100) if c % modulo == len(text))
    return bytes([ctl]) + unmap(text, charset)


def secret(raw):
    if len(raw) < 100:
        return bytes([len(raw)]) + raw
    assert 200 <= len(raw) <= 263
    return bytes([0xC0 + len(raw) - 200]) + raw


def sign_diff(profile, sign_method=0, secure_mode_byte=0, flags=0, region=0, pk=PK, dn=DN,
              ds=DS, ps=b"", cid=b"", ts=b"", random=b"", instance=b"", extra=b"", host=b"",
              token=b""):
    out = bytes([PROFILES.index(profile), sign_method, secure_mode_byte, flags, region])
    out += shaped(pk, 22, False, ALNUM) + shaped(dn, 34, False, DNSET)
    out += secret(ds) + secret(ps)
    out += shaped(cid, 70, True, NO_BAR) + shaped(ts, 22, True, DIGITS)
    out += shaped(random, 66, False, TOKEN) + shaped(instance, 66, True, TOKEN)
    out += shaped(extra, 64, True, KV) + shaped(host, 40, False, HOST)
    out += shaped(token, 255, False, PRINTABLE)
    return out


write("sign_diff", "doc-sha256", sign_diff((0, 0, 0)))
write("sign_diff", "doc-md5-ts-cid", sign_diff((0, 0, 0), sign_method=1, cid=b"12345",
                                               ts=b"1524448722000"))
write("sign_diff", "doc-sha1-long-key", sign_diff((0, 0, 0), sign_method=2, ds=bytes(range(200, 256)) * 4 + b"0123"))
write("sign_diff", "id2-empty-secret", sign_diff((2, 0, 0), ds=b""))
write("sign_diff", "dynreg-regnwl", sign_diff((4, 0, 0), pk=b"a1B2c3D4e5F", dn=b"device01",
                                              ps=b"psecret0123456789", random=b"78563412"))
write("sign_diff", "legacy-v320", sign_diff((0, 1, 3)))
write("sign_diff", "legacy-v230", sign_diff((0, 5, 0)))
write("sign_diff", "legacy-linksdk42-register", sign_diff((3, 7, 0), ps=b"psecret01",
                                                          random=b"abc123"))
write("sign_diff", "connwl", sign_diff((5, 0, 0), cid=b"cid1", token=b"tok123"))

# ---------------------------------------------------------------- legacy_sign


def meta(pk=PK, ps=b"", dn=DN, ds=DS):
    def field(v, n):
        assert len(v) < n
        return v + b"\x00" * (n - len(v))
    return field(pk, 21) + field(ps, 65) + field(dn, 33) + field(ds, 65)


def legacy_sign(sdk, build, region, ptrs=0, m=None, domain=b""):
    r = region + 1 if -1 <= region <= 6 else region
    return bytes([sdk, build, r, ptrs]) + (m if m is not None else meta()) + domain


write("legacy_sign", "v320-default", legacy_sign(1, 3, 0))
write("legacy_sign", "v301-preauth-usa", legacy_sign(3, 5, 3))
write("legacy_sign", "bundle-itls", legacy_sign(4, 8, 0))
write("legacy_sign", "v230-tls-germany", legacy_sign(5, 1, 4))
write("legacy_sign", "v320-custom-domain", legacy_sign(1, 3, 5, ptrs=0x10,
                                                       domain=b"iot-instance.mqtt.example.com"))
write("legacy_sign", "v320-custom-no-domain", legacy_sign(1, 3, 5))
write("legacy_sign", "v310-domain-no-nul", legacy_sign(2, 3, 5, ptrs=0x20, domain=b"host"))
write("legacy_sign", "pk-without-nul", legacy_sign(1, 3, 0, m=b"A" * 21 + meta()[21:]))
write("legacy_sign", "max-lengths", legacy_sign(1, 3, 1, m=meta(pk=b"P" * 20, dn=b"D" * 32,
                                                                 ds=b"S" * 64)))
write("legacy_sign", "meta-aliases-signout", legacy_sign(1, 3, 0, ptrs=0x04 | 0x40))


# ---------------------------------------------------------------- sha256_block
SHA256_IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
             0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
iv = struct.pack("<8I", *SHA256_IV)
# "abc" padded: the FIPS 180-4 one-block example.
write("sha256_block", "fips-abc", iv + b"abc\x80" + bytes(52) + struct.pack(">Q", 24))
write("sha256_block", "all-ones-two-blocks", b"\xff" * (32 + 128))
write("sha256_block", "hmac-ipad", iv + bytes(b ^ 0x36 for b in DS.ljust(64, b"\0")))


# ---------------------------------------------------------------- diagnose_*
# CONNECTs from the legacy vectors' credentials (v3.2.0 default build, v2.3.0, the documented
# form, registration), datagrams of the CoAP message flows, and the HTTP requests.
import hashlib  # noqa: E402
import hmac  # noqa: E402


def mqtt_field(b):
    return struct.pack(">H", len(b)) + b


def connect(cid, user, pwd, flags=0xC2, keepalive=60, name=b"MQTT", level=4, will=None,
            long_length=False):
    body = mqtt_field(name) + bytes([level, flags]) + struct.pack(">H", keepalive)
    body += mqtt_field(cid)
    if will:
        body += mqtt_field(will[0]) + mqtt_field(will[1])
    if user is not None:
        body += mqtt_field(user)
    if pwd is not None:
        body += mqtt_field(pwd)
    n, rem = len(body), b""
    while True:
        d, n = n % 128, n // 128
        rem += bytes([d | (0x80 if n else 0)])
        if not n:
            break
    if long_length and len(rem) == 1:
        rem = bytes([rem[0] | 0x80, 0])  # non-minimal: the decoder accepts it
    return b"\x10" + rem + body


def mac_hex(method, key, msg, upper=True):
    h = hmac.new(key, msg, {"hmacmd5": hashlib.md5, "hmacsha1": hashlib.sha1,
                            "hmacsha256": hashlib.sha256}[method]).hexdigest()
    return (h.upper() if upper else h).encode()


USER = DN + b"&" + PK
V320_CID = PK + b"." + DN + (b"|timestamp=2524608000000,_v=sdk-c-3.2.0,securemode=2,"
                            b"signmethod=hmacsha256,lan=C,_ss=1,gw=0,ext=0|")
V320_PW = mac_hex("hmacsha256", DS, b"clientId" + PK + b"." + DN + b"deviceName" + DN +
                  b"productKey" + PK + b"timestamp2524608000000")
DOC_CID = PK + b"." + DN + b"|securemode=2,signmethod=hmacsha1|"
DOC_PW = mac_hex("hmacsha1", DS, b"clientId" + PK + b"." + DN + b"deviceName" + DN +
                 b"productKey" + PK)
MD5_CID = b"sn-0001|securemode=3,signmethod=hmacmd5,timestamp=1700000000000|"
MD5_PW = mac_hex("hmacmd5", DS, b"clientIdsn-0001deviceName" + DN + b"productKey" + PK +
                 b"timestamp1700000000000", upper=False)
PSECRET = b"psecret0123456789"
REG_CID = PK + b"." + DN + b"|authType=register,random=78563412,signmethod=hmacsha256,securemode=2|"
REG_PW = mac_hex("hmacsha256", PSECRET, b"deviceName" + DN + b"productKey" + PK +
                 b"random78563412")
CONNWL_CID = b"cid-from-regnwl|securemode=-2,authType=connwl|"

CONNECTS = {
    "v320": connect(V320_CID, USER, V320_PW, flags=0xC0, keepalive=120),
    "doc-sha1": connect(DOC_CID, USER, DOC_PW),
    "md5-tcp-timestamp": connect(MD5_CID, USER, MD5_PW),
    "register": connect(REG_CID, USER, REG_PW),
    "connwl": connect(CONNWL_CID, USER, b"tok.abc-123"),
    "will-mqisdp": connect(b"c|securemode=2|", USER, b"pw", flags=0xEE, name=b"MQIsdp", level=3,
                           will=(b"w/t", b"bye")),
    "non-minimal-length": connect(DOC_CID, USER, DOC_PW, long_length=True),
}
for name, pkt in CONNECTS.items():
    write("diagnose_connect", name, pkt)
write("diagnose_connect", "truncated", CONNECTS["v320"][:40])

AUTH_BODY = (b'{"version":"default", "clientId":"' + PK + b"." + DN + b'","signmethod":"hmacsha1",'
             b'"sign":"7cf30b16a4a8de5372e28151fd17a5a9d78342c0","productKey":"' + PK +
             b'","deviceName":"' + DN + b'"}')
HTTP_AUTH = (b"POST /auth HTTP/1.1\r\nHost: iot-as-http.cn-shanghai.aliyuncs.com\r\n"
             b"Connection: Keep-Alive\r\nContent-Type: application/json\r\nContent-Length: " +
             str(len(AUTH_BODY)).encode() + b"\r\n\r\n" + AUTH_BODY)
HTTP_PUBLISH = (b"POST /topic/" + PK + b"/" + DN + b"/user/update HTTP/1.1\r\n"
                b"Host: iot-as-http.cn-shanghai.aliyuncs.com\r\npassword:eyJ0eXAi.token\r\n"
                b"Content-Type: application/octet-stream\r\nContent-Length: 10\r\n\r\n"
                b'{"temp":0}')
write("diagnose_http_request", "auth-v320", HTTP_AUTH)
write("diagnose_http_request", "publish", HTTP_PUBLISH)
write("diagnose_http_request", "no-body", b"GET /x HTTP/1.0\r\nA:b\r\n\r\n")

# coap_message_flow coap-flow-v320-01: the auth request and the symmetric-mode publish, and
# the key that decrypts it.
COAP_AUTH = bytes.fromhex(
    "440203e804030201b46175746811325132ff7b2270726f647563744b6579223a2261314e556a63566b485a5322"
    "2c226465766963654e616d65223a226465763030222c22636c69656e744964223a2261314e556a63566b485a53"
    "2e6465763030222c227369676e223a2264666364633030633439313563326336653632366362313136633731"
    "31313936222c22736571223a2231303030227d")
COAP_PUBLISH = bytes.fromhex(
    "440203e905030201b5746f706963037379730b61314e556a63566b485a53056465763030057468696e670565"
    "76656e740870726f706572747904706f73741132512adc1f544f4b454e30302e61626364ed06df03f1e7807c"
    "31e3c58fd4d963afb2c83406ffdbc0deed637b6634e36e023f5a46abe3e98d963bb0c1b2b8192096caff41ef"
    "e94fd51aec36c77ac18df8ec507b4304e7")
COAP_KEY = bytes.fromhex("03d67b8294a6647314cc376ab61d090a")
# Control byte: protocol (byte % 5: guess, mqtt, coap, http, invalid); bit 7: a 16-byte key
# follows.
write("diagnose_explain", "connect-guess", bytes([0]) + CONNECTS["v320"])
write("diagnose_explain", "mqtt-stream", bytes([1]) + CONNECTS["doc-sha1"] +
      bytes.fromhex("20020000" "3005000161626364" "9003000a01" "c000"))
write("diagnose_explain", "coap-auth", bytes([2]) + COAP_AUTH)
write("diagnose_explain", "coap-publish-key", bytes([0x80]) + COAP_KEY + COAP_PUBLISH)
write("diagnose_explain", "http-auth", bytes([0]) + HTTP_AUTH)
write("diagnose_explain", "bad-selector", bytes([4]) + b"\xc0\x00")


# Control byte: bits 0-1 which secret (0 DeviceSecret, 1 ProductSecret, 2 device token, 3
# none); bits 2-7 the profile index (mod 7, see the target). Then ProductKey, DeviceName and
# the secret, each as a length byte (mod 72) and its bytes; the rest is the packet.
def check(secret_kind, profile, secret, pkt, pk=PK, dn=DN):
    out = bytes([secret_kind | (profile << 2)])
    for s in (pk, dn, secret):
        out += bytes([len(s)]) + s
    return out + pkt


write("diagnose_check_connect", "v320", check(0, 1, DS, CONNECTS["v320"]))
write("diagnose_check_connect", "doc-sha1", check(0, 0, DS, CONNECTS["doc-sha1"]))
write("diagnose_check_connect", "md5-other-secret", check(0, 0, DS + b"x",
                                                          CONNECTS["md5-tcp-timestamp"]))
write("diagnose_check_connect", "register", check(1, 5, PSECRET, CONNECTS["register"]))
write("diagnose_check_connect", "connwl", check(2, 5, b"tok.abc-123", CONNECTS["connwl"]))
write("diagnose_check_connect", "v320-timestamp-dropped",
      check(0, 3, DS, connect(V320_CID.replace(b"timestamp=2524608000000,", b""), USER, V320_PW)))


# ---------------------------------------------------------------- crypto_stream
# Selector (0 MD5, 1 SHA-1, 2 SHA-256, 3..5 HMAC-MD5/SHA1/SHA256); HMAC: key length byte and
# key; then the update-length seed, the update after which the state is copied; the message.
def stream(sel, msg, seed=1, copy_at=0, key=None):
    head = bytes([sel])
    if key is not None:
        head += bytes([len(key)]) + key
    return head + bytes([seed, copy_at]) + msg


SIGN_CONTENT = b"clientId" + PK + b"." + DN + b"deviceName" + DN + b"productKey" + PK + \
    b"timestamp2524608000000"
write("crypto_stream", "md5-abc", stream(0, b"abc"))
write("crypto_stream", "sha1-200", stream(1, b"a" * 200, seed=7, copy_at=3))
write("crypto_stream", "sha256-fips-two-blocks",
      stream(2, b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", seed=0x55, copy_at=1))
write("crypto_stream", "sha256-empty", stream(2, b""))
write("crypto_stream", "hmac-md5-rfc2202", stream(3, b"Hi There", seed=9, key=b"\x0b" * 16))
write("crypto_stream", "hmac-sha1-long-key",
      stream(4, b"Test Using Larger Than Block-Size Key - Hash Key First", seed=3, copy_at=2,
             key=b"\xaa" * 80))
write("crypto_stream", "hmac-sha256-sdk-sign", stream(5, SIGN_CONTENT, seed=5, copy_at=4, key=DS))
write("crypto_stream", "hmac-sha256-131-key",
      stream(5, b"This is a test using a larger than block-size key and a larger than "
                b"block-size data. The key needs to be hashed before being used by the HMAC "
                b"algorithm.", seed=1, key=b"\xaa" * 131))
write("crypto_stream", "hmac-sha256-block-key", stream(5, b"x" * 64, seed=2, copy_at=1,
                                                       key=b"k" * 64))


# ---------------------------------------------------------------- aes_cbc
# 16 key bytes, 16 IV bytes, the call-length seed, then the data (cut to whole blocks).
NIST_KEY = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")
NIST_IV = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
NIST_PLAIN = bytes.fromhex(
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
write("aes_cbc", "nist-sp800-38a-f21", NIST_KEY + NIST_IV + b"\x10" + NIST_PLAIN)
write("aes_cbc", "one-block", NIST_KEY + bytes(16) + b"\x01" + b"{\"id\":\"1\"}\x06\x06\x06\x06\x06\x06")
write("aes_cbc", "ragged", bytes(range(32)) + b"\x07" + bytes(range(200)))
write("aes_cbc", "empty", NIST_KEY + NIST_IV)


# ---------------------------------------------------------------- coap_auth_response (payload)
# Inputs that are only a payload: iotwire_coap_auth_parse_payload accepts them, the datagram
# parser does not.
write("coap_auth_response", "payload-json-symmetric",
      b"\x00" + b'{"random":"ad2b3a5eb51d64ab","seqOffset":1,"token":"T"}')
write("coap_auth_response", "payload-cbor",
      b"\x02" + b"\xa2\x65token\x61T\x69seqOffset\x01")
