import ArgumentParser
import Foundation
import Hummingbird
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
      has none. Stop it with Ctrl-C.
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
    let app = Application(
      router: preview.router(),
      configuration: .init(address: .hostname("127.0.0.1", port: port)),
      onServerRunning: { channel in
        let address = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/"
        preview.console.line("Serving the book at " + preview.console.paint(address, .bold))
        preview.console.line(
          preview.console.paint("Watching the lessons; stop with Ctrl-C.", .dim))
      },
      logger: logger)
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { await preview.watch() }
      try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
      group.cancelAll()
    }
    preview.console.line("Stopped serving.")
  }
}

/// The live preview: a rendered site in a folder, a version number that changes with
/// every render, and the lesson files it watches.
final class Preview: Sendable {
  let workspace: Workspace
  let drafts: [URL]
  let verify: Bool
  let folder: URL
  let console = Console()
  private let cache = WeaveCache()
  private let state = Mutex((version: 0, seen: [URL: Date]()))

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

  /// Renders the whole site into the folder, and tells open pages to reload.
  func render() throws {
    let stamps = files()
    let clock = ContinuousClock()
    let began = clock.now
    let book = workspace.lessonFiles()
    let ordered = book + drafts.filter { !book.contains($0) }
    let (lessons, _) = Site.bookLessons(
      ordered, in: workspace, console: console, printErrors: true)
    do {
      try SiteWriter.write(try Book(lessons: lessons).render(reusing: cache), to: folder)
    } catch {
      console.line(console.paint("cannot render the site: \(error)", .red))
    }
    let version = state.withLock {
      $0.seen = stamps
      $0.version += 1
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
        try? render()
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
        _ = try? Verify.verify(
          files, in: workspace, console: console, strict: false, ownsInterrupts: false)
        done.resume()
      }.start()
    }
  }

  var version: Int { state.withLock { $0.version } }

  // MARK: Serving

  func router() -> Router<BasicRequestContext> {
    let router = Router()
    router.get("__preview/version") { _, _ in "\(self.version)" }
    router.get("__preview/reload.js") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(string: Self.reloadScript)))
    }
    router.get("/") { _, _ in try self.file("index.html") }
    router.get("**") { request, _ in try self.file(request.uri.path) }
    return router
  }

  private func file(_ path: String) throws -> Response {
    let relative = (path.removingPercentEncoding ?? path).split(separator: "/").map(String.init)
    guard !relative.isEmpty, !relative.contains(where: { $0 == ".." || $0.hasPrefix(".") }),
      let data = FileManager.default.contents(
        atPath: folder.appendingPathComponent(relative.joined(separator: "/")).path)
    else { throw HTTPError(.notFound) }
    let name = relative.last ?? ""
    var body = data
    let type: String
    if name.hasSuffix(".html") {
      type = "text/html; charset=utf-8"
      body = Data(Self.withReload(String(decoding: data, as: UTF8.self)).utf8)
    } else if name.hasSuffix(".css") {
      type = "text/css; charset=utf-8"
    } else {
      type = "application/octet-stream"
    }
    return Response(
      status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(bytes: body)))
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
