#!/usr/bin/env python3
"""CTest driver for mqtt_broker_interop: starts Mosquitto on a free loopback port with a
password file holding the credentials iotwire computed, runs the example session against it,
and stops the broker.

Skips (exit 77) only when Mosquitto is not installed and CI is not set; scripts/install-deps.sh
installs it, so on CI a missing broker is a failure.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SKIP = 77


def find(name):
    return shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.access(p, os.X_OK)), None)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port, broker, deadline=10.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if broker.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--example", required=True)
    args = ap.parse_args()

    mosquitto, passwd = find("mosquitto"), find("mosquitto_passwd")
    if mosquitto is None or passwd is None:
        msg = "mosquitto/mosquitto_passwd not found (scripts/install-deps.sh installs it)"
        if os.environ.get("CI"):
            print(f"FAIL: {msg}")
            return 1
        print(f"SKIP: {msg}")
        return SKIP

    creds = json.loads(subprocess.run([args.example, "--print-credentials"], check=True,
                                      capture_output=True, text=True).stdout)
    # What the platform's credentials look like, so the test exercises the awkward characters.
    assert "|" in creds["client_id"] and "," in creds["client_id"], creds
    assert "&" in creds["username"], creds

    with tempfile.TemporaryDirectory() as tmp:
        pwfile = os.path.join(tmp, "passwd")
        subprocess.run([passwd, "-c", "-b", pwfile, creds["username"], creds["password"]],
                       check=True, capture_output=True)
        os.chmod(pwfile, 0o600)
        port = free_port()
        conf = os.path.join(tmp, "mosquitto.conf")
        with open(conf, "w") as f:
            f.write(f"listener {port} 127.0.0.1\n"
                    "allow_anonymous false\n"
                    f"password_file {pwfile}\n"
                    "persistence false\n"
                    "log_dest stderr\n"
                    "log_type all\n")
            # Started as root, Mosquitto drops to user "mosquitto", which cannot read this
            # private temporary directory; keeping root (the test's own user) avoids that.
            if os.geteuid() == 0:
                f.write("user root\n")
        log_path = os.path.join(tmp, "broker.log")
        with open(log_path, "w") as log:
            broker = subprocess.Popen([mosquitto, "-c", conf], stdout=log, stderr=log)
            try:
                if not wait_listening(port, broker):
                    print("FAIL: mosquitto did not start")
                    print(open(log_path).read())
                    return 1
                run = subprocess.run([args.example, "--port", str(port)], capture_output=True,
                                     text=True, timeout=30)
            finally:
                broker.terminate()
                try:
                    broker.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    broker.kill()
        sys.stdout.write(run.stdout)
        sys.stderr.write(run.stderr)
        if run.returncode != 0:
            print(f"FAIL: example exited {run.returncode}; broker log:")
            print(open(log_path).read())
            return 1
        # The broker must have seen the platform-shaped client id, not some fallback.
        if creds["client_id"] not in open(log_path).read():
            print("FAIL: the broker log does not show the client id")
            return 1
    print("PASS: CONNECT, SUBSCRIBE, PUBLISH QoS 1, PUBACK, PINGREQ, DISCONNECT against Mosquitto")
    return 0


if __name__ == "__main__":
    sys.exit(main())
