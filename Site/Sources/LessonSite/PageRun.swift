import Foundation
import Hummingbird
import LessonCLI
import LessonKit
import LessonRun
import LessonWeave
import Synchronization

// Running an edited example from the preview's page. This runs code on the reader's machine,
// as the reader, so every request that runs or writes anything must come from the preview's
// own page: a POST whose Origin is this server's, carrying the token the server put in its
// pages. A foreign page can neither read that token (it cannot read our pages) nor send the
// header that carries it without a CORS preflight, which this server never answers.
extension Preview {
  /// The largest edited example a request may carry.
  static let bodyLimit = 64 * 1024
  /// Where every place in an edited example is reported: the page's editor, line 1 being
  /// the first line of the code in it.
  static let editorPath = "editor"
  /// The header field that carries the token (`X-Two-Stones-Token`).
  static let tokenFieldName = "X-Two-Stones-Token"

  func addRunRoutes(to router: Router<BasicRequestContext>) {
    router.get("__preview/lesson") { request, _ in self.lessonInfo(request) }
    router.post("__preview/run") { request, _ in await self.run(request) }
    router.post("__preview/save") { request, _ in await self.save(request) }
    for path in ["__preview/run", "__preview/save"] {
      for method in [HTTPRequest.Method.get, .head, .put, .delete, .patch, .options] {
        router.on(RouterPath(path), method: method) { _, _ in
          var refused = Self.refusal(
            .methodNotAllowed, "Only a POST from the preview's own page may run or save code.")
          refused.headers[.allow] = "POST"
          return refused
        }
      }
    }
  }

  // MARK: Reading

  /// What the page needs to put an editor on each example: the book's code, what it is,
  /// which claims a run judges and which figures it replaces. Reading only: no token.
  func lessonInfo(_ request: Request) -> Response {
    guard let path = request.uri.queryParameters.get("path"), let lesson = lesson(at: path) else {
      return Self.refusal(.notFound, "No lesson of this preview has that path.")
    }
    var examples: [[String: Any]] = []
    var seen: Set<String> = []
    for example in lesson.examples where seen.insert(example.family).inserted {
      // A solution is not on the page: the reader writes their own.
      if example.exercise?.version == .solution { continue }
      let builds = lesson.examples.filter { $0.family == example.family }
      let starterOf = example.exercise?.version == .starter ? example.exercise?.exercise : nil
      let exercise = starterOf.flatMap(lesson.exercise(named:))
      let claims =
        exercise.map { $0.goals.map(\.claim) } ?? lesson.claims(measuring: example.family)
      var entry: [String: Any] = [
        "name": example.family, "figure": "example-\(example.family)",
        "kind": exercise == nil ? "example" : "starter", "exercise": starterOf ?? NSNull(),
        "language": example.language == .python ? "python" : "swift",
        "mode": example.mode.rawValue, "code": Workspace.ownCode(of: example),
        "setups": example.chunks.compactMap(\.setupName),
        "settings": builds.map(\.setting.name),
        "claims": claims.map { "\($0.location.line):\($0.location.column)" },
        "outcomes": builds.map { "result-\($0.fileName)" },
        "saved": NSNull(), "savedPath": NSNull(),
      ]
      if let exercise {
        let file = workspace.answerFile(for: exercise, of: lesson)
        if let data = FileManager.default.contents(atPath: file.path) {
          entry["saved"] = String(decoding: data, as: UTF8.self)
          entry["savedPath"] = workspace.displayPath(file)
        }
      }
      examples.append(entry)
    }
    return Self.json(
      .ok,
      [
        "lesson": lesson.path, "note": Self.runsHere, "examples": examples,
      ])
  }

  static let runsHere = "Run builds and runs the code on this machine, as this user."

  /// The lesson of the preview at `path` (`lessons/03-event-loop.md`, or a draft's), as it
  /// is on disk now.
  private func lesson(at path: String) -> Lesson? {
    let files = workspace.lessonFiles() + drafts
    guard let file = files.first(where: { workspace.displayPath($0) == path }),
      case .success(let lesson) = workspace.load(file)
    else { return nil }
    return lesson
  }

  // MARK: Refusing

  /// Why a request to run or save is refused, or nil when it comes from the preview's page:
  /// its own Origin, the token, and JSON.
  func refusalOfWrite(_ request: Request) -> Response? {
    let host = request.head.authority ?? ""
    guard let origin = request.headers[.origin], origin == "http://" + host else {
      return Self.refusal(
        .forbidden, "Refused: only the preview's own page may run or save code (Origin).")
    }
    let field = request.headers.first { $0.name.canonicalName == Self.tokenFieldName.lowercased() }
    guard let token = field?.value, Self.same(token, self.token) else {
      return Self.refusal(
        .forbidden, "Refused: the request lacks this preview's token; reload the page.")
    }
    let type = request.headers[.contentType] ?? ""
    guard type.lowercased().hasPrefix("application/json") else {
      return Self.refusal(.unsupportedMediaType, "Refused: the request must be JSON.")
    }
    return nil
  }

  /// Compares in time that does not depend on where the two differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for (p, q) in zip(x, y) { difference |= p ^ q }
    return difference == 0
  }

  /// A request's edited example, read within the size limit.
  struct Edit: Decodable {
    let lesson: String
    let example: String
    let code: String
  }

  /// The edit a request carries, or the refusal to answer.
  private func edit(of request: Request) async -> Result<(Edit, Lesson, Example), Refused> {
    if let refused = refusalOfWrite(request) { return .failure(Refused(refused)) }
    let body: ByteBuffer
    do {
      body = try await request.body.collect(upTo: Self.bodyLimit)
    } catch {
      return .failure(
        Refused(
          Self.refusal(
            .contentTooLarge,
            "Refused: an edited example may be at most \(Self.bodyLimit / 1024) KiB.")))
    }
    guard let edit = try? JSONDecoder().decode(Edit.self, from: Data(buffer: body)) else {
      return .failure(
        Refused(Self.refusal(.badRequest, "Refused: the request is not an edit of an example.")))
    }
    guard let lesson = lesson(at: edit.lesson) else {
      return .failure(
        Refused(Self.refusal(.badRequest, "No lesson \(edit.lesson) in this preview.")))
    }
    guard let example = lesson.examples.first(where: { $0.family == edit.example }),
      example.exercise?.version != .solution
    else {
      return .failure(
        Refused(
          Self.refusal(.badRequest, "\(lesson.path) has no example '\(edit.example)' on its page."))
      )
    }
    return .success((edit, lesson, example))
  }

  struct Refused: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
  }

  // MARK: Saving

  /// Writes a starter's edit to the reader's file in `exercises/`, where `lesson-runner
  /// check` reads it, so that a restart of the preview (a new port, a new origin, whose page
  /// cannot see the old one's storage) loses nothing.
  func save(_ request: Request) async -> Response {
    let (edit, lesson, example): (Edit, Lesson, Example)
    switch await self.edit(of: request) {
    case .failure(let refused): return refused.response
    case .success(let found): (edit, lesson, example) = found
    }
    guard let name = example.exercise?.exercise, let exercise = lesson.exercise(named: name)
    else {
      return Self.refusal(.badRequest, "Only an exercise's starter is saved to exercises/.")
    }
    let file = workspace.answerFile(for: exercise, of: lesson)
    do {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(edit.code.utf8).write(to: file, options: .atomic)
    } catch {
      return Self.refusal(
        .internalServerError, "Cannot write \(workspace.displayPath(file)): \(error)")
    }
    console.line("saved the page's edit to " + console.paint(workspace.displayPath(file), .bold))
    return Self.json(.ok, ["path": workspace.displayPath(file)])
  }

  // MARK: Running

  /// Builds and runs an edited example as the lesson's example, or checks an edited starter
  /// as `lesson-runner check` does, one at a time, and streams what happens as Server-Sent
  /// Events in the answer's body.
  func run(_ request: Request) async -> Response {
    let (edit, lesson, example): (Edit, Lesson, Example)
    switch await self.edit(of: request) {
    case .failure(let refused): return refused.response
    case .success(let found): (edit, lesson, example) = found
    }
    let job = PageRunJob(
      book: lesson, example: example, code: LessonSource.normalizingLineEndings(edit.code))
    guard let job else {
      return Self.refusal(
        .badRequest, "\(lesson.path) cannot run '\(example.family)' from the page.")
    }
    let began = state.withLock { state -> Bool in
      guard !state.running else { return false }
      state.running = true
      return true
    }
    guard began else {
      return Self.refusal(
        .conflict,
        "Another run is going on (from a page, or of a lesson saved with --verify): press Run again when it has ended."
      )
    }
    console.line(
      "running " + console.paint(example.family, .bold) + " of \(lesson.path), edited on the page")
    let (events, sink) = AsyncStream.makeStream(of: String.self)
    let workspace = self.workspace
    let console = self.console
    let abandoned = Abandonment()
    Thread {
      job.run(in: workspace, console: console, events: sink, abandoned: abandoned)
      self.state.withLock { $0.running = false }
      sink.finish()
      if abandoned.happened {
        console.line(console.paint("the page left; its run of \(example.family) was ended", .dim))
      }
    }.start()
    let headers: HTTPFields = [
      .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
      .xContentTypeOptions: "nosniff",
    ]
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        // A page that is closed or reloaded waits for nothing: its run ends, and the next
        // Run need not wait for it.
        // A comment line every second is how a closed page is noticed, even while the
        // example prints nothing: writing it fails.
        let heartbeat = Task {
          while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            sink.yield(": running\n\n")
          }
        }
        defer { heartbeat.cancel() }
        do {
          try await withTaskCancellationHandler {
            for await event in events {
              try await writer.write(ByteBuffer(string: event))
            }
          } onCancel: {
            abandoned.abandon()
          }
        } catch {
          abandoned.abandon()
          throw error
        }
        try await writer.finish(nil)
      })
  }

  /// Whether the page that asked for a run stopped listening: then no more of its runs
  /// start, and the one running is ended.
  final class Abandonment: Sendable {
    private let state = Mutex(false)
    var happened: Bool { state.withLock { $0 } }
    func abandon() {
      let first = state.withLock { was in
        defer { was = true }
        return !was
      }
      // Runs from the page never share the machine with another verification, so every
      // live process group is this run's.
      if first { ProcessGroups.shared.killLive() }
    }
  }

  // MARK: Answers

  /// `object` as one line of JSON, keys sorted: an answer's body, or an event's data.
  static func jsonData(_ object: [String: Any]) -> Data {
    (try? JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
  }

  static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
    var response = response(jsonData(object), type: "application/json")
    response.status = status
    return response
  }

  /// A refusal the page can show: `{"error": "…"}`.
  static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
    json(status, ["error": message])
  }
}
