#!/usr/bin/env bash
# The live preview, seen from a browser: `lesson-runner serve` serves a draft lesson, a
# headless Chromium opens its page, the draft is saved with new words, and the same open
# page must show them, reloaded by the preview's script, within a few seconds. A save that
# breaks the lesson must show its error on the open page, which recovers once it is fixed.
# The server must refuse foreign Host names, paths out of its folder (encoded or not, and
# through a symbolic link), and answer HEAD and every file with nosniff. Ctrl-C (SIGINT),
# even in the middle of a run of --verify, must stop it within a second with status 130.
# Chromium is driven through its DevTools protocol.
#
#   Tests/browser/check-preview.sh LESSON_RUNNER
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 LESSON_RUNNER" >&2
  exit 2
fi
runner=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
  echo "check-preview: error: no chromium found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$runner" "$browser" "$work" <<'PY'
import base64
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.request

runner, browser, work = sys.argv[1:4]
draft = os.path.join(work, "watched.md")


def write_draft(words):
    with open(draft, "w", encoding="utf-8") as out:
        out.write(f"# A lesson being written\n\n{words}\n")


class DevTools:
    """Just enough of a WebSocket client for Chromium's DevTools protocol."""

    def __init__(self, url):
        host, port, path = re.match(r"ws://([^/:]+):(\d+)(/.*)", url).groups()
        self.sock = socket.create_connection((host, int(port)), timeout=20)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(4096)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"no WebSocket: {head[:200]!r}")
        self.buffer = head.split(b"\r\n\r\n", 1)[1]
        self.last = 0

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _frame(self):
        first, second = self._read(2)
        n = second & 0x7F
        if n == 126:
            n = struct.unpack(">H", self._read(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self._read(8))[0]
        return first & 0x0F, self._read(n)

    def call(self, method, **params):
        self.last += 1
        data = json.dumps({"id": self.last, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(data)
        head = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            opcode, payload = self._frame()
            if opcode == 1:
                message = json.loads(payload)
                if message.get("id") == self.last:
                    return message

    def text(self):
        reply = self.call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''")
        return reply.get("result", {}).get("result", {}).get("value", "")


problems = []


def serve(*options):
    """Starts `lesson-runner serve` on the draft; returns the process, its address and the
    lines it prints, which a thread keeps reading so that the pipe never fills."""
    server = subprocess.Popen([runner, "serve", *options, draft], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"})
    lines = []
    threading.Thread(target=lambda: lines.extend(line.rstrip() for line in server.stdout), daemon=True).start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = next((re.search(r"http://127\.0\.0\.1:\d+/", l) for l in list(lines)
                      if "127.0.0.1" in l), None)
        if found:
            return server, found.group(0), lines
        if server.poll() is not None:
            break
        time.sleep(0.1)
    server.kill()
    sys.exit("check-preview: error: serve printed no address:\n" + "\n".join(lines))


def stop(server, lines, within=20):
    began = time.monotonic()
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=within)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        problems.append(f"serve did not stop within {within} s of Ctrl-C")
        return
    took = time.monotonic() - began
    if server.returncode != 130:
        problems.append(f"serve exited with {server.returncode} after Ctrl-C, not 130:\n" + "\n".join(lines[-20:]))
    else:
        print(f"ok  Ctrl-C stopped the server in {took:.2f} s, with status 130")


def raw(address, request):
    """Sends `request` as it is, and returns the status code and the headers, lower-cased."""
    host, port = re.match(r"http://([^:/]+):(\d+)/", address).groups()
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request.encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode(errors="replace").split("\r\n")
    status = int(head[0].split()[1]) if len(head[0].split()) > 1 else 0
    headers = dict((k.strip().lower(), v.strip()) for k, v in (l.split(":", 1) for l in head[1:] if ":" in l))
    return status, headers


def refusals(address):
    """The preview answers only its own page: every other request sees a refusal."""
    own = re.match(r"http://([^/]+)/", address).group(1)
    port = own.split(":")[1]
    checks = [
        ("a foreign Host", f"GET / HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n", 421),
        ("an empty Host", "GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n", 421),
        ("no Host at all", "GET / HTTP/1.0\r\n\r\n", 421),
        ("another port", "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n", 421),
    ]
    for path in ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                 "/..%2f..%2fetc/passwd", "/.hidden", "/leak.txt"]:
        checks.append((f"the path {path}", f"GET {path} HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n\r\n", 404))
    for what, request, wanted in checks:
        status, _ = raw(address, request)
        if status != wanted:
            problems.append(f"{what}: answered {status}, not {wanted}")
    status, headers = raw(address, f"HEAD /style.css HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n\r\n")
    length = len(urllib.request.urlopen(address + "style.css", timeout=10).read())
    if status != 200 or headers.get("content-length") != str(length):
        problems.append(f"HEAD /style.css: {status} with length {headers.get('content-length')}, not 200 and {length}")
    if headers.get("x-content-type-options") != "nosniff" or not headers.get("content-type", "").startswith("text/css"):
        problems.append(f"/style.css has the headers {headers}")
    if not problems:
        print("ok  foreign hosts, paths out of the folder and a symbolic link out of it are refused; HEAD and nosniff hold")


write_draft("The first words of the draft.")
server, address, lines = serve()
chromium = None
try:
    deadline = time.monotonic() + 120
    print(f"serving at {address}")

    profile = os.path.join(work, "profile")
    chromium = subprocess.Popen([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                 f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    while not os.path.exists(port_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    port = open(port_file).read().split()[0]
    page_url = address + "watched.html"
    request = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?{page_url}", method="PUT")
    target = json.load(urllib.request.urlopen(request, timeout=20))
    tools = DevTools(target["webSocketDebuggerUrl"])

    def wait_for(words, seconds):
        began = time.monotonic()
        while time.monotonic() - began < seconds:
            if words in tools.text():
                return time.monotonic() - began
            time.sleep(0.1)
        return None

    if wait_for("The first words of the draft.", 20) is None:
        problems.append(f"the page never showed the draft's first words: {tools.text()[:200]!r}")
    saved = time.monotonic()
    write_draft("Words saved later, while the page was open.")
    took = wait_for("Words saved later, while the page was open.", 10)
    if took is None:
        problems.append(f"the open page did not show the saved words within 10 s: {tools.text()[:200]!r}")
    else:
        print(f"ok  the open page showed the saved words {took:.2f} s after the save")
    if "The first words of the draft." in tools.text():
        problems.append("the page still shows the old words")

    # A link out of the site's folder is never followed.
    site = os.path.join(os.path.dirname(os.path.dirname(runner)), "preview-site")
    leak = os.path.join(site, "leak.txt")
    if os.path.isdir(site):
        os.symlink("/etc/passwd", leak)
    try:
        refusals(address)
    finally:
        if os.path.lexists(leak):
            os.remove(leak)

    # A save that breaks the lesson shows its error on the open page, which recovers.
    with open(draft, "w", encoding="utf-8") as out:
        out.write("# A lesson being written\n\nIt takes [about 1 s](claim:nowhere).\n")
    if wait_for("could not be rendered", 10) is None:
        problems.append(f"after a malformed save, the page does not say so: {tools.text()[:300]!r}")
    elif "nowhere" not in tools.text():
        problems.append(f"the page does not name the error: {tools.text()[:300]!r}")
    write_draft("Words after the fix.")
    took = wait_for("Words after the fix.", 10)
    if took is None:
        problems.append(f"after the fix, the page did not recover: {tools.text()[:300]!r}")
    else:
        print(f"ok  a malformed save showed its error on the open page, which recovered {took:.2f} s after the fix")

    # With --verify, a save also runs the lesson again, and the page then shows its numbers.
    stop(server, lines)
    with open(draft, "w", encoding="utf-8") as out:
        out.write("# A lesson being measured\n\nIt naps for [about 0.3 s](claim:nap).\n\n"
                  "```swift example=nap\nimport Foundation\n\n"
                  "Thread.sleep(forTimeInterval: 0.3)\nprint(\"awake\")\n```\n")
    server, address, lines = serve("--verify")
    tools.call("Page.navigate", url=address + "watched.html")
    if wait_for("not measured", 20) is None:
        problems.append(f"before its run, the page does not say 'not measured': {tools.text()[:300]!r}")
    with open(draft, "a", encoding="utf-8") as out:
        out.write("\nA sentence added, so that the lesson runs again.\n")
    took = wait_for("measured 3", 300)
    if took is None:
        problems.append("with --verify, the page never showed the measured nap:\n" + "\n".join(lines[-30:]))
    else:
        print(f"ok  with --verify, the open page showed the fresh measurement {took:.1f} s after the save")

    # Ctrl-C in the middle of a run ends the run and the server at once.
    with open(draft, "w", encoding="utf-8") as out:
        out.write("# A lesson being measured\n\nIt naps for [about 20 s](claim:long-nap).\n\n"
                  "```swift example=long-nap\nimport Foundation\n\nprint(\"long nap begins\")\n"
                  "Thread.sleep(forTimeInterval: 20)\n```\n")
    began = time.monotonic()
    while time.monotonic() - began < 300 and not any("long nap begins" in l for l in list(lines)):
        time.sleep(0.1)
    if not any("long nap begins" in l for l in list(lines)):
        problems.append("with --verify, the long nap never began:\n" + "\n".join(lines[-30:]))
    else:
        before = set(os.listdir("/proc")) if os.path.isdir("/proc") else set()
        stop(server, lines, within=1)
        time.sleep(0.2)
        left = [p for p in os.listdir("/proc") if p.isdigit() and p in before
                and "LongNap" in (open(f"/proc/{p}/cmdline", "rb").read().decode(errors="replace")
                                   if os.path.exists(f"/proc/{p}/cmdline") else "")] if before else []
        if left:
            problems.append(f"the long nap still runs after Ctrl-C: pids {left}")
        server = None
finally:
    if chromium:
        chromium.kill()
        chromium.wait()
    if server is not None:
        stop(server, lines)

for problem in problems:
    print(f"check-preview: error: {problem}", file=sys.stderr)
if problems:
    sys.exit(f"check-preview: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
print("check-preview: the live preview works in Chromium")
PY
