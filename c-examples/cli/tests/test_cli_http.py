#!/usr/bin/env python3
"""End-to-end tests of the HTTPS and registration commands of iotwire-cli.

Expected values come from the vectors (kinds http_auth_and_publish, dynreg_https,
dynreg_mqtt), from the documented wire forms (seeds 003/004, the legacy `iotx_http_api.c` and
`dynreg.c`), and from Python's hmac/hashlib -- never from the library.

usage: test_cli_http.py --cli PATH --vectors PATH
Prints "N passed, M failed" and exits non-zero on any failure.
"""

import argparse
import hashlib
import hmac
import json
import subprocess
import sys

from cli_suite import CliSuite

HTTP_HOST = "iot-as-http.cn-shanghai.aliyuncs.com"
REGIONS = ["shanghai", "singapore", "japan", "usa-west", "germany"]
REGION_IDS = ["cn-shanghai", "ap-southeast-1", "ap-northeast-1", "us-west-1", "eu-central-1"]
HASHES = {"hmacmd5": hashlib.md5, "hmacsha1": hashlib.sha1, "hmacsha256": hashlib.sha256}
DYNREG_HEADER = ("Accept: text/xml,text/javascript,text/html,application/json\r\n"
                 "Content-Type: application/x-www-form-urlencoded\r\n")
DOC_CODES = {
    0: "IOTWIRE_OK",
    10000: "IOTWIRE_ERR_HTTP_COMMON_ERROR",
    10001: "IOTWIRE_ERR_HTTP_PARAM_ERROR",
    20000: "IOTWIRE_ERR_HTTP_AUTH_CHECK_ERROR",
    20001: "IOTWIRE_ERR_HTTP_TOKEN_EXPIRED",
    20002: "IOTWIRE_ERR_HTTP_TOKEN_NULL",
    20003: "IOTWIRE_ERR_HTTP_TOKEN_CHECK_ERROR",
    20004: "IOTWIRE_ERR_HTTP_UPDATE_SESSION_ERROR",
    30001: "IOTWIRE_ERR_HTTP_PUBLISH_ERROR",
    40000: "IOTWIRE_ERR_HTTP_TOO_MANY_REQUESTS",
    777: "IOTWIRE_ERR_HTTP_UNKNOWN_CODE",
}


def mac_hex(method, key, content, upper):
    h = hmac.new(key.encode(), content.encode(), HASHES[method]).hexdigest()
    return h.upper() if upper else h


def request(path, host, header, body):
    """HTTP/1.1 head in the order the legacy httpclient and the docs use."""
    return (f"POST {path} HTTP/1.1\r\nHost: {host}\r\n{header}"
            f"Content-Length: {len(body.encode())}\r\n\r\n{body}")


class Suite(CliSuite):
    def ok(self, name, args, expected, keys):
        rc, obj, out, _ = self.run(*args)
        problems = []
        if rc != 0 or not isinstance(obj, dict):
            problems.append(f"exit {rc}, stdout {out.strip()!r}")
        else:
            if list(obj.keys()) != keys:
                problems.append(f"keys {list(obj.keys())} != {keys}")
            for k, want in expected.items():
                if obj.get(k) != want:
                    problems.append(f"{k}: expected {want!r}, got {obj.get(k)!r}")
        self.record(name, problems)
        return obj

    def status(self, name, args, status_name):
        rc, obj, out, _ = self.run(*args)
        problems = []
        if rc != 1 or not isinstance(obj, dict) or list(obj.keys()) != ["error", "status"]:
            problems.append(f"exit {rc} (expected 1), stdout {out.strip()!r}")
        elif obj["error"] != status_name or not obj["status"] < 0:
            problems.append(f"got {obj}, expected {status_name}")
        self.record(name, problems)

    def usage(self, name, args):
        rc, obj, out, _ = self.run(*args)
        problems = []
        if rc != 2 or obj != {"error": "IOTWIRE_ERR_INVALID_ARGUMENT", "status": -2}:
            problems.append(f"exit {rc} (expected 2), stdout {out.strip()!r}")
        self.record(name, problems)


AUTH_KEYS = ["request", "body", "sign", "sign_content"]


def doc_auth_body(cid, method, sign, pk, dn, ts):
    body = (f'{{"version":"default","clientId":"{cid}","signmethod":"{method}",'
            f'"sign":"{sign}","productKey":"{pk}","deviceName":"{dn}"')
    if ts:
        body += f',"timestamp":"{ts}"'
    return body + "}"


def test_http_auth(s, vectors):
    for v in [v for v in vectors if v["kind"] == "http_auth_and_publish"]:
        i, e = v["inputs"], v["expected"]
        ar = e["auth_request"]
        content = e["sign_content"]
        want = {
            "request": request("/auth", HTTP_HOST, ar["header"], ar["body"]),
            "body": ar["body"],
            "sign": mac_hex("hmacsha1", i["device_secret"], content, False),
            "sign_content": content,
        }
        s.ok(f"http-auth v3.2.0 {v['id']}",
             ["http-auth", "--product-key", i["product_key"], "--device-name", i["device_name"],
              "--device-secret", i["device_secret"], "--profile", "v3.2.0"], want, AUTH_KEYS)

    # Documented form: seed 004 example values, every method, with and without timestamp.
    for method in ["hmacsha1", "hmacmd5"]:
        for ts in ["789", None]:
            content = "clientId12345deviceNamedeviceproductKeypk" + (f"timestamp{ts}" if ts else "")
            sign = mac_hex(method, "secret", content, True)
            body = doc_auth_body("12345", method, sign, "pk", "device", ts)
            header = "Content-Type: application/json\r\n"
            args = ["http-auth", "--product-key", "pk", "--device-name", "device",
                    "--device-secret", "secret", "--client-id", "12345", "--sign-method", method]
            if ts:
                args += ["--timestamp", ts]
            obj = s.ok(f"http-auth doc {method} ts={ts}", args,
                       {"request": request("/auth", HTTP_HOST, header, body), "body": body,
                        "sign": sign, "sign_content": content}, AUTH_KEYS)
            if obj is not None:
                # The body is JSON with exactly the documented members.
                parsed = json.loads(obj["body"])
                expect = {"version", "clientId", "signmethod", "sign", "productKey",
                          "deviceName"} | ({"timestamp"} if ts else set())
                s.record(f"http-auth doc {method} ts={ts} body members",
                         [] if set(parsed) == expect else [f"members {sorted(parsed)}"])
    # The doc's own published digest (seed 004): FAFD82A3...(masked) for hmacsha1.
    obj = s.ok("http-auth doc example digest prefix",
               ["http-auth", "--product-key", "pk", "--device-name", "device", "--device-secret",
                "secret", "--client-id", "12345", "--timestamp", "789"], {}, AUTH_KEYS)
    if obj is not None:
        s.record("http-auth default method is hmacsha1 (doc example)",
                 [] if obj["sign"].startswith("FAFD82A3D602B37FB0FA8B7892F24A477F85") else
                 [obj["sign"]])
    # Default client id <pk>.<dn> and the instance host.
    content = "clientIda1X2bEnP82z.example1deviceNameexample1productKeya1X2bEnP82z"
    sign = mac_hex("hmacsha1", "ds", content, True)
    body = doc_auth_body("a1X2bEnP82z.example1", "hmacsha1", sign, "a1X2bEnP82z", "example1", None)
    s.ok("http-auth doc default client id + host",
         ["http-auth", "--product-key", "a1X2bEnP82z", "--device-name", "example1",
          "--device-secret", "ds", "--host", "iot-cn-x.http.iothub.aliyuncs.com"],
         {"request": request("/auth", "iot-cn-x.http.iothub.aliyuncs.com",
                             "Content-Type: application/json\r\n", body)}, AUTH_KEYS)
    base = ["http-auth", "--product-key", "pk", "--device-name", "device", "--device-secret", "s"]
    s.status("http-auth hmacsha256 is not offered", base + ["--sign-method", "hmacsha256"],
             "IOTWIRE_ERR_INVALID_SELECTOR")
    s.status("http-auth bad timestamp", base + ["--timestamp", "12x"],
             "IOTWIRE_ERR_INVALID_TIMESTAMP")
    s.status("http-auth quote in client id", base + ["--client-id", 'a"b'],
             "IOTWIRE_ERR_INVALID_CLIENT_ID")
    s.status("http-auth empty secret (doc)", base[:-1] + [""], "IOTWIRE_ERR_MISSING_FIELD")
    s.usage("http-auth no secret", base[:-2])
    s.usage("http-auth unknown profile", base + ["--profile", "v9"])
    s.usage("http-auth unknown method", base + ["--sign-method", "sha1"])


def test_http_publish(s, vectors):
    for v in [v for v in vectors if v["kind"] == "http_auth_and_publish"]:
        i, e = v["inputs"], v["expected"]
        sr = e["send_request"]
        topic = i["topic_path"][len("/topic"):]
        s.ok(f"http-publish v3.2.0 {v['id']}",
             ["http-publish", "--topic", topic, "--token", e["token"], "--payload", i["payload"],
              "--profile", "v3.2.0"],
             {"request": request(i["topic_path"], HTTP_HOST, sr["header"], sr["body"])},
             ["request"])
    # Seed 004's documented form.
    header = "password:tok123\r\nContent-Type: application/octet-stream\r\n"
    s.ok("http-publish doc", ["http-publish", "--topic", "/a1GFjLP3xxC/device123/pub",
                              "--token", "tok123", "--payload", "héllo"],
         {"request": request("/topic/a1GFjLP3xxC/device123/pub", HTTP_HOST, header, "héllo")},
         ["request"])
    for bad in ["a/b", "/a/+", "/a/#", "/a?x=1"]:
        s.status(f"http-publish topic {bad!r}",
                 ["http-publish", "--topic", bad, "--token", "t", "--payload", "x"],
                 "IOTWIRE_ERR_HTTP_INVALID_TOPIC")
    s.status("http-publish header injection via token",
             ["http-publish", "--topic", "/a/b", "--token", "t\r\nX: y", "--payload", "x"],
             "IOTWIRE_ERR_INVALID_ARGUMENT")
    s.usage("http-publish no token", ["http-publish", "--topic", "/a/b", "--payload", "x"])


def test_http_parse_response(s, vectors):
    for v in [v for v in vectors if v["kind"] == "http_auth_and_publish"]:
        i, e = v["inputs"], v["expected"]
        s.ok(f"http-parse-response auth {v['id']}",
             ["http-parse-response", "--body", i["auth_response"]],
             {"code": 0, "status": "IOTWIRE_OK", "reauth": 0, "token": e["token"]},
             ["code", "status", "reauth", "token"])
        mid = json.loads(i["publish_response"])["info"]["messageId"]
        s.ok(f"http-parse-response publish {v['id']}",
             ["http-parse-response", "--body", i["publish_response"]],
             {"code": 0, "status": "IOTWIRE_OK", "message_id": str(mid)},
             ["code", "status", "reauth", "message_id"])
    for code, name in DOC_CODES.items():
        reauth = 1 if code in (20001, 20003) else 0
        s.ok(f"http-parse-response code {code}",
             ["http-parse-response", "--body", json.dumps({"code": code, "message": "m"})],
             {"code": code, "status": name, "reauth": reauth}, ["code", "status", "reauth"])
    s.status("http-parse-response not JSON", ["http-parse-response", "--body", "{"],
             "IOTWIRE_ERR_INVALID_JSON")
    s.status("http-parse-response no code", ["http-parse-response", "--body", "{}"],
             "IOTWIRE_ERR_MISSING_FIELD")
    s.status("http-parse-response token too long",
             ["http-parse-response", "--body",
              json.dumps({"code": 0, "info": {"token": "t" * 257}})],
             "IOTWIRE_ERR_REPLY_FIELD_INVALID")


def test_dynreg_https(s, vectors):
    for v in [v for v in vectors if v["kind"] == "dynreg_https"]:
        i, e = v["inputs"], v["expected"]
        r = e["request"]
        region = i["region"]
        host = f"iot-auth.{REGION_IDS[region]}.aliyuncs.com"
        sign = mac_hex("hmacsha256", i["product_secret"], e["sign_content"], True)
        s.record(f"dynreg vector {v['id']} agrees with python hmac",
                 [] if sign == e["sign"] else [f"{sign} != {e['sign']}"])
        s.ok(f"dynreg-https v3.2.0 {v['id']}",
             ["dynreg-https", "--product-key", i["product_key"], "--device-name",
              i["device_name"], "--product-secret", i["product_secret"], "--random", e["random"],
              "--region", REGIONS[region], "--profile", "v3.2.0"],
             {"request": request("/auth/register/device", host, r["header"], r["body"]),
              "body": r["body"], "sign": e["sign"]}, ["request", "body", "sign"])
    for method in ["hmacmd5", "hmacsha1", "hmacsha256"]:
        content = "deviceNamedevice01productKeya1B2c3D4e5Frandom4711"
        sign = mac_hex(method, "ps123", content, True)
        body = (f"productKey=a1B2c3D4e5F&deviceName=device01&random=4711&sign={sign}"
                f"&signMethod={method}")
        s.ok(f"dynreg-https doc {method} custom host",
             ["dynreg-https", "--product-key", "a1B2c3D4e5F", "--device-name", "device01",
              "--product-secret", "ps123", "--random", "4711", "--sign-method", method,
              "--host", "iot-cn-x.auth.iothub.aliyuncs.com"],
             {"request": request("/auth/register/device", "iot-cn-x.auth.iothub.aliyuncs.com",
                                 DYNREG_HEADER, body), "body": body, "sign": sign},
             ["request", "body", "sign"])
    base = ["dynreg-https", "--product-key", "a1B2c3D4e5F", "--device-name", "device01",
            "--product-secret", "ps"]
    s.usage("dynreg-https no random", base)
    s.status("dynreg-https empty random", base + ["--random", ""], "IOTWIRE_ERR_MISSING_FIELD")
    s.status("dynreg-https random with '&'", base + ["--random", "a&b"],
             "IOTWIRE_ERR_INVALID_ARGUMENT")
    s.status("dynreg-https v3.2.0 only hmacsha256",
             base + ["--random", "r", "--profile", "v3.2.0", "--sign-method", "hmacsha1"],
             "IOTWIRE_ERR_INVALID_SELECTOR")


def test_parse_register(s, vectors):
    for v in [v for v in vectors if v["kind"] == "dynreg_mqtt"]:
        s.ok(f"parse-register /ext/register {v['id']}",
             ["parse-register", "--payload", v["inputs"]["ext_register_payload"]],
             {"device_secret": v["expected"]["device_secret"]}, ["device_secret"])
    for v in [v for v in vectors if v["kind"] == "dynreg_https"]:
        s.ok(f"parse-register https {v['id']}",
             ["parse-register", "--payload", v["inputs"]["response"]],
             {"device_secret": v["expected"]["device_secret"]}, ["device_secret"])
    regnwl = {"productKey": "a1B2c3D4e5F", "deviceName": "device01",
              "clientId": "a1B2c3D4e5F.device01", "deviceToken": "5a9b0c8d7e6f"}
    s.ok("parse-register /ext/regnwl", ["parse-register", "--payload", json.dumps(regnwl)],
         {"client_id": regnwl["clientId"], "device_token": regnwl["deviceToken"]},
         ["client_id", "device_token"])
    ident = {"productKey": "a1B2c3D4e5F", "deviceName": "device01"}
    s.ok("parse-register identity", ["parse-register", "--payload", json.dumps(ident)],
         {"product_key": "a1B2c3D4e5F", "device_name": "device01"},
         ["product_key", "device_name"])
    s.ok("parse-register --type identity on a register reply",
         ["parse-register", "--type", "identity", "--payload",
          json.dumps(dict(ident, deviceSecret="abc"))],
         {"product_key": "a1B2c3D4e5F"}, ["product_key", "device_name"])
    s.status("parse-register rejected https",
             ["parse-register", "--payload", json.dumps({"code": 6289, "message": "exists"})],
             "IOTWIRE_ERR_DYNREG_REJECTED")
    s.status("parse-register over-long secret",
             ["parse-register", "--payload", json.dumps({"deviceSecret": "s" * 65})],
             "IOTWIRE_ERR_REPLY_FIELD_INVALID")
    s.status("parse-register empty secret (legacy wild memset)",
             ["parse-register", "--payload", json.dumps({"deviceSecret": ""})],
             "IOTWIRE_ERR_REPLY_FIELD_INVALID")
    s.status("parse-register unterminated", ["parse-register", "--payload", '{"deviceSecret":"a'],
             "IOTWIRE_ERR_INVALID_JSON")
    s.status("parse-register nothing known", ["parse-register", "--payload", "{}"],
             "IOTWIRE_ERR_MISSING_FIELD")
    s.usage("parse-register unknown type", ["parse-register", "--type", "x", "--payload", "{}"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--vectors", required=True)
    a = ap.parse_args()
    with open(a.vectors, encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    s = Suite(a.cli)
    test_http_auth(s, vectors)
    test_http_publish(s, vectors)
    test_http_parse_response(s, vectors)
    test_dynreg_https(s, vectors)
    test_parse_register(s, vectors)
    print(f"{s.passed} passed, {s.failed} failed")
    return 0 if s.failed == 0 and s.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
