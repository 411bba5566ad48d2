import Foundation
import Hummingbird
import LessonKit
import LessonWeave
import Synchronization

// Serving: the files of the last render, from memory, and every answer's headers.
extension Preview {
  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: PreviewGuard(preview: self))
    router.get("__preview/version") { _, _ in
      Self.response(Data("\(self.version)".utf8), type: "text/plain; charset=utf-8")
    }
    router.get("__preview/reload.js") { _, _ in
      Self.response(Data(Self.reloadScript.utf8), type: "text/javascript; charset=utf-8")
    }
    router.get("__preview/run.js") { _, _ in self.asset("run.js") }
    router.get("__preview/run.css") { _, _ in self.asset("run.css") }
    addRunRoutes(to: router)
    router.get("/") { _, _ in self.file("index.html") }
    router.get("**") { request, _ in self.file(request.uri.path) }
    router.head("/") { _, _ in self.file("index.html").withoutBody }
    router.head("**") { request, _ in self.file(request.uri.path).withoutBody }
    return router
  }

  /// Whether `host` names this server: 127.0.0.1, localhost or [::1], on its own port.
  /// Any other name, such as one rebound to 127.0.0.1 by a foreign page, is refused.
  func accepts(host: String?) -> Bool {
    let port = state.withLock { $0.port }
    guard let host, port != 0 else { return false }
    return ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"].contains(host.lowercased())
  }

  /// A file of the site, as the preview serves it: what the latest render made, from
  /// memory, or another file put in the site's folder, read from there; never a page it did
  /// not render, and nothing from outside the folder, through `..` (encoded or not), a
  /// hidden name or a symbolic link. A page that is missing is a page that says why and
  /// reloads when the site is rendered again.
  func file(_ path: String) -> Response {
    let relative = (path.removingPercentEncoding ?? path).split(separator: "/").map(String.init)
    guard !relative.isEmpty,
      !relative.contains(where: { $0 == ".." || $0.hasPrefix(".") || $0.contains("\0") })
    else { return missing(path) }
    let key = relative.joined(separator: "/")
    if let served = state.withLock({ $0.files[key] }) { return Self.response(served) }
    let name = relative.last ?? ""
    let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
    let target = folder.appendingPathComponent(key).resolvingSymlinksInPath()
      .standardizedFileURL.path
    guard !name.lowercased().hasSuffix(".html"), target.hasPrefix(root + "/"),
      let data = FileManager.default.contents(atPath: target)
    else { return missing(path) }
    // An SVG opened on its own is a document, and could run a script: nothing it holds may.
    return Self.response(
      Served(body: data, type: Self.contentType(of: name), policy: Self.policy(of: "")))
  }

  /// A 404 that an open tab can recover from: it says what the last render could not
  /// do, and it carries the reload script, so the tab reloads once the lesson is fixed.
  private func missing(_ path: String) -> Response {
    let problems = state.withLock { $0.problems }
    let said =
      problems.isEmpty
      ? "<p>No such page in the preview.</p>"
      : "<p>The latest save could not be rendered:</p>\n<pre>"
        + HTML.escape(problems.joined(separator: "\n"))
        + "</pre>\n<p>This page reloads when it is fixed.</p>"
    let html = Self.plainPage(
      title: "Not found", heading: "Not found: \(HTML.escape(path))", body: said)
    var response = Self.response(served("missing.html", Data(html.utf8)))
    response.status = .notFound
    return response
  }

  /// The page at a malformed lesson's address: its errors, until a save fixes them.
  static func brokenPage(_ lesson: Site.Malformed) -> String {
    let name = lesson.file.lastPathComponent
    return plainPage(
      title: "Errors in \(name)",
      heading: "The latest save of \(HTML.escape(name)) could not be rendered",
      body: "<pre>" + HTML.escape(lesson.diagnostics.joined(separator: "\n")) + "</pre>\n"
        + "<p>This page reloads when the lesson is fixed.</p>")
  }

  /// A page of the preview's own, with the site's style sheet and its policy.
  private static func plainPage(title: String, heading: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self';">
    <title>\(HTML.escape(title)) · Two Stones preview</title>
    <link rel="stylesheet" href="/style.css"></head>
    <body><main><h1>\(heading)</h1>
    \(body)
    </main></body></html>
    """
  }

  /// A file of a render, ready to serve: a page gets the reload script, the editors' script
  /// and style sheet and this server's token, and its policy (which then allows the
  /// scripts) becomes a header too, where it also forbids framing.
  func served(_ path: String, _ contents: Data) -> Served {
    let type = Self.contentType(of: path)
    guard path.hasSuffix(".html") else { return Served(body: contents, type: type, policy: nil) }
    let page = Self.withPreview(String(decoding: contents, as: UTF8.self), token: token)
    return Served(body: Data(page.utf8), type: type, policy: Self.policy(of: page))
  }

  /// The preview's script or style sheet for running examples from the page.
  private func asset(_ name: String) -> Response {
    guard let data = PageRunViews.asset(name) else { return missing("/__preview/" + name) }
    return Self.response(data, type: Self.contentType(of: name))
  }

  /// The Content-Security-Policy a page states in its `<meta>`, with `frame-ancestors`,
  /// which only a header can give; a page that states none gets one that allows nothing.
  static func policy(of page: String) -> String {
    let marker = "<meta http-equiv=\"Content-Security-Policy\" content=\""
    var policy = "default-src 'none'"
    if let start = page.range(of: marker)?.upperBound,
      let end = page[start...].firstIndex(of: "\"")
    {
      policy = String(page[start..<end])
    }
    policy = policy.trimmingCharacters(in: CharacterSet(charactersIn: "; "))
    return policy + "; frame-ancestors 'none'"
  }

  /// The content type for a file of the site, by its name.
  static func contentType(of name: String) -> String {
    let types = [
      "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
      "js": "text/javascript; charset=utf-8", "json": "application/json",
      "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
      "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon",
      "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
      "woff2": "font/woff2", "woff": "font/woff", "pdf": "application/pdf",
    ]
    let parts = name.split(separator: ".")
    let ext = parts.count > 1 ? String(parts.last ?? "") : ""
    return types[ext.lowercased()] ?? "application/octet-stream"
  }

  /// Every answer of the preview: never cached, never sniffed into another type, and a
  /// page with its policy.
  static func response(_ served: Served) -> Response {
    var headers: HTTPFields = [
      .contentType: served.type, .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
    ]
    if let policy = served.policy { headers[.contentSecurityPolicy] = policy }
    return Response(
      status: .ok, headers: headers, body: .init(byteBuffer: served.body))
  }

  static func response(_ body: Data, type: String) -> Response {
    response(Served(body: body, type: type, policy: nil))
  }

  /// A page of the preview: its policy also allows the preview's scripts, which it loads,
  /// and it carries the token that runs from the page must send.
  static func withPreview(_ html: String, token: String) -> String {
    var page = html
    // Only the page's own policy, in its <meta>: a lesson may quote a policy in its prose.
    let marker = "<meta http-equiv=\"Content-Security-Policy\" content=\""
    if let start = page.range(of: marker)?.upperBound,
      let end = page[start...].firstIndex(of: "\"")
    {
      var directives = page[start..<end].split(separator: ";").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      if let script = directives.firstIndex(where: { $0.hasPrefix("script-src ") }) {
        directives[script] =
          "script-src 'self' " + directives[script].dropFirst("script-src ".count)
      } else {
        directives.append("script-src 'self'")
      }
      directives.append("connect-src 'self'")
      page.replaceSubrange(start..<end, with: directives.joined(separator: "; ") + ";")
    }
    if let head = page.range(of: "</head>") {
      page.replaceSubrange(
        head,
        with: "<meta name=\"two-stones-preview-token\" content=\"\(token)\">\n"
          + "<link rel=\"stylesheet\" href=\"/__preview/run.css\">\n</head>")
    }
    if let body = page.range(of: "</body>", options: .backwards) {
      page.replaceSubrange(
        body,
        with: "<script src=\"/__preview/reload.js\"></script>\n"
          + "<script src=\"/__preview/run.js\"></script>\n</body>")
    }
    return page
  }

  /// Asks for the site's version a few times a second, and reloads the page when it changes.
  static let reloadScript = """
    (function () {
      "use strict";
      var seen = null;
      function check() {
        fetch("/__preview/version", { cache: "no-store" })
          .then(function (response) { return response.text(); })
          .then(function (version) {
            if (seen !== null && version !== seen) { location.reload(); return; }
            seen = version;
            setTimeout(check, 250);
          })
          .catch(function () { setTimeout(check, 1000); });
      }
      check();
    })();

    """
}
