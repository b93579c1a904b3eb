"""Loopback stand-ins for the swap-in test (tests/legacy-swap/run.py): an MQTT relay in front
of Mosquitto, an HTTP server for device auth/publish and HTTPS dynamic registration, and an
MQTT server for MQTT dynamic registration. Each records every byte the device sends and checks
the signs with Python's own hmac/hashlib, so what they accept does not come from iotwire.
Standard library only. (The CoAP simulator is c-examples/examples/coap_platform_sim.py.)"""

import hashlib
import hmac
import json
import socket
import threading


def compact(obj):
    """JSON as the platform sends it: no spaces (3.2.0's registration scanner needs that)."""
    return json.dumps(obj, separators=(",", ":")).encode()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def listener(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(4)
    s.settimeout(0.2)
    return s


def mqtt_packets(data):
    """Splits an MQTT byte stream into whole packets (the incomplete tail is dropped)."""
    out, pos = [], 0
    while pos + 2 <= len(data):
        length, mult, i = 0, 1, pos + 1
        while i < len(data):
            b = data[i]
            length += (b & 0x7F) * mult
            mult *= 128
            i += 1
            if not b & 0x80:
                break
        else:
            break
        end = i + length
        if end > len(data):
            break
        out.append(data[pos:end])
        pos = end
    return out


def connect_header(packet):
    """(flags, keepalive) of a CONNECT."""
    i = 1
    while packet[i] & 0x80:
        i += 1
    i += 1 + 7  # remaining length, then protocol name and level
    return packet[i], int.from_bytes(packet[i + 1:i + 3], "big")


def connect_fields(packet):
    """client id, username, password of a CONNECT."""
    i = 1
    while packet[i] & 0x80:
        i += 1
    i += 1 + 10  # remaining length, then protocol name/level/flags/keepalive
    fields = []
    for _ in range(3):
        n = int.from_bytes(packet[i:i + 2], "big")
        fields.append(packet[i + 2:i + 2 + n].decode())
        i += 2 + n
    return fields


class Server(threading.Thread):
    """Accepts connections until stopped, one thread each; subclasses implement serve()."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.sock = listener(port)
        self.stop_event = threading.Event()
        self.errors = []
        self.lock = threading.Lock()

    def run(self):
        while not self.stop_event.is_set():
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            conn.settimeout(10)
            threading.Thread(target=self.safe_serve, args=(conn,), daemon=True).start()
        self.sock.close()

    def safe_serve(self, conn):
        try:
            self.serve(conn)
        except (OSError, ValueError) as e:
            self.errors.append(f"{type(self).__name__}: {e!r}")
        finally:
            conn.close()

    def stop(self):
        self.stop_event.set()
        self.join(timeout=5)


class MqttRelay(Server):
    """Relays one device connection to a broker, recording the device's bytes, until the
    device has sent `packets` whole MQTT packets."""

    def __init__(self, port, broker_port, packets):
        super().__init__(port)
        self.broker_port = broker_port
        self.want = packets
        self.sent = b""
        self.received = b""
        self.done = threading.Event()

    def serve(self, conn):
        up = socket.create_connection(("127.0.0.1", self.broker_port), timeout=10)

        def down():
            try:
                while True:
                    d = up.recv(4096)
                    if not d:
                        break
                    self.received += d
                    conn.sendall(d)
            except OSError:
                pass

        threading.Thread(target=down, daemon=True).start()
        while not self.done.is_set():
            d = conn.recv(4096)
            if not d:
                break
            self.sent += d
            up.sendall(d)
            if len(mqtt_packets(self.sent)) >= self.want:
                self.done.set()
        up.close()


class HttpServer(Server):
    """Device auth (`POST /auth`), publish (`POST /topic/...`) and HTTPS dynamic registration
    (`POST /auth/register/device`), over plain TCP (the builds have TLS off). `devices` maps a
    ProductKey to (DeviceName, DeviceSecret, ProductSecret)."""

    def __init__(self, port, devices):
        super().__init__(port)
        self.devices = devices
        self.requests = []
        self.token = "3c54a2f7bf9f48b5b7a3b4d5c6e7f801"
        self.message_id = 892687627916247040

    def serve(self, conn):
        data = b""
        while b"\r\n\r\n" not in data:
            d = conn.recv(4096)
            if not d:
                return
            data += d
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            d = conn.recv(4096)
            if not d:
                break
            body += d
        with self.lock:
            self.requests.append(head + b"\r\n\r\n" + body)
        path = head.split(b" ")[1].decode()
        reply = self.route(path, head, body)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                     + str(len(reply)).encode() + b"\r\nConnection: close\r\n\r\n" + reply)

    def route(self, path, head, body):
        if path == "/auth":
            return self.auth(body)
        if path == "/auth/register/device":
            return self.register(body)
        if path.startswith("/topic/"):
            self.check(b"password:" + self.token.encode() + b"\r\n" in head, "publish without the token")
            return compact({"code": 0, "message": "success", "info": {"messageId": self.message_id}})
        self.check(False, f"unknown path {path}")
        return b'{"code":10000,"message":"unknown"}'

    def check(self, cond, what):
        if not cond:
            self.errors.append(what)
        return cond

    def auth(self, body):
        # The SDK sends a NUL-free JSON body; `version` is followed by one space in 3.x.
        req = json.loads(body)
        dn, ds, _ = self.devices[req["productKey"]]
        content = f"clientId{req['clientId']}deviceName{req['deviceName']}productKey{req['productKey']}"
        want = hmac.new(ds.encode(), content.encode(), hashlib.sha1).hexdigest()
        if not self.check(req.get("sign") == want and req["deviceName"] == dn, f"bad auth sign over {content!r}"):
            return b'{"code":20000,"message":"auth check error"}'
        return compact({"code": 0, "message": "success", "info": {"token": self.token}})

    def register(self, body):
        form = dict(kv.split("=", 1) for kv in body.decode().split("&"))
        dn, _, ps = self.devices[form["productKey"]]
        content = f"deviceName{form['deviceName']}productKey{form['productKey']}random{form['random']}"
        want = hmac.new(ps.encode(), content.encode(), hashlib.sha256).hexdigest().upper()
        if not self.check(form.get("sign") == want and form["deviceName"] == dn,
                          f"bad registration sign over {content!r}"):
            return b'{"code":6293,"message":"sign check error"}'
        return compact({"code": 200, "data": {"productKey": form["productKey"], "deviceName": dn,
                                              "deviceSecret": "DYNREGsecret0123456789abcdef0123"},
                        "message": "success"})


class MqttRegisterServer(Server):
    """MQTT dynamic registration (authType=register): checks the CONNECT's client id and
    password against the ProductSecret, answers CONNACK 0 and pushes /ext/register with
    `secret` as the deviceSecret, then records the device's bytes until it closes."""

    def __init__(self, port, devices, secret):
        super().__init__(port)
        self.devices = devices
        self.secret = secret
        self.sent = b""
        self.closed = threading.Event()

    def serve(self, conn):
        while not mqtt_packets(self.sent):
            d = conn.recv(4096)
            if not d:
                return
            self.sent += d
        connect = mqtt_packets(self.sent)[0]
        cid, user, pwd = connect_fields(connect)
        dn, pk = user.split("&")
        _, _, ps = self.devices[pk]
        random = cid.split("random=")[1].split(",")[0]
        content = f"deviceName{dn}productKey{pk}random{random}"
        want = hmac.new(ps.encode(), content.encode(), hashlib.sha256).hexdigest().upper()
        self.connect_ok = pwd == want and cid.startswith(f"{pk}.{dn}|authType=register,")
        if not self.connect_ok:
            self.errors.append(f"bad registration CONNECT {cid!r}")
            conn.sendall(b"\x20\x02\x00\x04")
            return
        conn.sendall(b"\x20\x02\x00\x00")
        topic = b"/ext/register"
        payload = compact({"productKey": pk, "deviceName": dn, "deviceSecret": self.secret})
        body = len(topic).to_bytes(2, "big") + topic + payload
        conn.sendall(bytes([0x30, len(body)]) + body if len(body) < 128 else
                     bytes([0x30, (len(body) & 0x7F) | 0x80, len(body) >> 7]) + body)
        try:
            while True:
                d = conn.recv(4096)
                if not d:
                    break
                self.sent += d
        except OSError:
            pass
        self.closed.set()
