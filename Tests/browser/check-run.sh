#!/usr/bin/env bash
# "Run on the page", seen from a browser: `lesson-runner serve` serves the book, only to
# the browser that opened the address it printed (its key becomes a cookie), a headless
# Chromium opens lesson 3, and the reader's edits are run by the server and shown on the
# page as they happen. In hi-hoi-tasks the two sleeps are put one after the other: the
# output must stream into the run panel before the run is done, and the claim "about 2 s"
# must fail with about 3 s measured, in the panel and in the prose; Reset brings back the
# book's code, whose run makes the claim hold again. The exercise's starter, run as it is,
# misses a goal; the book's solution, pasted in, meets them all. Then the run endpoint must
# refuse what a foreign page or a careless client could send: a foreign Host or Origin, a
# missing or wrong token, a GET, a body over 64 KiB, a second run during a first, a body
# that is not JSON, an unknown example, and a save from a foreign Origin. A page closed
# mid-run ends its example, and frees the server for the next Run. An example built
# under several settings runs, edited, under each of them. Ctrl-C in the
# middle of a run from the page ends the server and the example within a second, with
# status 130. Chromium is driven through its DevTools protocol.
#
#   Tests/browser/check-run.sh LESSON_RUNNER
#
# Run it from the repository's root. With SCREENSHOT=path.png it also saves a picture of
# hi-hoi-tasks' editor and run panel after the failing run.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 LESSON_RUNNER" >&2
  exit 2
fi
runner=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
  echo "check-run: error: no chromium found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi
if [ ! -f lessons/03-event-loop.md ]; then
  echo "check-run: error: run it from the repository's root (no lessons/03-event-loop.md here)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

PYTHONPATH="$(cd "$(dirname "$0")" && pwd)${PYTHONPATH:+:$PYTHONPATH}" \
  python3 - "$runner" "$browser" "$work" "$(pwd)" "${SCREENSHOT:-}" <<'PY'
import base64
import devtools
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
import urllib.parse
import urllib.request

runner, browser, work, root, screenshot = sys.argv[1:6]
LESSON = "lessons/03-event-loop.md"
PAGE = "03-event-loop.html"
# A build of an edited example can take tens of seconds on a busy machine, and a claim
# that does not hold is judged again after more runs: each run gets this long.
RUN_WAIT = 240

problems = []


def fail(message):
    if message in problems:
        return  # the same thing, seen again while waiting: said once
    problems.append(message)
    print(f"    problem: {message.splitlines()[0]}", flush=True)


def ok(message):
    print(f"ok  {message}", flush=True)


class DevTools(devtools.DevTools):
    """The shared client, with the page's values read as this check reads them."""

    def js(self, expression):
        """The value of `expression` in the page (a promise is awaited); an exception in it
        is a problem of the test, and gives None."""
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        result = reply.get("result", {})
        if "exceptionDetails" in result or "error" in reply:
            details = result.get("exceptionDetails") or {}
            said = details.get("exception", {}).get("description") or json.dumps(details or reply.get("error"))
            fail(f"the page could not evaluate {expression[:60]!r}: {said[:300]}")
            return None
        return result.get("result", {}).get("value")


def call_js(function, *args):
    """`function` (JavaScript source) applied to `args`, passed as JSON."""
    return tools.js(f"({function})({', '.join(json.dumps(a) for a in args)})")


def serve():
    """Starts `lesson-runner serve --port 0` in the repository; returns the process, its
    address and the lines it prints, which a thread keeps reading so that the pipe never fills."""
    server = subprocess.Popen([runner, "serve", "--port", "0"], cwd=root, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"})
    lines = []

    def keep():
        for line in server.stdout:
            lines.append(re.sub(r"\x1b\[[0-9;]*m", "", line.rstrip()))
    threading.Thread(target=keep, daemon=True).start()
    # The first render of the whole book comes before the address.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        found = next((re.search(r"Serving the book at (http://127\.0\.0\.1:\d+/)\?key=([0-9a-f]+)", l)
                      for l in list(lines) if "Serving the book at" in l), None)
        if found:
            return server, found.group(1), found.group(2), lines
        if server.poll() is not None:
            break
        time.sleep(0.2)
    server.kill()
    sys.exit("check-run: error: serve printed no address:\n" + "\n".join(lines[-30:]))


def stop(server, lines):
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        fail("serve did not stop within 20 s of Ctrl-C")
        return
    if server.returncode != 130:
        fail(f"serve exited with {server.returncode} after Ctrl-C, not 130:\n" + "\n".join(lines[-20:]))
    else:
        ok("Ctrl-C stopped the server with status 130")


def seconds_of(measured):
    """3.01 from "3.01 s" or "measured 3.01 s", 0.913 from "913 ms"; None if neither."""
    found = re.search(r"(-?[\d.]+)\s*(ms|s)\b", measured or "")
    if not found:
        return None
    value = float(found.group(1))
    return value / 1000 if found.group(2) == "ms" else value


# ---------- Plain HTTP, for what a browser would not send ----------

def request(address, method, path, headers=None, body=b"", host=None):
    """Sends one request as it is and returns (status, headers, body); status 0 when no
    answer came. The body goes in pieces, and the answer is read as soon as there is one, so
    that a server that refuses from the head alone is heard before the rest is pushed."""
    own = re.match(r"http://([^/]+)/", address).group(1)
    server_host, port = own.rsplit(":", 1)
    fields = {"Host": host if host is not None else own, "Connection": "close", "Cookie": cookie,
              **(headers or {})}
    fields = {k: v for k, v in fields.items() if v is not None}
    if body or method == "POST":
        fields.setdefault("Content-Length", str(len(body)))
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items()) + "\r\n"
    data = b""
    try:
        with socket.create_connection((server_host, int(port)), timeout=30) as sock:
            sock.sendall(head.encode())
            sent = 0
            while sent < len(body):
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    break
                try:
                    sock.sendall(body[sent:sent + 4096])
                except OSError:
                    break  # the server stopped reading: its answer may be waiting
                sent += 4096
            while True:
                try:
                    chunk = sock.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                parsed = parse_answer(data)
                if parsed and parsed[3]:
                    break
    except OSError as error:
        return 0, {}, f"no answer ({error})".encode()
    parsed = parse_answer(data)
    return parsed[:3] if parsed else (0, {}, data)


def parse_answer(data):
    """(status, headers, body, whole) of an HTTP answer read so far, or None."""
    if b"\r\n\r\n" not in data:
        return None
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode(errors="replace").split("\r\n")
    parts = lines[0].split()
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    headers = dict((k.strip().lower(), v.strip()) for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l))
    if "content-length" in headers:
        n = int(headers["content-length"])
        return status, headers, body[:n], len(body) >= n
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out, rest = b"", body
        while b"\r\n" in rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size.split(b";")[0] or b"0", 16)
            if n == 0:
                return status, headers, out, True
            if len(rest) < n + 2:
                break
            out, rest = out + rest[:n], rest[n + 2:]
        return status, headers, out, False
    return status, headers, body, False


# ---------- The server, the page, the browser ----------

server, address, key, lines = serve()
own = re.match(r"http://([^/]+)/", address).group(1)
origin = address.rstrip("/")
# What the browser that opened the printed address sends with every request.
cookie = f"two-stones-preview-{own.rsplit(':', 1)[1]}={key}"
print(f"serving at {address}", flush=True)
chromium = None
try:
    # Without the key's cookie, nothing; the printed address sets it, for this browser only.
    status, headers, _ = request(address, "GET", "/" + PAGE, {"Cookie": None})
    if status != 403:
        fail(f"a request without the key's cookie got {status}, not 403")
    status, _, _ = request(address, "GET", "/" + PAGE, {"Cookie": cookie[:-1] + "0"})
    if status != 403:
        fail(f"a request with a wrong key got {status}, not 403")
    status, headers, _ = request(address, "GET", "/" + PAGE + "?key=" + key, {"Cookie": None})
    set_cookie = headers.get("set-cookie", "")
    if status != 303 or not set_cookie.startswith(cookie + ";") or "HttpOnly" not in set_cookie \
            or "SameSite=Strict" not in set_cookie or headers.get("location") != "/" + PAGE:
        fail(f"the printed address answered {status} {headers}, not 303 to /{PAGE} with an HttpOnly, "
             "SameSite=Strict cookie")
    else:
        ok("without the key nothing is served; the printed address gives this browser an HttpOnly, "
           "SameSite=Strict cookie")
    page = urllib.request.urlopen(urllib.request.Request(address + PAGE, headers={"Cookie": cookie}),
                                  timeout=60).read().decode()
    token_found = re.search(r'<meta name="two-stones-preview-token" content="([^"]+)">', page)
    if not token_found:
        sys.exit(f"check-run: error: /{PAGE} carries no preview token")
    token = token_found.group(1)
    for piece in ['<script src="/__preview/run.js"></script>', '<link rel="stylesheet" href="/__preview/run.css">']:
        if piece not in page:
            fail(f"/{PAGE} lacks {piece}")
    asked = urllib.request.Request(address + "__preview/lesson?path=" + urllib.parse.quote(LESSON),
                                   headers={"X-Two-Stones-Token": token, "Cookie": cookie})
    listing = json.load(urllib.request.urlopen(asked, timeout=60))
    examples = {e["name"]: e for e in listing.get("examples", [])}
    tasks = examples.get("hi-hoi-tasks")
    starter = next((e for e in listing.get("examples", [])
                    if e.get("kind") == "starter" and (e.get("exercise") == "on-time" or e["name"] == "on-time-starter")),
                   None)
    if not tasks or not starter:
        sys.exit(f"check-run: error: /__preview/lesson lists no hi-hoi-tasks or on-time starter: {sorted(examples)}")

    # hi-hoi-tasks with its waits in series: the first task is awaited before the second starts.
    book = tasks["code"]
    rows = book.split("\n")
    if "await hi.value" not in rows or not any(r.startswith("let hi =") for r in rows):
        sys.exit(f"check-run: error: hi-hoi-tasks is not the code this test edits:\n{book}")
    rows.remove("await hi.value")
    rows.insert(next(i for i, r in enumerate(rows) if r.startswith("let hi =")) + 1, "await hi.value")
    in_series = "\n".join(rows)

    # The book's solution of the exercise, from the lesson itself.
    text = open(os.path.join(root, LESSON), encoding="utf-8").read().split("\n")
    begin = next((i for i, l in enumerate(text) if l.startswith("```swift example=on-time solution")), None)
    if begin is None:
        sys.exit(f"check-run: error: {LESSON} has no ```swift example=on-time solution block")
    end = next(i for i in range(begin + 1, len(text)) if text[i].startswith("```"))
    solution = "\n".join(text[begin + 1:end])

    profile = os.path.join(work, "profile")
    chromium = subprocess.Popen([browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                                 "--hide-scrollbars", f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                 "--window-size=1000,1200", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.monotonic() + 60
    while not os.path.exists(port_file) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.2)
    port = open(port_file).read().split()[0]
    target = json.load(urllib.request.urlopen(
        urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT"), timeout=30))
    tools = DevTools(target["webSocketDebuggerUrl"])
    # Listening first, so that an error while the page loads is heard too.
    for domain in ["Runtime", "Log", "Page"]:
        tools.call(f"{domain}.enable")
    tools.call("Emulation.setDeviceMetricsOverride", width=1000, height=1200, deviceScaleFactor=1, mobile=False)
    tools.call("Page.navigate", url=address + PAGE + "?key=" + key)

    def wait_until(expression, seconds):
        began = time.monotonic()
        while time.monotonic() - began < seconds:
            if tools.js(expression):
                return True
            time.sleep(0.2)
        return False

    def editor(name):
        return f"document.getElementById({json.dumps(examples[name]['figure'])})"

    if not wait_until(f"!!({editor('hi-hoi-tasks')} && {editor('hi-hoi-tasks')}.querySelector('textarea.preview-input'))", 60):
        sys.exit("check-run: error: no editor appeared on hi-hoi-tasks within 60 s:\n"
                 + json.dumps([e.get("params") for e in tools.events][-10:])[:2000])
    ok("the page put an editor on hi-hoi-tasks")

    # The coloured copy under the textarea is as tall as the textarea, and nothing scrolls.
    layout = call_js("""function (id) {
        var f = document.getElementById(id), t = f.querySelector('textarea.preview-input'),
            p = f.querySelector('pre.preview-highlight'), o = f.querySelector('pre:not(.preview-highlight)');
        return {ta: t.offsetHeight, pre: p.offsetHeight, taScroll: t.scrollHeight, taClient: t.clientHeight,
                preScroll: p.scrollHeight, value: t.value, originalHidden: o ? o.hidden : null,
                caption: !!f.querySelector('figcaption')};
    }""", tasks["figure"])
    if layout:
        # The editor shows no empty line after the last, as the book's block does not.
        if layout["value"].rstrip("\n") != book.rstrip("\n"):
            fail("the editor of hi-hoi-tasks does not start with the book's code")
        if abs(layout["ta"] - layout["pre"]) > 1 or layout["taScroll"] > layout["taClient"] + 1 \
                or abs(layout["taScroll"] - layout["preScroll"]) > 1:
            fail(f"the textarea and its coloured copy do not line up: {layout}")
        if layout["originalHidden"] is not True or not layout["caption"]:
            fail(f"the book's block is not kept hidden, or the caption is gone: {layout}")
        else:
            ok(f"the textarea and its coloured copy are both {layout['ta']} px tall; the book's block is kept, hidden")

    claim_place = call_js("""function (places) {
        var spans = Array.from(document.querySelectorAll('span.claim')).filter(function (s) {
            var t = s.querySelector('.claim-text');
            return places.indexOf(s.getAttribute('data-claim')) >= 0 && t && t.textContent.trim() === 'about 2 s';
        });
        return spans.length ? spans[0].getAttribute('data-claim') : null;
    }""", tasks.get("claims") or [])
    if not claim_place:
        sys.exit(f"check-run: error: no prose claim 'about 2 s' among hi-hoi-tasks' claims {tasks.get('claims')}")

    SAMPLE = """function (name, figure, other) {
        var panel = Array.from(document.querySelectorAll('section.preview-run'))
            .filter(function (p) { return p.getAttribute('data-example') === name; })[0];
        var button = document.getElementById(figure).querySelector('.preview-run-button');
        var otherButton = other ? document.getElementById(other).querySelector('.preview-run-button') : null;
        if (!panel) return {panel: false, button: button.textContent, disabled: button.disabled};
        return {panel: true, verdict: panel.getAttribute('data-verdict'), state: panel.getAttribute('data-state'),
                status: (panel.querySelector('.run-status') || {}).textContent || '',
                lines: Array.from(panel.querySelectorAll('.run-block')).filter(function (b) {
                    return b.getAttribute('data-example') === name;
                }).reduce(function (all, b) {
                    return all.concat(Array.from(b.querySelectorAll('.run-output .run-line .run-text')).map(function (e) { return e.textContent; }));
                }, []),
                button: button.textContent, disabled: button.disabled,
                otherDisabled: otherButton ? otherButton.disabled : null,
                text: panel.innerText.slice(0, 3000)};
    }"""

    def set_code(name, code):
        done = call_js("""function (id, code) {
            var t = document.getElementById(id).querySelector('textarea.preview-input');
            t.value = code;
            t.dispatchEvent(new Event('input', {bubbles: true}));
            return t.value === code;
        }""", examples[name]["figure"], code)
        if not done:
            fail(f"could not put new code in the editor of {name}")

    def click(name, which):
        call_js("function (id, which) { document.getElementById(id).querySelector(which).click(); return true; }",
                examples[name]["figure"], which)

    def run(name, other=None):
        """Clicks Run on `name`'s editor and samples its panel until it has a verdict.
        Returns the last sample and whether output lines were seen before the end."""
        click(name, ".preview-run-button")
        began = time.monotonic()
        streamed, busy, others_free, sample = [], False, True, None
        while time.monotonic() - began < RUN_WAIT:
            sample = call_js(SAMPLE, name, examples[name]["figure"], examples[other]["figure"] if other else None)
            if sample and sample.get("panel"):
                if sample.get("verdict"):
                    break
                if sample["lines"]:
                    streamed = sample["lines"]
                if sample["disabled"] and sample["button"] == "Running…":
                    busy = True
                if sample.get("otherDisabled"):
                    others_free = False
            time.sleep(0.2)
        else:
            fail(f"{name}: no verdict on the run panel within {RUN_WAIT} s: {json.dumps(sample)[:1500]}\n"
                 + "\n".join(lines[-20:]))
        took = time.monotonic() - began
        if sample and sample.get("verdict"):
            print(f"    {name}: {sample['verdict']} after {took:.1f} s: {sample['status']}", flush=True)
            if not busy:
                fail(f"{name}: while it ran, its Run button was not disabled with 'Running…'")
            if not others_free:
                fail(f"{name}: while it ran, the Run button of another editor was disabled")
            if sample["disabled"] or sample["button"] != "Run":
                fail(f"{name}: after the run, its button is {sample['button']!r}, disabled={sample['disabled']}")
        return sample or {}, streamed

    def claim_row(place):
        return call_js("""function (name, place) {
            var panel = Array.from(document.querySelectorAll('section.preview-run'))
                .filter(function (p) { return p.getAttribute('data-example') === name; })[0];
            var row = panel && Array.from(panel.querySelectorAll('.run-claims .run-claim'))
                .filter(function (r) { return r.getAttribute('data-claim') === place; })[0];
            var span = Array.from(document.querySelectorAll('span.claim'))
                .filter(function (s) { return s.getAttribute('data-claim') === place; })[0];
            return {row: row ? row.className : null,
                    measured: row ? (row.getAttribute('data-measured') || (row.querySelector('.run-claim-measured') || {}).textContent) : null,
                    rowText: row ? row.innerText : null,
                    span: span ? span.className : null, spanVerdict: span ? span.getAttribute('data-verdict') : null,
                    spanMeasure: span ? (span.querySelector('.measure') || {}).textContent : null};
        }""", "hi-hoi-tasks", place)

    def expect_claim(when, verdict, low, high):
        """The panel's row of the claim 'about 2 s' has `verdict`, measured low–high s."""
        found = claim_row(claim_place) or {}
        value = seconds_of(found.get("measured"))
        if not found.get("row") or f"verdict-{verdict}" not in found["row"].split():
            fail(f"{when}, the claim 'about 2 s' ({claim_place}) is not {verdict} on the panel: {found}")
        elif value is None or not low <= value <= high:
            fail(f"{when}, the claim 'about 2 s' measured {found.get('measured')!r}, not {low} s – {high} s")
        else:
            ok(f"{when}, the panel shows 'about 2 s' {verdict}, measured {found.get('measured')}")
        return found

    # 1. The waits in series: output streams in, and "about 2 s" does not hold.
    set_code("hi-hoi-tasks", in_series)
    sample, streamed = run("hi-hoi-tasks", other=starter["name"])
    if sample.get("verdict"):
        shown = sample.get("lines", [])
        if "hi" not in shown or "hoi" not in shown:
            fail(f"hi-hoi-tasks in series: the panel did not show its own lines hi and hoi: {shown}")
        if not streamed:
            fail("hi-hoi-tasks in series: no output line was on the panel before the run was done")
        else:
            ok(f"hi-hoi-tasks in series: {len(streamed)} output line(s) showed before the run was done, "
               f"{len(shown)} in all")
        if not re.search(r"^\s*\d+\.\d{3} s │ hi$", sample.get("text", ""), re.M):
            fail(f"the output lines do not carry their time as '  1.003 s │ hi': {sample.get('text', '')[:400]!r}")
        found = expect_claim("in series", "failed", 2.6, 3.6)
        if not found.get("span") or "verdict-failed" not in found["span"].split() \
                or found.get("spanVerdict") != "failed" or "from-page-run" not in found["span"].split():
            fail(f"in series, the prose's claim 'about 2 s' was not updated to failed: {found}")
        else:
            ok(f"the prose's claim now says: {found.get('spanMeasure', '').strip()}")

    if screenshot:
        clip = call_js("""function (id, name) {
            var f = document.getElementById(id);
            var panel = Array.from(document.querySelectorAll('section.preview-run'))
                .filter(function (p) { return p.getAttribute('data-example') === name; })[0];
            f.scrollIntoView({block: 'start'});
            var a = f.getBoundingClientRect(), b = (panel || f).getBoundingClientRect();
            var top = Math.min(a.top, b.top) + window.scrollY - 12, left = Math.min(a.left, b.left) + window.scrollX - 12;
            return {x: Math.max(0, left), y: Math.max(0, top), width: Math.max(a.right, b.right) - Math.min(a.left, b.left) + 24,
                    height: Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) + 24, scale: 1};
        }""", tasks["figure"], "hi-hoi-tasks")
        shot = tools.call("Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True)
        if "result" in shot:
            with open(screenshot, "wb") as out:
                out.write(base64.b64decode(shot["result"]["data"]))
            ok(f"saved a picture of the failing run to {screenshot}")
        else:
            fail(f"no screenshot: {shot.get('error')}")

    # 2. Reset: the book's code again, and the claim holds.
    click("hi-hoi-tasks", ".preview-reset-button")
    reset = call_js("function (id) { return document.getElementById(id).querySelector('textarea.preview-input').value; }",
                    tasks["figure"])
    if (reset or "").rstrip("\n") != book.rstrip("\n"):
        fail("after Reset, the editor does not hold the book's code")
    sample, _ = run("hi-hoi-tasks")
    if sample.get("verdict"):
        found = expect_claim("after Reset", "passed", 1.6, 2.5)
        if not found.get("span") or "verdict-passed" not in found["span"].split():
            fail(f"after Reset, the prose's claim 'about 2 s' is not passed: {found}")

    # 3. The exercise: the starter as the book gives it misses a goal; the solution meets them all.
    GOALS = """function (name) {
        var panel = Array.from(document.querySelectorAll('section.preview-run'))
            .filter(function (p) { return p.getAttribute('data-example') === name; })[0];
        return panel ? Array.from(panel.querySelectorAll('.run-goals .run-goal')).map(function (g) {
            return {met: g.classList.contains('met'), missed: g.classList.contains('missed'), text: g.innerText};
        }) : [];
    }"""
    click(starter["name"], ".preview-reset-button")
    sample, _ = run(starter["name"])
    if sample.get("verdict"):
        goals = call_js(GOALS, starter["name"]) or []
        if not any(g["missed"] for g in goals):
            fail(f"the starter as the book gives it missed no goal: {goals}; {sample.get('text', '')[:600]!r}")
        else:
            ok(f"the starter as the book gives it: {sum(g['missed'] for g in goals)} of {len(goals)} goals missed")
    set_code(starter["name"], solution)
    sample, _ = run(starter["name"])
    if sample.get("verdict"):
        goals = call_js(GOALS, starter["name"]) or []
        if not goals or not all(g["met"] for g in goals):
            fail(f"with the book's solution, not every goal was met: {goals}")
        elif sample.get("verdict") != "passed":
            fail(f"with the book's solution, the panel's verdict is {sample.get('verdict')!r}, not passed")
        else:
            ok(f"with the book's solution, all {len(goals)} goals were met and the run passed")

    # Nothing on the page went wrong: no exception, no error in the console, no policy violation.
    tools.js("1")
    for event in tools.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            fail(f"the page threw: {json.dumps(params.get('exceptionDetails', {}))[:500]}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            fail(f"the page logged an error: {json.dumps(params.get('args', []))[:500]}")
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            if entry.get("level") == "error" and "favicon" not in entry.get("url", "") + entry.get("text", ""):
                fail(f"the console says: {entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")

    # 4. What the run endpoint must refuse.
    found = len(problems)
    good = {"Content-Type": "application/json", "X-Two-Stones-Token": token, "Origin": origin,
            "Cookie": cookie}

    def body(example="hi-hoi-tasks", code=book):
        return json.dumps({"lesson": LESSON, "example": example, "code": code}).encode()

    def expect(what, wanted, answer, json_error=True):
        status, headers, data = answer
        if status != wanted:
            fail(f"{what}: answered {status}, not {wanted}: {data[:200]!r}")
            return
        if any(name.startswith("access-control-") for name in headers):
            fail(f"{what}: the refusal allows other origins: {headers}")
        if json_error:
            try:
                said = json.loads(data)
                assert isinstance(said.get("error"), str) and said["error"]
            except Exception:
                fail(f"{what}: the {status} has no JSON {{\"error\": …}}: {data[:200]!r}")

    run_path = "/__preview/run"
    exercises_before = {os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(root, "exercises"))
                        for name in names}
    port_number = own.rsplit(":", 1)[1]
    expect("a foreign Host", 421, request(address, "POST", run_path, good, body(), host=f"evil.example:{port_number}"),
           json_error=False)
    expect("a foreign Origin", 403, request(address, "POST", run_path, {**good, "Origin": "http://evil.example"}, body()))
    expect("the Origin of another port", 403,
           request(address, "POST", run_path, {**good, "Origin": "http://127.0.0.1:1"}, body()))
    expect("no token", 403, request(address, "POST", run_path,
                                    {k: v for k, v in good.items() if k != "X-Two-Stones-Token"}, body()))
    expect("a wrong token", 403, request(address, "POST", run_path, {**good, "X-Two-Stones-Token": "0" * len(token)}, body()))
    expect("a GET", 405, request(address, "GET", run_path, {"Origin": origin, "X-Two-Stones-Token": token}))
    big = json.dumps({"lesson": LESSON, "example": "hi-hoi-tasks", "code": "// " + "x" * (66 * 1024) + "\n" + book}).encode()
    expect("a body over 64 KiB", 413, request(address, "POST", run_path, good, big))
    expect("a text/plain body", 415, request(address, "POST", run_path, {**good, "Content-Type": "text/plain"}, body()))
    expect("an unknown example", 400, request(address, "POST", run_path, good, body(example="no-such-example")))
    expect("bad JSON", 400, request(address, "POST", run_path, good, b"{\"lesson\": "))
    expect("no Origin", 403, request(address, "POST", run_path,
                                     {k: v for k, v in good.items() if k != "Origin"}, body()))
    expect("Origin null", 403, request(address, "POST", run_path, {**good, "Origin": "null"}, body()))
    expect("localhost's Origin for 127.0.0.1", 403,
           request(address, "POST", run_path, {**good, "Origin": f"http://localhost:{port_number}"}, body()))
    expect("a lesson outside the book", 400,
           request(address, "POST", run_path, good,
                   json.dumps({"lesson": "../README.md", "example": "hi-hoi-tasks", "code": book}).encode()))
    expect("a solution, which is not on the page", 400,
           request(address, "POST", run_path, good, body(example="on-time")))
    expect("a foreign Host, for the lesson's listing", 421,
           request(address, "GET", "/__preview/lesson?path=" + urllib.parse.quote(LESSON),
                   host=f"evil.example:{port_number}"), json_error=False)
    expect("a save with no token", 403,
           request(address, "POST", "/__preview/save", {k: v for k, v in good.items() if k != "X-Two-Stones-Token"},
                   body(example=starter["name"], code=starter["code"])))
    expect("a save of an example that is no starter", 400,
           request(address, "POST", "/__preview/save", good, body()))
    saved = request(address, "POST", "/__preview/save", {**good, "Origin": "http://evil.example"},
                    body(example=starter["name"], code=starter["code"]))
    expect("a save from a foreign Origin", 403, saved)
    if saved[0] == 200:
        # A server that took it wrote the reader's exercise file: one it just made goes again.
        try:
            written = os.path.join(root, json.loads(saved[2])["path"])
            if os.path.realpath(written).startswith(os.path.join(root, "exercises") + os.sep) \
                    and written not in exercises_before and os.path.exists(written):
                os.remove(written)
        except (ValueError, KeyError, TypeError, OSError):
            pass

    # A second run while one is going on: the first is read as a browser would, until done.
    first = {"started": threading.Event(), "stream": b"", "status": 0}

    def first_run():
        server_host, port = own.rsplit(":", 1)
        data = body()
        head = (f"POST {run_path} HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n"
                + "".join(f"{k}: {v}\r\n" for k, v in good.items()) + f"Content-Length: {len(data)}\r\n\r\n")
        try:
            with socket.create_connection((server_host, int(port)), timeout=RUN_WAIT) as sock:
                sock.sendall(head.encode() + data)
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    first["stream"] += chunk
                    if b"event: started" in first["stream"]:
                        first["started"].set()
                    if b"event: done" in first["stream"]:
                        break
        except OSError as error:
            first["error"] = str(error)
        first["started"].set()

    thread = threading.Thread(target=first_run, daemon=True)
    thread.start()
    if not first["started"].wait(RUN_WAIT) or b"event: started" not in first["stream"]:
        fail(f"a run started over plain HTTP never said 'started': {first}")
    else:
        expect("a second run during a first", 409, request(address, "POST", run_path, good, body()))
    thread.join(RUN_WAIT)
    if b"event: done" not in first["stream"]:
        fail(f"the first run, during which a second was refused, never said 'done': {first['stream'][-400:]!r}")
    if len(problems) == found:
        exercises_after = {os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(root, "exercises"))
                           for name in names}
        if exercises_after != exercises_before:
            fail(f"a refused save wrote {sorted(exercises_after - exercises_before)}")
        ok("the run endpoint refused a foreign Host (421), foreign, missing and null Origins, no token and a "
           "wrong one (403), a GET (405), 65 KiB (413), a second run (409), text/plain (415), an unknown "
           "example, a solution, a lesson outside the book and bad JSON (400), and saves from a foreign "
           "Origin, with no token or of no starter, none of which wrote a file")

    # 5. A page closed during its run: the example ends within a few seconds, and the next
    # Run is not refused.
    waiting = ("import Foundation\nprint(\"pid \\(ProcessInfo.processInfo.processIdentifier)\")\n"
               "Thread.sleep(forTimeInterval: 50)\n")
    data = body(code=waiting)
    head = (f"POST {run_path} HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in good.items()) + f"Content-Length: {len(data)}\r\n\r\n")
    server_host, port = own.rsplit(":", 1)
    left_pid, stream = None, b""
    with socket.create_connection((server_host, int(port)), timeout=RUN_WAIT) as sock:
        sock.sendall(head.encode() + data)
        while left_pid is None:
            chunk = sock.recv(65536)
            if not chunk:
                break
            stream += chunk
            said = re.search(rb'"text":"pid (\d+)"', stream)
            left_pid = int(said.group(1)) if said else None
    if left_pid is None:
        fail(f"the run of a page about to close never printed its pid: {stream[-300:]!r}")
    else:
        closed = time.monotonic()
        while time.monotonic() - closed < 10:
            try:
                os.kill(left_pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        gone_after = time.monotonic() - closed
        status, _, answer = (0, None, b"")
        while time.monotonic() - closed < 15:
            status, _, answer = request(address, "POST", run_path, good, body(code="print(\"hi\")\nprint(\"hoi\")\n"))
            if status != 409:
                break
            time.sleep(0.2)
        if gone_after >= 5 or status != 200:
            fail(f"after its page closed, the example ran {gone_after:.1f} s more, and the next run got {status}")
        else:
            ok(f"a page closed mid-run: its example ended {gone_after:.1f} s later, and the next Run was taken")

    # A compiler error after text that is not ASCII: its column is the editor's (UTF-16
    # units), where the compiler counts bytes.
    wide = 'let greeting = "h\u00e9llo, \u4e16\u754c"; print(greeting, nope)\n'
    status, _, answer = request(address, "POST", run_path, good, body(code=wide))
    built = re.search(rb'event: built\r?\ndata: (\{[^\n]*\})', answer)
    said = json.loads(built.group(1)).get("diagnostics", []) if built else []
    if not said or said[0].get("line") != 1 or said[0].get("column") != wide.index("nope") + 1:
        fail(f"a compiler error after non-ASCII text: {said[:1]}, wanted line 1, column {wide.index('nope') + 1}")
    else:
        ok(f"a compiler error after non-ASCII text points at the editor's column {said[0]['column']}, "
           f"where the compiler said {said[0]['text'].split(':')[2]}")

    # 6. An example built under several settings runs, edited, under each of them.
    nine = "lessons/09-where-code-runs.md"
    asked = urllib.request.Request(address + "__preview/lesson?path=" + urllib.parse.quote(nine),
                                   headers={"Cookie": cookie})
    several = [e for e in json.load(urllib.request.urlopen(asked, timeout=60)).get("examples", [])
               if len(e.get("settings", [])) > 1]
    if not several:
        fail(f"{nine} lists no example built under several settings")
    else:
        family = several[0]
        data = json.dumps({"lesson": nine, "example": family["name"], "code": family["code"]}).encode()
        status, _, answer = request(address, "POST", run_path, good, data)
        ran = re.findall(rb'event: run\r?\ndata: (\{[^\n]*\})', answer)
        settings = sorted(json.loads(r).get("setting") or "" for r in ran)
        outcomes = re.findall(rb'"id":"(result-[^"]+)"', answer)
        if status != 200 or settings != sorted(family["settings"]) \
                or sorted(o.decode() for o in outcomes) != sorted(family["outcomes"]):
            fail(f"{family['name']} under {family['settings']}: answered {status}, ran under {settings}, "
                 f"outcomes {outcomes}")
        else:
            ok(f"{family['name']}, edited, ran under each of its settings ({', '.join(settings)}), "
               "each outcome where the book's stands")

    # 7. Ctrl-C during a run from the page: the server and the example it runs end within
    # a second, with status 130. The edit says its process id, then waits far longer.
    if chromium:
        chromium.kill()
        chromium.wait()
        chromium = None
    waiting = ("import Foundation\nprint(\"pid \\(ProcessInfo.processInfo.processIdentifier)\")\n"
               "Thread.sleep(forTimeInterval: 50)\n")
    long_run = {"stream": b"", "pid": None, "said": threading.Event()}

    def long_one():
        data = body(code=waiting)
        head = (f"POST {run_path} HTTP/1.1\r\nHost: {own}\r\nConnection: close\r\n"
                + "".join(f"{k}: {v}\r\n" for k, v in good.items()) + f"Content-Length: {len(data)}\r\n\r\n")
        server_host, port = own.rsplit(":", 1)
        try:
            with socket.create_connection((server_host, int(port)), timeout=RUN_WAIT) as sock:
                sock.sendall(head.encode() + data)
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    long_run["stream"] += chunk
                    said = re.search(rb'"text":"pid (\d+)"', long_run["stream"])
                    if said:
                        long_run["pid"] = int(said.group(1))
                        long_run["said"].set()
        except OSError:
            pass
        long_run["said"].set()

    threading.Thread(target=long_one, daemon=True).start()
    if not long_run["said"].wait(RUN_WAIT) or long_run["pid"] is None:
        fail(f"the long run never printed its pid: {long_run['stream'][-400:]!r}")
    else:
        began = time.monotonic()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        took = time.monotonic() - began
        try:
            os.kill(long_run["pid"], 0)
            alive = True
        except ProcessLookupError:
            alive = False
        except PermissionError:
            alive = True
        if server.returncode != 130 or took > 1.0 or alive:
            fail(f"Ctrl-C during a run from the page: status {server.returncode} after {took:.2f} s, "
                 f"the example {'still running' if alive else 'ended'}; wanted 130 within 1 s, the example ended")
        else:
            ok(f"Ctrl-C during a run from the page stopped the server in {took:.2f} s with status 130, "
               "and the example with it")
finally:
    if chromium:
        chromium.kill()
        chromium.wait()
    if server.poll() is None:
        stop(server, lines)

for problem in problems:
    print(f"check-run: error: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print("check-run: ok")
PY
