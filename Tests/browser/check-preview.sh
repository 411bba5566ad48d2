#!/usr/bin/env bash
# The live preview, seen from a browser: `lesson-runner serve` serves a draft lesson, a
# headless Chromium opens its page, the draft is saved with new words, and the same open
# page must show them, reloaded by the preview's script, within a few seconds. A save that
# breaks the lesson must show its error on the open page, which recovers once it is fixed.
# Every request carries the cookie that the printed address (with its key) gave the browser.
# The server must refuse foreign, empty, missing and doubled Host fields, paths out of its
# folder (encoded or not, and through a symbolic link), and pages it did not render; close
# half-sent requests; answer HEAD as GET without a body, every file with its type and
# nosniff, and every page with a Content-Security-Policy that allows no inline script
# without its hash. Ctrl-C (SIGINT) or SIGTERM in the middle of a run of --verify must stop
# it within a second with status 130 or 143, the run's example ended and the port free.
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

PYTHONPATH="$(cd "$(dirname "$0")" && pwd)${PYTHONPATH:+:$PYTHONPATH}" \
  python3 - "$runner" "$browser" "$work" <<'PY'
import base64
import devtools
import hashlib
import json
import os
import re
import select
import signal
import socket
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


class DevTools(devtools.DevTools):
    """The shared client, with the page's words as this check reads them."""

    def __init__(self, url):
        super().__init__(url, timeout=20)

    def text(self):
        reply = self.call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''")
        return reply.get("result", {}).get("result", {}).get("value", "")


problems = []


cookies = {}
keys = {}


def keyed(url):
    """The URL as the preview printed it, with its key: the first visit of a browser."""
    port = re.match(r"http://[^/]+:(\d+)/", url).group(1)
    return url + ("&" if "?" in url else "?") + "key=" + keys[port]


def serve(*options):
    """Starts `lesson-runner serve` on the draft; returns the process, its address and the
    lines it prints, which a thread keeps reading so that the pipe never fills."""
    server = subprocess.Popen([runner, "serve", *options, draft], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"})
    lines = []
    threading.Thread(target=lambda: lines.extend(line.rstrip() for line in server.stdout), daemon=True).start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        found = next((re.search(r"(http://127\.0\.0\.1:(\d+)/)\?key=([0-9a-f]+)", l) for l in list(lines)
                      if "127.0.0.1" in l), None)
        if found:
            # What the browser that opened the printed address sends with every request.
            cookies[found.group(2)] = f"two-stones-preview-{found.group(2)}={found.group(3)}"
            keys[found.group(2)] = found.group(3)
            return server, found.group(1), lines
        if server.poll() is not None:
            break
        time.sleep(0.1)
    server.kill()
    sys.exit("check-preview: error: serve printed no address:\n" + "\n".join(lines))


def stop(server, lines, within=20, sig=signal.SIGINT):
    """Stops the server with `sig` and expects it gone within `within` seconds, with the
    status 128 + the signal's number, and its port free."""
    name, wanted = ("Ctrl-C", 130) if sig == signal.SIGINT else ("SIGTERM", 143)
    began = time.monotonic()
    server.send_signal(sig)
    try:
        server.wait(timeout=within)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        problems.append(f"serve did not stop within {within} s of {name}")
        return
    took = time.monotonic() - began
    if server.returncode != wanted:
        problems.append(f"serve exited with {server.returncode} after {name}, not {wanted}:\n" + "\n".join(lines[-20:]))
    else:
        print(f"ok  {name} stopped the server in {took:.2f} s, with status {wanted}")


def port_is_free(address):
    host, port = re.match(r"http://([^:/]+):(\d+)/", address).groups()
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except OSError:
        return True
    return False


def raw(address, request):
    """Sends `request` as it is, and returns the status code, the headers (lower-cased)
    and the body (as long as Content-Length says; none for HEAD); 0 when no answer came."""
    host, port = re.match(r"http://([^:/]+):(\d+)/", address).groups()
    if port in cookies and "\r\nCookie:" not in request and "\r\n" in request:
        request = request.replace("\r\n", f"\r\nCookie: {cookies[port]}\r\n", 1)
    data = b""
    try:
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(request.encode())
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            wanted = 0 if request.startswith("HEAD ") else int(length.group(1)) if length else None
            while wanted is None or len(body) < wanted:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                body += chunk
    except OSError as error:
        problems.append(f"{request.splitlines()[0]!r}: no answer ({error})")
        return 0, {}, b""
    head = head.decode(errors="replace").split("\r\n")
    status = int(head[0].split()[1]) if len(head[0].split()) > 1 else 0
    headers = dict((k.strip().lower(), v.strip()) for k, v in (l.split(":", 1) for l in head[1:] if ":" in l))
    return status, headers, body


class HalfSent:
    """`count` connections that each send half a request head and then nothing; a thread
    notes when the server closes each."""

    def __init__(self, address, count=50):
        own = re.match(r"http://([^/]+)/", address).group(1)
        host, port = own.split(":")
        self.opened = time.monotonic()
        self.socks = []
        for _ in range(count):
            sock = socket.create_connection((host, int(port)), timeout=10)
            sock.sendall(f"GET /index.html HTTP/1.1\r\nHost: {own}\r\nUser-Agent: slow".encode())
            self.socks.append(sock)
        self.closed = {}
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self):
        waiting = set(self.socks)
        while waiting and time.monotonic() - self.opened < 60:
            ready, _, _ = select.select(list(waiting), [], [], 0.5)
            for sock in ready:
                try:
                    data = sock.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    self.closed[sock] = time.monotonic() - self.opened
                    waiting.discard(sock)

    def closed_within(self, seconds):
        """Waits, at most until `seconds` after they were opened; returns how many are still
        open, and when the server closed the last of the others."""
        self.thread.join(timeout=max(0, self.opened + seconds - time.monotonic()))
        times = [t for t in self.closed.values() if t <= seconds]
        for sock in self.socks:
            sock.close()
        return len(self.socks) - len(times), max(times, default=0)


def get(address, path, method="GET", host=None):
    own = host or re.match(r"http://([^/]+)/", address).group(1)
    return raw(address, f"{method} {path} HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n\r\n")


def refusals(address, site):
    """The preview answers only its own pages and files: every other request sees a refusal."""
    found = len(problems)
    own = re.match(r"http://([^/]+)/", address).group(1)
    port = own.split(":")[1]
    checks = [
        ("a foreign Host", f"GET / HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n", 421),
        ("a foreign Host without a port", "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", 421),
        ("an empty Host", "GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n", 421),
        ("no Host at all", "GET / HTTP/1.0\r\n\r\n", 421),
        ("another port", "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n", 421),
        ("its own Host, then a foreign one",
         f"GET / HTTP/1.1\r\nHost: {own}\r\nHost: evil.example\r\nConnection: close\r\n\r\n", 400),
    ]
    for path in ["/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                 "/..%2f..%2fetc/passwd", "/.hidden", "/leak.txt", "/outside/secret.txt", "/hand.html"]:
        checks.append((f"the path {path}", f"GET {path} HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n\r\n", 404))
    for what, request, wanted in checks:
        status, headers, body = raw(address, request)
        if status != wanted:
            problems.append(f"{what}: answered {status}, not {wanted}")
        if b"root:" in body or b"a file outside the site" in body:
            problems.append(f"{what}: the answer holds a file from outside the site: {body[:80]!r}")
        if "access-control-allow-origin" in headers:
            problems.append(f"{what}: the answer allows other origins: {headers}")
    for name in ["localhost", "[::1]"]:
        status, _, _ = get(address, "/", host=f"{name}:{port}")
        if status != 200:
            problems.append(f"the Host {name}:{port} answered {status}, not 200")
    if len(problems) == found:
        print("ok  foreign, empty, missing and doubled Hosts, paths out of the folder, symbolic links "
              "out of it and a page it did not render are refused")

    # HEAD is GET without the body; every file has its type, and nosniff.
    found = len(problems)
    for path in ["/style.css", "/watched.html"]:
        status, headers, body = get(address, path, "HEAD")
        port = re.match(r"http://[^/]+:(\d+)/", address).group(1)
        full = urllib.request.urlopen(urllib.request.Request(address + path[1:], headers={"Cookie": cookies[port]}),
                                      timeout=10).read()
        if status != 200 or headers.get("content-length") != str(len(full)) or body:
            problems.append(f"HEAD {path}: {status} with length {headers.get('content-length')} and "
                            f"{len(body)} bytes of body, not 200, {len(full)} and none")
    types = {"style.css": "text/css", "watched.html": "text/html", "index.html": "text/html",
             "__preview/reload.js": "text/javascript", "t.svg": "image/svg+xml", "t.json": "application/json",
             "t.png": "image/png", "t.woff2": "font/woff2", "t.txt": "text/plain", "t.ico": "image/x-icon",
             "t.unknown": "application/octet-stream"}
    for path, wanted in types.items():
        status, headers, _ = get(address, "/" + path)
        if status != 200 or not headers.get("content-type", "").startswith(wanted):
            problems.append(f"/{path}: {status}, {headers.get('content-type')}, not 200, {wanted}")
        if headers.get("x-content-type-options") != "nosniff":
            problems.append(f"/{path} lacks X-Content-Type-Options: nosniff: {headers}")
        if any(name.startswith("access-control-") for name in headers):
            problems.append(f"/{path} allows other origins: {headers}")
        if path == "t.svg" and "default-src 'none'" not in headers.get("content-security-policy", ""):
            problems.append(f"/t.svg, a document that could hold a script, has no policy: {headers}")
    status, headers, _ = get(address, "/", host="evil.example")
    if headers.get("x-content-type-options") != "nosniff":
        problems.append(f"a refusal lacks nosniff: {headers}")

    # Every page has a policy, in a header and in the page, and every inline script the
    # page runs is allowed by its hash; the reload script comes from the server itself.
    pages = sorted(n for n in os.listdir(site) if n.endswith(".html"))
    for page in pages + ["no-such-page.html"]:
        _, headers, body = get(address, "/" + page)
        html = body.decode(errors="replace")
        policy = headers.get("content-security-policy", "")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        if "default-src 'none'" not in policy or "frame-ancestors 'none'" not in policy or not meta:
            problems.append(f"/{page}: no Content-Security-Policy header or meta: {policy!r}")
            continue
        scripts = re.search(r"script-src ([^;]*)", policy)
        allowed = scripts.group(1).split() if scripts else []
        if '<script src="/__preview/reload.js">' not in html or "'self'" not in allowed:
            problems.append(f"/{page}: the reload script is missing or not allowed: {allowed}")
        for attributes, code in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            if "src=" in attributes or 'type="application/json"' in attributes:
                continue
            digest = "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"
            if digest not in allowed or "'unsafe-inline'" in allowed:
                problems.append(f"/{page}: an inline script its policy does not allow by hash: {code[:60]!r}")
    if len(problems) == found:
        print(f"ok  HEAD, content types and nosniff hold; {len(pages)} pages and the 404 carry a policy "
              "that allows no inline script without its hash")


def long_naps():
    """The pids of the long-nap example's processes now running."""
    found = []
    for pid in (os.listdir("/proc") if os.path.isdir("/proc") else []):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                if pid.isdigit() and b"LongNap" in cmdline.read():
                    found.append(pid)
        except OSError:
            pass
    return found


def interrupt_a_run(server, address, lines, sig, text):
    """Saves the draft as a lesson whose example naps for 20 s, waits until the nap begins in
    the run that the save started, and stops the server with `sig` in the middle of it: the
    server and the nap must be gone within a second, and the port free."""
    with open(draft, "w", encoding="utf-8") as out:
        out.write(f"# A lesson being measured\n\n{text} It naps for [about 20 s](claim:long-nap).\n\n"
                  "```swift example=long-nap\nimport Foundation\n\nprint(\"long nap begins\")\n"
                  "Thread.sleep(forTimeInterval: 20)\n```\n")
    began = time.monotonic()
    while time.monotonic() - began < 300 and not any("long nap begins" in l for l in list(lines)):
        time.sleep(0.1)
    if not any("long nap begins" in l for l in list(lines)):
        problems.append("with --verify, the long nap never began:\n" + "\n".join(lines[-30:]))
        return
    signalled = time.monotonic()
    stop(server, lines, within=1, sig=sig)
    while long_naps() and time.monotonic() - signalled < 1:
        time.sleep(0.05)
    if long_naps():
        problems.append(f"the long nap still runs a second after the signal: pids {long_naps()}")
    if not port_is_free(address):
        problems.append(f"after the signal, something still answers at {address}")


write_draft("The first words of the draft.")
server, address, lines = serve()
# Connections that send half a request and then wait: the server must close them.
slow = HalfSent(address)
site = os.path.join(os.path.dirname(os.path.dirname(runner)), "preview-site")
planted = []
chromium = None
try:
    deadline = time.monotonic() + 120
    print(f"serving at {address}")
    if not any("Listening on loopback only" in l for l in list(lines)):
        problems.append("on start, serve does not say it listens on loopback only:\n" + "\n".join(lines[-5:]))

    profile = os.path.join(work, "profile")
    chromium = subprocess.Popen([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                 f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    while not os.path.exists(port_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    port = open(port_file).read().split()[0]
    page_url = keyed(address + "watched.html")
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

    # Files put in the site's folder by hand: of several types, links out of the folder (a
    # file and a folder), and a page the preview did not render.
    outside = os.path.join(work, "outside")
    os.makedirs(outside)
    with open(os.path.join(outside, "secret.txt"), "w") as out:
        out.write("a file outside the site\n")
    links = {"leak.txt": "/etc/passwd", "outside": outside}
    for name, to in links.items():
        os.symlink(to, os.path.join(site, name))
        planted.append(os.path.join(site, name))
    for name in ["t.svg", "t.json", "t.png", "t.woff2", "t.txt", "t.ico", "t.unknown", "hand.html"]:
        with open(os.path.join(site, name), "w") as out:
            out.write("<html><body><script>alert(1)</script></body></html>" if name == "hand.html" else "{}")
        planted.append(os.path.join(site, name))
    refusals(address, site)

    # A save that breaks the lesson shows its error on the open page, which recovers.
    with open(draft, "w", encoding="utf-8") as out:
        out.write("# A lesson being written\n\nIt takes [about 1 s](claim:nowhere).\n")
    shown = wait_for("could not be rendered", 10)
    if shown is None:
        problems.append(f"after a malformed save, the page does not say so: {tools.text()[:300]!r}")
    elif not re.search(r"watched\.md:3:\d+: error: .*nowhere", tools.text()):
        problems.append(f"the page does not give the error as path:line:col: {tools.text()[:300]!r}")
    elif not any(re.search(r"watched\.md:3:\d+: error: .*nowhere", l) for l in list(lines)):
        problems.append("the terminal does not give the error:\n" + "\n".join(lines[-10:]))
    write_draft("Words after the fix.")
    took = wait_for("Words after the fix.", 10)
    if took is None:
        problems.append(f"after the fix, the page did not recover: {tools.text()[:300]!r}")
    else:
        print(f"ok  a malformed save showed its error on the open page {shown or 0:.2f} s after the save, "
              f"and the page recovered {took:.2f} s after the fix")

    # The half-sent requests of the start have been closed by the server's idle timeout.
    left_open, took = slow.closed_within(8)
    if left_open:
        problems.append(f"{left_open} of {len(slow.socks)} half-sent requests were still open 8 s after they began")
    else:
        print(f"ok  {len(slow.socks)} half-sent requests were closed by the server {took:.1f} s after they began")

    # With --verify, a save also runs the lesson again, and the page then shows its numbers.
    stop(server, lines)
    with open(draft, "w", encoding="utf-8") as out:
        out.write("# A lesson being measured\n\nIt naps for [about 0.3 s](claim:nap).\n\n"
                  "```swift example=nap\nimport Foundation\n\n"
                  "Thread.sleep(forTimeInterval: 0.3)\nprint(\"awake\")\n```\n")
    server, address, lines = serve("--verify")
    tools.call("Page.navigate", url=keyed(address + "watched.html"))
    if wait_for("not measured", 20) is None:
        problems.append(f"before its run, the page does not say 'not measured': {tools.text()[:300]!r}")
    with open(draft, "a", encoding="utf-8") as out:
        out.write("\nA sentence added, so that the lesson runs again.\n")
    took = wait_for("measured 3", 300)
    if took is None:
        problems.append("with --verify, the page never showed the measured nap:\n" + "\n".join(lines[-30:]))
    else:
        print(f"ok  with --verify, the open page showed the fresh measurement {took:.1f} s after the save")

    # Ctrl-C, then SIGTERM, in the middle of a run end the run and the server at once.
    interrupt_a_run(server, address, lines, signal.SIGINT, "First.")
    server, address, lines = serve("--verify")
    interrupt_a_run(server, address, lines, signal.SIGTERM, "Second.")
    server = None
finally:
    for path in planted:
        if os.path.lexists(path):
            os.remove(path)
    if chromium:
        chromium.kill()
        chromium.wait()
    if server is not None and server.poll() is None:
        stop(server, lines)

for problem in problems:
    print(f"check-preview: error: {problem}", file=sys.stderr)
if problems:
    sys.exit(f"check-preview: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
print("check-preview: the live preview works in Chromium")
PY
