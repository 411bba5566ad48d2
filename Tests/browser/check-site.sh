#!/usr/bin/env bash
# Loads every page of a rendered site in headless Chromium and checks what a reader sees:
# the lesson's title, a measured value (or a stated reason) beside every claim, a timeline
# under every example that ran, no console messages, no scripts, and nothing fetched from
# outside the site. Saves a screenshot of the first lesson page.
#
#   Tests/browser/check-site.sh SITE_DIR SCREENSHOT.png [--strict]
#
# --strict also fails a page whose results are missing or stale, or a claim that was not
# measured (a claim skipped for want of cores is fine): use it right after
# `lesson-runner site --verify`.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 SITE_DIR SCREENSHOT.png [--strict]" >&2
  exit 2
fi
site=$(cd "$1" && pwd)
screenshot=$2
strict=${3:-}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
  echo "check-site: error: no chromium found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

python3 - "$site" "$screenshot" "$strict" "$browser" "$profile" <<'PY'
import html.parser
import os
import subprocess
import sys
import urllib.parse

site, screenshot, strict, browser, profile = sys.argv[1:6]
strict = strict == "--strict"
flags = ["--headless", "--disable-gpu", "--no-sandbox", f"--user-data-dir={profile}",
         "--hide-scrollbars", "--no-first-run"]


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def all(self):
        for child in self.children:
            yield child
            yield from child.all()

    def find(self, tag=None, cls=None):
        return [n for n in self.all() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]

    def content(self):
        return "".join(self.text_parts()).strip()

    def text_parts(self):
        for part in self.text:
            yield part if isinstance(part, str) else "".join(part.text_parts())


VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col", "embed", "track"}


class DOM(html.parser.HTMLParser):
    """Chromium's serialised DOM as a tree; good enough for well-formed output."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.current.text.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        self.current.text.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text.append(data)


def load(page, query=""):
    url = "file://" + urllib.parse.quote(os.path.join(site, page)) + query
    run = subprocess.run([browser, *flags, "--enable-logging=stderr", "--v=0", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0 or "<html" not in run.stdout:
        return None, [f"chromium could not load it (status {run.returncode})"]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    dom = DOM()
    dom.feed(run.stdout)
    return dom.root, console


problems = []
pages = sorted(name for name in os.listdir(site) if name.endswith(".html"))
if "index.html" not in pages:
    sys.exit(f"check-site: error: {site} has no index.html")

index, console = load("index.html")
if index is None:
    sys.exit(f"check-site: error: index.html: {console[0]}")
problems += [f"index.html: console: {line}" for line in console]
listed = {}
for item in index.find("ol", "lesson-list")[:1]:
    for link in item.find("a"):
        title = next((s.content() for s in link.find("span", "title")), "")
        listed[link.attrs.get("href", "")] = title
if not listed:
    problems.append("index.html: lists no lessons")
for href in listed:
    if href not in pages:
        problems.append(f"index.html: lists {href}, which is not in the site")

for page in pages:
    root, console = (index, []) if page == "index.html" else load(page)
    if root is None:
        problems.append(f"{page}: {console[0]}")
        continue
    here = [f"{page}: console: {line}" for line in console]
    ids = {n.attrs["id"] for n in root.all() if "id" in n.attrs}
    # Nothing runs, nothing comes from elsewhere, every link inside the site lands.
    for node in root.all():
        if node.tag == "script" and page == "search.html":
            # The one script of the site: inline, allowed by its hash, and its JSON index.
            if "src" in node.attrs:
                here.append(f"{page}: loads a script from {node.attrs['src']}")
        elif node.tag in ("script", "iframe", "object", "embed"):
            here.append(f"{page}: has a <{node.tag}>")
        for key, value in node.attrs.items():
            if key.startswith("on"):
                here.append(f"{page}: <{node.tag}> has an event handler {key}")
            if key not in ("href", "src") or value is None:
                continue
            target = urllib.parse.urlparse(value)
            if target.scheme in ("javascript", "vbscript", "data"):
                here.append(f"{page}: <{node.tag} {key}=\"{value}\"> is a script or data URL")
            elif target.scheme or value.startswith("//"):
                if node.tag != "a":
                    here.append(f"{page}: <{node.tag}> loads {value} from outside the site")
            elif target.path and not os.path.exists(os.path.join(site, urllib.parse.unquote(target.path))):
                here.append(f"{page}: <{node.tag} {key}=\"{value}\"> points at a missing file")
            elif not target.path and target.fragment and target.fragment not in ids:
                here.append(f"{page}: link to #{target.fragment}, which is not on the page")

    if page == "search.html":
        policy = next((m.attrs.get("content", "") for m in root.find("meta")
                       if m.attrs.get("http-equiv") == "Content-Security-Policy"), "")
        scripts = [n for n in root.find("script") if n.attrs.get("type") != "application/json"]
        if len(scripts) != 1 or "script-src 'sha256-" not in policy or "unsafe" in policy:
            here.append(f"{page}: expected one script, allowed by its hash alone ({policy})")
    elif page != "index.html":
        body = next(iter(root.find("body")), None)
        state = body.attrs.get("data-results", "") if body else ""
        h1 = next((n.content() for n in root.find("h1")), "")
        title = next((n.content() for n in root.find("title")), "")
        if page not in listed:
            here.append(f"{page}: the index does not list it")
        elif h1 != listed[page]:
            here.append(f"{page}: its title is '{h1}', but the index calls it '{listed[page]}'")
        if not h1 or h1 not in title:
            here.append(f"{page}: the lesson title '{h1}' is not in the document title '{title}'")
        if strict and state != "current":
            here.append(f"{page}: its results are {state or 'unknown'}, not current")

        claims = [n for n in root.all() if "claim" in n.classes()]
        measured = 0
        for claim in claims:
            verdict = claim.attrs.get("data-verdict")
            value = claim.attrs.get("data-measured")
            shown = next((n.content() for n in claim.find("span", "measure")), "")
            words = next((n.content() for n in claim.find("span", "claim-text")), "")
            where = f"{page}: claim '{words}'"
            if verdict is None or value is None:
                here.append(f"{where} has no data-verdict or data-measured")
            elif verdict in ("passed", "failed"):
                measured += 1
                if not value or value not in shown:
                    here.append(f"{where}: measured '{value}' is not shown beside it ('{shown}')")
            elif verdict == "skipped":
                # The text after the mark (–) must say it was skipped, and why.
                if not shown.lstrip("✓✗–? ").startswith("skipped:"):
                    here.append(f"{where}: skipped, but the page does not say why ('{shown}')")
            elif verdict in ("not-measured", "unmeasured"):
                if "not measured" not in shown:
                    here.append(f"{where}: not measured, but the page does not say so ('{shown}')")
                if strict:
                    here.append(f"{where}: not measured")
                if state == "current" and verdict == "not-measured":
                    here.append(f"{where}: the results are current, yet the claim has none")
            else:
                here.append(f"{where}: unknown verdict '{verdict}'")
            if state != "current" and verdict != "not-measured":
                here.append(f"{where}: shows a verdict ({verdict}) from results that are {state}")

        runs = [n for n in root.find("figure", "outcome") if n.attrs.get("data-mode") == "run"]
        timelines = 0
        for figure in runs:
            name = figure.attrs.get("data-example", "?")
            svgs = figure.find("svg", "timeline")
            ran = figure.attrs.get("data-verdict") in ("passed", "failed")
            if ran and not any(svg.find("rect") for svg in svgs):
                here.append(f"{page}: example {name} ran, but has no timeline with bars")
            if not ran and svgs:
                here.append(f"{page}: example {name} has a timeline but no current run")
            timelines += len(svgs)
        # Exercises: the starter and the commands to try it show, hints are folded, and
        # the solution is neither shown nor run on the page.
        exercises = root.find("div", "exercise-commands")
        for box in exercises:
            name = box.attrs.get("data-exercise", "?")
            commands = box.content()
            if f"lesson-runner exercise" not in commands or f"lesson-runner check" not in commands:
                here.append(f"{page}: exercise {name} does not show the commands to try it")
            if not any(f.attrs.get("data-example") == f"{name}-starter" for f in root.find("figure", "starter")):
                here.append(f"{page}: exercise {name} shows no starter code")
            if any(f.attrs.get("data-example") == name for f in root.find("figure", "outcome")):
                here.append(f"{page}: exercise {name} shows its solution's run")
            if not any(n.attrs.get("data-exercise") == name for n in root.find("p", "solution")):
                here.append(f"{page}: exercise {name} does not say its solution is hidden")
        for hint in root.find("details", "hint"):
            if "open" in hint.attrs:
                here.append(f"{page}: a hint is open before the reader opens it")
        if not here:
            print(f"ok  {page}: '{h1}', {state} results, {measured} of {len(claims)} claims measured, "
                  f"{timelines} timeline{'s' if timelines != 1 else ''} for {len(runs)} run example{'s' if len(runs) != 1 else ''}, "
                  f"{len(exercises)} exercise{'s' if len(exercises) != 1 else ''} with {len(root.find('details', 'hint'))} folded hints")
    problems += here

lessons = [href for href in listed if href in pages]

# Search: each lesson's first section, searched for by its heading, is found and linked.
if "search.html" not in pages:
    problems.append("the site has no search.html")
else:
    for href in lessons:
        root, _ = load(href)
        heading = next((h for h in root.find("h2") if "id" in h.attrs), None) if root else None
        if heading is None:
            continue
        words = heading.content().replace("#", "").strip()
        found, console = load("search.html", "?q=" + urllib.parse.quote(words))
        problems += [f"search.html: console: {line}" for line in console]
        links = [a.attrs.get("href", "") for a in found.find("a")] if found else []
        results = next(iter(found.find("ol", "search-results")), None) if found else None
        hits = [a.attrs.get("href", "") for a in results.find("a")] if results else []
        if f"{href}#{heading.attrs['id']}" not in hits:
            problems.append(f"search.html: searching '{words}' does not find {href}#{heading.attrs['id']} "
                            f"(found {hits[:5]})")
    none, _ = load("search.html", "?q=zqxjkv")
    status = next((n.content() for n in none.find("p", "search-status")), "") if none else ""
    if "Nothing in the book matches" not in status:
        problems.append(f"search.html: a word in no lesson does not say so ('{status}')")
    if not any(p.startswith("search.html") for p in problems):
        print(f"ok  search.html: the first section of each of {len(lessons)} lessons is found by its heading")

# Without scripts: no page but search.html has one (checked above), so the others are the
# same with scripts off. Headless Chromium cannot turn scripts off for a page it dumps, so
# the search page is loaded once more as a copy with its script taken out: it must still
# list every section of every lesson, and keep its search box hidden.
before = len(problems)
with open(os.path.join(site, "search.html"), encoding="utf-8") as source:
    page_text = source.read()
start = page_text.rfind("<script>")
end = page_text.find("</script>", start)
if start < 0 or end < 0:
    problems.append("search.html: has no inline script")
else:
    copy = os.path.join(site, ".search-without-script.html")
    with open(copy, "w", encoding="utf-8") as out:
        out.write(page_text[:start] + page_text[end + len("</script>"):])
    try:
        plain, console = load(".search-without-script.html", "?q=actor")
    finally:
        os.remove(copy)
    links = {a.attrs.get("href", "").split("#")[0] for a in plain.find("a")} if plain else set()
    missing = [href for href in lessons if href not in links]
    if missing:
        problems.append(f"search.html: without its script it does not list {missing}")
    box = next((n for n in plain.all() if n.attrs.get("id") == "search-form"), None) if plain else None
    if box is None or "hidden" not in box.attrs:
        problems.append("search.html: without its script, its search box still shows")
if len(problems) == before:
    print(f"ok  without its script, search.html lists every section of the {len(lessons)} lessons")

# An example built under several settings: its code once, and one outcome per setting,
# laid out side by side. Layout needs a script, and the pages allow none, so each page
# with such an example is loaded once more as a copy whose policy allows one script that
# writes the boxes' positions into the page.
layout_script = """<script>
for (const group of document.querySelectorAll('div.settings')) {
  const boxes = [...group.querySelectorAll('figure.outcome')].map(f => f.getBoundingClientRect());
  const row = boxes.every(b => Math.abs(b.top - boxes[0].top) < 2);
  const ordered = boxes.every((b, i) => i === 0 || b.left >= boxes[i - 1].right - 1);
  group.setAttribute('data-layout', row && ordered && boxes.every(b => b.width > 150) ? 'side-by-side' : 'stacked');
}
</script>"""
groups_seen = 0
for href in lessons:
    root, _ = load(href)
    if root is None:
        continue
    groups = root.find("div", "settings")
    if not groups:
        continue
    for group in groups:
        groups_seen += 1
        family = group.attrs.get("data-example", "?")
        names = group.attrs.get("data-settings", "").split()
        shown = [f.attrs.get("data-setting") for f in group.find("figure", "outcome")]
        if len(names) < 2 or shown != names:
            problems.append(f"{href}: example {family} is built under {names}, but its outcomes show {shown}")
        code = [f for f in root.find("figure") if f.attrs.get("id") == f"example-{family}"]
        if len(code) != 1:
            problems.append(f"{href}: example {family} shows its code {len(code)} times, not once")
        for figure in group.find("figure", "outcome"):
            if figure.attrs.get("data-verdict") not in ("passed", "failed", "not-measured"):
                problems.append(f"{href}: {family} under {figure.attrs.get('data-setting')}: verdict {figure.attrs.get('data-verdict')}")
    with open(os.path.join(site, href), encoding="utf-8") as source:
        text = source.read()
    start = text.find('<meta http-equiv="Content-Security-Policy"')
    end = text.find(">", start)
    text = text[:start] + text[end + 1:] if start >= 0 else text
    copy = os.path.join(site, ".layout-" + href)
    with open(copy, "w", encoding="utf-8") as out:
        out.write(text.replace("</body>", layout_script + "</body>"))
    try:
        laid, _ = subprocess.run([browser, *flags, "--window-size=1280,2400", "--dump-dom",
                                  "file://" + urllib.parse.quote(copy)],
                                 capture_output=True, text=True, timeout=120).stdout, None
    finally:
        os.remove(copy)
    dom = DOM()
    dom.feed(laid)
    for group in dom.root.find("div", "settings"):
        if group.attrs.get("data-layout") != "side-by-side":
            problems.append(f"{href}: the settings of {group.attrs.get('data-example')} are not side by side "
                            f"at 1280 px ({group.attrs.get('data-layout', 'not laid out')})")
if groups_seen and not any("settings of" in p or "built under" in p for p in problems):
    print(f"ok  {groups_seen} examples built under several settings show their code once and their outcomes side by side")

shot = lessons[0] if lessons else "index.html"
url = "file://" + urllib.parse.quote(os.path.join(site, shot))
if os.path.exists(screenshot):
    os.remove(screenshot)
subprocess.run([browser, *flags, "--window-size=1280,2400", f"--screenshot={os.path.abspath(screenshot)}", url],
               capture_output=True, timeout=120)
if not os.path.exists(screenshot) or os.path.getsize(screenshot) == 0:
    problems.append(f"no screenshot of {shot} was written to {screenshot}")
else:
    print(f"screenshot of {shot}: {screenshot}")

for problem in problems:
    print(f"check-site: error: {problem}", file=sys.stderr)
if problems:
    sys.exit(f"check-site: {len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(pages)} pages")
print(f"check-site: {len(pages)} pages checked in Chromium")
PY
