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
      [::1] on its own port, and never a file outside its folder; and only the browser that \
      opened the address it printed, whose key becomes a cookie, so that no other account on \
      this machine can use it.

      Every example and exercise starter on a page of the preview can be edited there and \
      run with its Run button (or Ctrl-Enter): the edit is built as that example, with the \
      lesson's setup code and settings, in a scratch package under .build (never in the \
      lesson or the tangled sources), runs on this machine as this user, and its output \
      streams into the page; then the claims about it are judged again on the new run, or, \
      for a starter, the exercise's goals, as 'lesson-runner check' judges them. Only a \
      POST from the preview's own page may run or save code: its Origin must be the \
      server's, and it must carry the token the server put in its pages. One run at a time; \
      an edit of at most 64 KiB; each run stopped at its example's timeout, at most 60 s, \
      or at 1 MiB of output.

      Stop it with Ctrl-C (exit status 130) or SIGTERM (143); a run of --verify or from a \
      page is ended with it.
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
        let address = "http://127.0.0.1:\(port)/?key=\(preview.key)"
        console.line("Serving the book at " + console.paint(address, .bold))
        console.line(
          console.paint(
            "Listening on loopback only; watching the lessons; stop with Ctrl-C.", .dim))
        console.line(
          console.paint(
            "Run on a page builds and runs the edited code on this machine, as this user.", .dim
          ))
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
  let state = Mutex(
    (
      version: 0, seen: [URL: Date](), port: 0, files: [String: Served](),
      problems: [String](), running: false
    ))
  /// Random for each server, printed in the address: the browser that opens it gets it as
  /// a cookie, and every request must carry it.
  let key: String = {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in Preview.hex(generator.next()) }.joined()
  }()
  /// Sixteen hexadecimal digits, leading zeros kept.
  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// One cookie per port: cookies do not tell ports apart, and two previews may run.
  var cookieName: String { "two-stones-preview-\(port)" }
  var port: Int { state.withLock { $0.port } }
  /// Random for each server: the preview puts it in its own pages, and a request that runs
  /// or saves code must carry it. No other page can read it.
  let token: String = {
    var generator = SystemRandomNumberGenerator()
    return (0..<4).map { _ in Preview.hex(generator.next()) }.joined(separator: "-")
  }()

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
      for file in site { served[file.path] = self.served(file.path, Data(file.contents.utf8)) }
      for lesson in malformed {
        let page = lesson.file.deletingPathExtension().lastPathComponent + ".html"
        if served[page] == nil {
          served[page] = self.served(page, Data(Self.brokenPage(lesson).utf8))
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
    // Never beside a run from a page: each would disturb the other's timings, and these
    // are saved as the book's.
    while !state.withLock({ state -> Bool in
      guard !state.running else { return false }
      state.running = true
      return true
    }) {
      try? await Task.sleep(for: .milliseconds(200))
    }
    defer { state.withLock { $0.running = false } }
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
    // Any account on this machine can reach a port on 127.0.0.1: only the browser that
    // opened the address the preview printed, with its key, gets an answer. The key
    // becomes a cookie that no script can read and no other site's request carries.
    let name = preview.cookieName
    if let cookie = Self.cookie(named: name, in: request), Preview.same(cookie, preview.key) {
      return try await next(request, context)
    }
    if let key = request.uri.queryParameters.get("key"), Preview.same(String(key), preview.key) {
      return Response(
        status: .seeOther,
        headers: [
          .location: request.uri.path, .cacheControl: "no-store",
          .setCookie: "\(name)=\(preview.key); Path=/; HttpOnly; SameSite=Strict",
        ])
    }
    return Self.refusal(
      .forbidden,
      "This preview answers only the browser that opened the address it printed, with its key: "
        + "open http://127.0.0.1:\(preview.port)/?key=… as 'lesson-runner serve' printed it.\n")
  }

  /// The value of the cookie `name` in the request's `Cookie` fields.
  static func cookie(named name: String, in request: Request) -> String? {
    for field in request.headers where field.name == .cookie {
      for pair in field.value.split(separator: ";") {
        let parts = pair.split(separator: "=", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.count == 2, parts[0] == name { return parts[1] }
      }
    }
    return nil
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
