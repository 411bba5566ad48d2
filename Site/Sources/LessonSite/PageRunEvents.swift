import Foundation
import LessonKit
import LessonRun
import Synchronization

/// The engine's events of a run from the page, as Server-Sent Events for the page: the
/// build and its errors at the editor's lines, each run's output lines with their times as
/// they arrive, and the runs again. The verdicts follow when the engine is done.
final class PageRunEvents: EngineReporter, @unchecked Sendable {
  private let sink: AsyncStream<String>.Continuation
  private let family: String
  private let clock = Mutex((built: ContinuousClock.Instant?.none, overTime: false, ended: false))

  /// When the edit's build ended: its runs' time is counted from there.
  var builtAt: ContinuousClock.Instant? { clock.withLock { $0.built } }
  /// Whether the runs were stopped for taking too long in all.
  var overTime: Bool { clock.withLock { $0.overTime } }
  func markOverTime() { clock.withLock { $0.overTime = true } }
  /// Whether the engine is done with the run: nothing is left to stop.
  var ended: Bool { clock.withLock { $0.ended } }
  func markEnded() { clock.withLock { $0.ended = true } }

  /// The edited code's lines, to turn the compiler's columns (UTF-8 bytes) into the
  /// editor's (UTF-16 units, as the page counts them).
  private let lines: [Substring]

  init(_ sink: AsyncStream<String>.Continuation, editedFamily: String, code: String) {
    self.sink = sink
    self.family = editedFamily
    self.lines = code.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// One event: `event: name`, then its fields as one line of JSON.
  func send(_ name: String, _ fields: [String: Any]) {
    let data = String(decoding: Preview.jsonData(fields), as: UTF8.self)
    sink.yield("event: \(name)\ndata: \(data)\n\n")
  }

  func handle(_ event: EngineEvent) {
    switch event {
    case .lessonStarted(let lesson):
      let libraries = Set(lesson.examples.flatMap(\.needs)).sorted()
      // An edit is built as a draft, in a scratch package of its own: its libraries too.
      let first =
        libraries.isEmpty
        ? ""
        : " It imports \(libraries.joined(separator: ", ")): the first run from the page that imports them builds them in the preview's scratch package, which takes minutes, once."
      send("phase", ["text": "Building \(family)…" + first])
    case .buildFinished(_, let summary):
      clock.withLock { $0.built = .now }
      // The lesson's own summary of a failed build repeats what the compiler said.
      let compiler = summary.failures.flatMap(\.diagnostics)
      let problems = compiler.isEmpty ? summary.diagnostics : compiler
      send(
        "built",
        [
          "ok": summary.succeeded && summary.failures.isEmpty, "seconds": summary.seconds,
          "diagnostics": problems.map(diagnostic),
        ])
    case .compileFailChecked(_, let report):
      send(
        "built",
        ["ok": true, "seconds": 0, "diagnostics": report.diagnostics.map(diagnostic)])
    case .runStarted(let ticket):
      send(
        "run",
        [
          "example": ticket.example, "setting": Self.setting(of: ticket.example) ?? NSNull(),
          "run": ticket.run, "of": ticket.of,
        ])
      send("phase", ["text": "Running \(ticket.example) (run \(ticket.run) of \(ticket.of))…"])
    case .lineArrived(let ticket, let line):
      // Span markers are for the timeline, drawn when the run is judged.
      guard !Timeline.isMarker(line) else { return }
      send(
        "line",
        [
          "example": ticket.example, "run": ticket.run,
          "stream": line.stream == .stderr ? "stderr" : "stdout", "time": line.time,
          "text": line.text,
        ])
    case .runEnded(let ticket, let record, let problem, _):
      send(
        "ended",
        [
          "example": ticket.example, "run": ticket.run, "seconds": record.wallSeconds,
          "status": record.ending.caption, "problem": problem?.message ?? NSNull(),
        ])
    case .runningAgain(_, let examples, let runs):
      send(
        "again",
        [
          "text":
            "Some claims do not hold yet; judging them again after \(runs) more runs of \(examples.joined(separator: ", "))."
        ])
    case .runsSideBySide, .quiet, .exampleJudged, .claimJudged, .lessonFinished:
      break
    }
  }

  /// The editor's column (1-based, in UTF-16 units) of the compiler's `byte` column on
  /// `line`: they differ once a line holds more than ASCII.
  func editorColumn(line: Int, byte: Int) -> Int {
    guard line >= 1, line <= lines.count else { return byte }
    let utf8 = Array(lines[line - 1].utf8)
    let prefix = utf8.prefix(max(0, min(byte - 1, utf8.count)))
    return String(decoding: prefix, as: UTF8.self).utf16.count + 1
  }

  /// `nonsending` for `heartbeat:nonsending`; nil for an example built once.
  static func setting(of name: String) -> String? {
    guard let colon = name.firstIndex(of: ":") else { return nil }
    return String(name[name.index(after: colon)...])
  }

  /// A compiler message, at its line in the editor when it is in the edited code.
  func diagnostic(_ d: Diagnostic) -> [String: Any] {
    let inEditor = d.location.file == Preview.editorPath
    return [
      "line": inEditor ? d.location.line : NSNull(),
      "column": inEditor ? editorColumn(line: d.location.line, byte: d.location.column) : NSNull(),
      "severity": d.severity.rawValue, "message": d.message, "text": d.description,
    ]
  }
}
