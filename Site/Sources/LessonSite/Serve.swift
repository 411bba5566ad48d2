import ArgumentParser
import Foundation
import Hummingbird
import LessonCLI
import LessonKit
import LessonRun
import LessonWeave
import Logging
import Synchronization

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the book on 127.0.0.1 and render it again whenever a lesson changes.",
    discussion: """
      Renders the site into .build/preview-site/ and serves it on 127.0.0.1, on the port \
      given or one the system picks, and prints the address. When a lesson file (or a \
      draft named on the command line) is saved, its pages are rendered again and open \
      pages reload themselves. With --verify, the changed lesson is also run again, and \
      its page shows the fresh measurements when they arrive. Only the preview's pages \
      carry the small script that reloads them; the site that 'lesson-runner site' writes \
      has none. A save that breaks a lesson leaves a page at its address that shows its \
      errors, until a save fixes them. It answers only requests for 127.0.0.1, localhost or \
      [::1] on its own port, and never a file outside its folder. Stop it with Ctrl-C \
      (exit status 130) or SIGTERM (143); a run of --verify is ended with it.
      """)

  @Argument(help: "Draft lessons (Markdown files outside lessons/) to put on the site too.")
  var drafts: [String] = []

  @Option(help: "The port to listen on, on 127.0.0.1 (default: one the system picks).")
  var port = 0

  @Flag(help: "Run a changed lesson again, and show its fresh measurements.")
  var verify = false

  func run() async throws {
    let workspace = try Session.workspace()
    var drafted: [URL] = []
    for draft in drafts {
      guard let url = workspace.resolve(draft) else {
        Session.fail("no lesson file '\(draft)': give the path of a Markdown file")
        throw ExitCode(2)
      }
      drafted.append(url)
    }
    let preview = Preview(
      workspace: workspace, drafts: drafted, verify: verify,
      folder: workspace.root.appendingPathComponent(".build/preview-site"))
    try preview.render()

    var logger = Logger(label: "lesson-runner serve")
    logger.logLevel = .error
    // Ctrl-C or SIGTERM ends every example and build that a run again started, at once,
    // and exits with 130 or 143, as the runner does; nothing waits for a run to finish.
    let console = preview.console
    Orphans.adopt()
    Interrupts.install { _ in
      console.line()
      console.line("Stopped serving.")
    }
    // A connection that sends nothing for 5 s is closed, half-sent requests included: the
    // idle timer runs from the last complete request (or from the connection), not from
    // the last byte, so a request's head must arrive whole within it.
    let app = Application(
      router: preview.router(),
      server: .http1(configuration: .init(idleTimeout: .seconds(5))),
      configuration: .init(address: .hostname("127.0.0.1", port: port)),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        preview.listening(on: port)
        let address = "http://127.0.0.1:\(port)/"
        console.line("Serving the book at " + console.paint(address, .bold))
        console.line(
          console.paint(
            "Listening on loopback only; watching the lessons; stop with Ctrl-C.", .dim))
      },
      logger: logger)
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { await preview.watch() }
      try await app.runService(gracefulShutdownSignals: [])
      group.cancelAll()
    }
  }
}

/// The live preview: a rendered site in a folder, the same files held ready to serve, a
/// version number that changes with every render, and the lesson files it watches.
final class Preview: Sendable {
  let workspace: Workspace
  let drafts: [URL]
  let verify: Bool
  let folder: URL
  let console = Console()
  private let cache = WeaveCache()
  private let state = Mutex(
    (
      version: 0, seen: [URL: Date](), port: 0, files: [String: Served](),
      problems: [String]()
    ))

  /// A file as the preview answers it, made once per render: a page already carries the
  /// reload script, and its policy is sent as a header too.
  struct Served: Sendable {
    let body: ByteBuffer
    let type: String
    let policy: String?

    init(body: Data, type: String, policy: String?) {
      self.body = ByteBuffer(bytes: body)
      self.type = type
      self.policy = policy
    }
  }

  init(workspace: Workspace, drafts: [URL], verify: Bool, folder: URL) {
    self.workspace = workspace
    self.drafts = drafts
    self.verify = verify
    self.folder = folder
  }

  /// The lesson files on the site, and when each was last changed.
  private func files() -> [URL: Date] {
    var stamps: [URL: Date] = [:]
    for url in workspace.lessonFiles() + drafts {
      let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
      stamps[url] = attributes?[.modificationDate] as? Date ?? .distantPast
    }
    return stamps
  }

  /// Renders the whole site into the folder and into memory, and tells open pages to
  /// reload. A malformed lesson keeps a page at its address, which shows its errors.
  /// `seen` is what the lessons looked like when the change being shown was noticed; a save
  /// made since (during a run again) is then still a change for the next look.
  func render(seen: [URL: Date]? = nil) throws {
    let stamps = seen ?? files()
    let clock = ContinuousClock()
    let began = clock.now
    let book = workspace.lessonFiles()
    let ordered = book + drafts.filter { !book.contains($0) }
    let (lessons, malformed) = Site.bookLessons(
      ordered, in: workspace, console: console, printErrors: true)
    var failed = malformed.flatMap(\.diagnostics)
    var served: [String: Served] = [:]
    do {
      let site = try Book(lessons: lessons).render(reusing: cache)
      for file in site { served[file.path] = Self.served(file.path, Data(file.contents.utf8)) }
      for lesson in malformed {
        let page = lesson.file.deletingPathExtension().lastPathComponent + ".html"
        if served[page] == nil {
          served[page] = Self.served(page, Data(Self.brokenPage(lesson).utf8))
        }
      }
      do {
        try SiteWriter.write(site, to: folder)
      } catch {
        console.line(console.paint("cannot write the site into \(folder.path): \(error)", .red))
      }
    } catch {
      console.line(console.paint("cannot render the site: \(error)", .red))
      failed.append("cannot render the site: \(error)")
    }
    let version = state.withLock {
      $0.seen = stamps
      $0.version += 1
      $0.files = served
      $0.problems = failed
      return $0.version
    }
    let took = Int((clock.now - began) / .milliseconds(1))
    console.line(console.paint("rendered the site (version \(version)) in \(took) ms", .dim))
  }

  /// Looks for saved lessons five times a second, until cancelled.
  func watch() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: .milliseconds(200))
      let now = files()
      let changed = state.withLock { state in
        now.filter { state.seen[$0.key] != $0.value }.map(\.key)
          + state.seen.keys.filter { now[$0] == nil }
      }
      guard !changed.isEmpty else { continue }
      for url in changed {
        console.line("changed: " + console.paint(workspace.displayPath(url), .bold))
      }
      try? render()
      let existing = changed.filter { now[$0] != nil }
      if verify && !existing.isEmpty {
        await runAgain(existing)
        try? render(seen: now)
      }
    }
  }

  /// Verifies `files` on a thread of its own: it waits on builds and examples for
  /// seconds, and must not hold a thread of the cooperative pool while it does.
  private func runAgain(_ files: [URL]) async {
    let workspace = self.workspace
    let console = self.console
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
      Thread {
        _ = try? Verifying.verify(
          files, in: workspace, console: console, strict: false, ownsInterrupts: false)
        done.resume()
      }.start()
    }
  }

  var version: Int { state.withLock { $0.version } }

  /// Records the port the server listens on: only requests for this port are answered.
  func listening(on port: Int) { state.withLock { $0.port = port } }

  // MARK: Serving

  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: PreviewGuard(preview: self))
    router.get("__preview/version") { _, _ in
      Self.response(Data("\(self.version)".utf8), type: "text/plain; charset=utf-8")
    }
    router.get("__preview/reload.js") { _, _ in
      Self.response(Data(Self.reloadScript.utf8), type: "text/javascript; charset=utf-8")
    }
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
    var response = Self.response(Self.served("missing.html", Data(html.utf8)))
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

  /// A file of a render, ready to serve: a page gets the reload script, and its policy
  /// (which then allows the script) becomes a header too, where it also forbids framing.
  static func served(_ path: String, _ contents: Data) -> Served {
    let type = contentType(of: path)
    guard path.hasSuffix(".html") else { return Served(body: contents, type: type, policy: nil) }
    let page = withReload(String(decoding: contents, as: UTF8.self))
    return Served(body: Data(page.utf8), type: type, policy: policy(of: page))
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

  /// A page of the preview: its policy also allows the reload script, which it loads.
  static func withReload(_ html: String) -> String {
    var page = html
    if page.contains("script-src ") {
      page = page.replacingOccurrences(of: "script-src ", with: "script-src 'self' ")
    } else {
      page = page.replacingOccurrences(
        of: "default-src 'none';", with: "default-src 'none'; script-src 'self';")
    }
    page = page.replacingOccurrences(
      of: "default-src 'none';", with: "default-src 'none'; connect-src 'self';")
    return page.replacingOccurrences(
      of: "</body>", with: "<script src=\"/__preview/reload.js\"></script>\n</body>")
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

/// Refuses every request whose `Host` is not this server's own, before any route sees it:
/// a foreign page that rebinds a name of its own to 127.0.0.1 gets nothing. A request with
/// two `Host` fields is malformed (RFC 9112, 3.2), and refused as such.
struct PreviewGuard: RouterMiddleware {
  typealias Context = BasicRequestContext
  let preview: Preview
  func handle(
    _ request: Request, context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    // The first `Host` field became the request's authority; any other is still a field.
    if request.headers.contains(where: { $0.name.canonicalName == "host" }) {
      return Self.refusal(.badRequest, "A request may name one Host, not several.\n")
    }
    guard preview.accepts(host: request.head.authority) else {
      return Self.refusal(
        .misdirectedRequest,
        "This preview answers only requests for 127.0.0.1, localhost or [::1] on its own port.\n")
    }
    return try await next(request, context)
  }

  private static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
    var response = Preview.response(Data(message.utf8), type: "text/plain; charset=utf-8")
    response.status = status
    return response
  }
}

extension Response {
  /// The same answer to a HEAD request: its headers, with the body's length, and no body.
  var withoutBody: Response {
    var head = self
    head.body = ResponseBody(contentLength: body.contentLength ?? 0) { _ in }
    return head
  }
}
