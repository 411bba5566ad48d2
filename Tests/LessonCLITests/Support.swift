import Foundation
import Synchronization
import Testing

@testable import LessonCLI
@testable import LessonKit
@testable import LessonRun

/// What a console was given to write, kept in order.
final class Screen: Sendable {
  private let written = Mutex("")

  var text: String { written.withLock { $0 } }

  func console(colors: Bool) -> Console {
    Console(colors: colors) { [self] text in written.withLock { $0 += text } }
  }
}

/// Everything the terminal view writes for `events`, on a console with or without colour.
func render(_ events: [EngineEvent], colors: Bool, cores: Int = 2, strict: Bool = false)
  -> String
{
  let screen = Screen()
  let reporter = TerminalReporter(
    console: screen.console(colors: colors), cores: cores, strict: strict)
  for event in events { reporter.handle(event) }
  return screen.text
}

/// Compares text with a committed snapshot, `Snapshots/NAME.txt`. Re-record them with
/// `RECORD_SNAPSHOTS=1 swift test --filter LessonCLITests`.
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  static func check(
    _ text: String, named name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "no snapshot \(url.path): record it with RECORD_SNAPSHOTS=1 swift test --filter LessonCLITests",
        sourceLocation: sourceLocation)
      return
    }
    if let difference = firstDifference(expected: expected, actual: text) {
      Issue.record(
        "\(name).txt differs from what the terminal view wrote; \(difference) (re-record with RECORD_SNAPSHOTS=1 swift test --filter LessonCLITests if the change is meant)",
        sourceLocation: sourceLocation)
    }
  }

  /// The first line where `actual` differs from `expected`, in words; nil when they are
  /// the same. Escape characters are shown as ␛ and carriage returns as ␍, so that a
  /// message never paints nor overwrites itself.
  static func firstDifference(expected: String, actual: String) -> String? {
    guard expected != actual else { return nil }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    func shown(_ lines: [Substring], _ i: Int) -> String {
      guard lines.indices.contains(i) else { return "(no line: the text ends)" }
      let visible = lines[i].replacingOccurrences(of: "\u{1B}", with: "␛")
        .replacingOccurrences(of: "\r", with: "␍")
      return "«" + visible + "»"
    }
    let i =
      zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(want.count, got.count)
    return "line \(i + 1): expected \(shown(want, i)), got \(shown(got, i))"
  }
}

/// The machine every fixture ran on: fixed, so that nothing depends on this one.
let machine = RunEnvironment(
  swiftVersion: "6.3.1", os: "Ubuntu 24.04 LTS, x86_64", cores: 2, date: "2025-01-02T03:04:05Z")

func parseLesson(_ source: String, name: String) throws -> Lesson {
  try LessonParser.parse(source: source, path: "lessons/\(name)", fileName: name)
}

/// A run's record from the lines it printed, each at its time, as the engine captures it.
func record(
  _ lines: [TimedLine], wall: Double, cpu: Double = 0.01, ending: RunRecord.Ending = .exited(0)
) -> RunRecord {
  func text(_ stream: TimedLine.Stream) -> String {
    lines.filter { $0.stream == stream }.map { $0.text + "\n" }.joined()
  }
  return RunRecord(
    ending: ending, wallSeconds: wall, cpuSeconds: cpu, stdout: text(.stdout),
    stderr: text(.stderr), lines: lines)
}

func out(_ time: Double, _ text: String) -> TimedLine {
  TimedLine(time: time, stream: .stdout, text: text)
}

func err(_ time: Double, _ text: String) -> TimedLine {
  TimedLine(time: time, stream: .stderr, text: text)
}

/// The events the engine would report for a lesson whose runs went as given: a script
/// played in the engine's order, judged by the real `Judge`, with no process and no clock.
struct Script {
  let lesson: Lesson
  let map: SourceMap
  var events: [EngineEvent] = []
  var reports: [ExampleReport]
  var diagnostics: [Diagnostic] = []
  var firstJudging: [ClaimResult]?

  init(_ lesson: Lesson) {
    self.lesson = lesson
    map = SourceMap([Tangler.lineTable(for: lesson)])
    reports = lesson.examples.map(Judge.emptyReport)
    events = [.lessonStarted(lesson)]
  }

  func example(_ name: String) throws -> Example {
    try #require(lesson.example(named: name))
  }

  func index(_ name: String) throws -> Int {
    try #require(reports.firstIndex { $0.name == name })
  }

  /// How many of the lesson's examples a build compiles, as the engine counts them.
  func compiled(except elsewhere: Set<String> = []) -> Int {
    lesson.examples.filter(Tangler.isCompiled).filter { !elsewhere.contains($0.name) }.count
  }

  /// Marks an example as one for other platforms, as the engine does before the build.
  mutating func elsewhere(_ name: String, on platform: Platform) throws {
    let example = try example(name)
    let reason = try #require(Platform.skipReason(example.platforms, on: platform))
    let i = try index(name)
    reports[i].status = .otherPlatform
    reports[i].diagnostics = [
      Diagnostic(.note, .otherPlatform(name, reason), at: example.location)
    ]
  }

  mutating func build(_ summary: BuildSummary) {
    diagnostics += summary.diagnostics
    events.append(.buildFinished(lesson, summary))
  }

  /// A build in which `failures` do not compile, with what the compiler printed for each.
  mutating func failedBuild(
    _ failures: [(example: String, output: String)], rebuilt: [String], seconds: Double
  ) throws {
    var summary = BuildSummary(
      examples: compiled(), succeeded: false, seconds: seconds, failures: [], diagnostics: [],
      rebuilt: rebuilt)
    for (name, output) in failures {
      let example = try example(name)
      let said = Judge.buildFailure(of: example, output: output, map: map)
      summary.failures.append((name, said))
      let i = try index(name)
      reports[i].status = .buildFailed
      reports[i].diagnostics = said
      summary.diagnostics.append(
        Diagnostic(.doesNotCompile(name, said.first), at: example.location))
    }
    build(summary)
  }

  /// A compile-fail example type-checked, with what the compiler printed.
  mutating func typecheck(_ name: String, stderr: String) throws {
    let example = try example(name)
    let result = RunRecord(
      ending: .exited(1), wallSeconds: 0.4, cpuSeconds: 0.3, stdout: "", stderr: stderr,
      lines: [])
    let i = try index(name)
    let problems = Judge.compileFailure(result, of: example, map: map)
    reports[i].runs.append(result)
    reports[i].diagnostics = problems
    if problems.contains(where: { $0.severity == .error }) { reports[i].status = .failed }
    events.append(.compileFailChecked(lesson, reports[i]))
  }

  func ticket(_ name: String, run: Int = 1, of: Int = 1, sideBySide: Bool = false) throws
    -> RunTicket
  {
    let example = try example(name)
    return RunTicket(
      lesson: lesson.path, example: name, location: example.location, run: run, of: of,
      sideBySide: sideBySide)
  }

  /// A run shown live: it starts, its lines arrive, a clock may tick while it is quiet,
  /// and it ends, judged.
  mutating func run(
    _ name: String, _ record: RunRecord, run: Int = 1, of: Int = 1, quietAt: [Double] = []
  ) throws {
    let ticket = try ticket(name, run: run, of: of)
    events.append(.runStarted(ticket))
    var quiet = quietAt[...]
    for line in record.lines {
      while let q = quiet.first, q < line.time {
        events.append(.quiet(ticket, q))
        quiet = quiet.dropFirst()
      }
      events.append(.lineArrived(ticket, line))
    }
    try end(ticket, record)
  }

  /// Runs side by side: announced together, their lines interleaved by time, each shown
  /// whole when it ends, in the order they end.
  mutating func sideBySide(_ runs: [(name: String, record: RunRecord)]) throws {
    let tickets = try runs.map { try ticket($0.name, sideBySide: true) }
    events.append(.runsSideBySide(tickets))
    for ticket in tickets { events.append(.runStarted(ticket)) }
    let lines = zip(tickets, runs).flatMap { ticket, run in run.record.lines.map { (ticket, $0) } }
    for (ticket, line) in lines.sorted(by: { $0.1.time < $1.1.time }) {
      events.append(.lineArrived(ticket, line))
    }
    for (ticket, run) in zip(tickets, runs).sorted(by: {
      $0.1.record.wallSeconds < $1.1.record.wallSeconds
    }) {
      try end(ticket, run.record)
    }
  }

  private mutating func end(_ ticket: RunTicket, _ record: RunRecord) throws {
    let example = try example(ticket.example)
    var record = record
    if ticket.sideBySide { record.sideBySide = true }
    var crash: Judge.Crash?
    if case .signalled = record.ending {
      crash = Judge.Crash(stderr: record.stderr, map: map, lesson: example.location.file)
    }
    events.append(
      .runEnded(
        ticket, record, problem: Judge.problem(with: record, of: example, map: map), crash: crash))
    Judge.add(record, of: example, to: &reports[try index(ticket.example)], map: map)
  }

  /// The claims judged on the runs so far; when some deserve another look, the engine
  /// says which examples run again.
  mutating func judgeFirst(runs: Int) -> [String] {
    let results = Judge.claims(of: lesson, examples: reports, cores: machine.cores)
    let settled = Judge.settled(results, examples: reports)
    let names = Judge.examplesToRunAgain(results).subtracting(settled).sorted()
    if !names.isEmpty {
      firstJudging = results
      events.append(.runningAgain(lesson, examples: names, runs: runs))
    }
    return names
  }

  /// The lesson's verdict: every example judged, then every claim, then the report.
  mutating func finish(strict: Bool = false) -> LessonReport {
    for report in reports where report.mode != .compileFail {
      events.append(.exampleJudged(lesson, report))
    }
    let claims = Judge.claims(
      of: lesson, examples: reports, cores: machine.cores, first: firstJudging)
    for claim in claims { events.append(.claimJudged(lesson, claim)) }
    let report = Judge.report(
      of: lesson, environment: machine, diagnostics: diagnostics, examples: reports,
      claims: claims, strict: strict)
    events.append(.lessonFinished(lesson, report))
    return report
  }
}
