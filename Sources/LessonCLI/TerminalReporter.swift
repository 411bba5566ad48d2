import Foundation
import LessonKit
import LessonRun

/// The live terminal view of a verification: each run's lines with timestamps as they
/// arrive, a clock while a run is silent, a picture of each run, and a table of claims.
///
/// A run that has the machine to itself is shown live. Runs side by side are shown whole,
/// each when it ends, so that their lines never mix.
public final class TerminalReporter: EngineReporter, @unchecked Sendable {
  let console: Console
  let cores: Int
  let strict: Bool
  /// Lines of one run shown; the rest is still captured and checked.
  var lineLimit = 200
  /// Whether a lesson ends with its table of claims and its summary line; checking an
  /// answer to an exercise prints its goals instead.
  public var showsVerdicts = true
  private var shown: [RunTicket: Int] = [:]
  private var held: [RunTicket: [TimedLine]] = [:]
  private var claims: [String: [ClaimResult]] = [:]
  /// Exercises' starters, by lesson path: their runs are meant to miss a goal.
  private var starters: [String: Set<String>] = [:]
  /// Per lesson, in the order they finished: for the closing lines of `all`.
  private(set) var finished: [(lesson: Lesson, report: LessonReport)] = []

  public init(console: Console, cores: Int, strict: Bool) {
    self.console = console
    self.cores = cores
    self.strict = strict
  }

  public func handle(_ event: EngineEvent) {
    switch event {
    case .lessonStarted(let lesson):
      starters[lesson.path] = Set(lesson.exercises.map(\.starterName))
      let heading =
        lesson.number.map { "Lesson \($0) · \(lesson.title)" } ?? "Draft · \(lesson.title)"
      console.line(console.paint(heading, .bold) + console.paint("  (\(lesson.path))", .dim))
    case .buildFinished(_, let build):
      let count = build.rebuilt.count
      let what =
        count == build.examples
        ? "Built \(count) example\(count == 1 ? "" : "s")"
        : "Built \(count) of \(build.examples) examples (\(build.rebuilt.joined(separator: ", ")); "
          + (build.examples - count == 1 ? "the other had" : "the others had") + " not changed)"
      if build.upToDate {
        console.line(
          console.paint(
            "\(build.examples) example\(build.examples == 1 ? "" : "s") already built: nothing changed since the last build",
            .dim))
      } else if build.succeeded {
        console.line(console.paint("\(what), \(Format.value(build.seconds, .time))", .dim))
      } else {
        console.line(console.paint("\(what): failed", .red, .bold))
        for failure in build.failures {
          for d in failure.diagnostics { console.line("  " + console.paint(d.description, .red)) }
        }
      }
    case .compileFailChecked(_, let report):
      outcome(report)
    case .runsSideBySide(let tickets):
      console.line()
      console.line(
        console.paint(
          "Side by side, as they mostly wait: "
            + tickets.map { ticket in
              ticket.of == 1
                ? ticket.example
                : ticket.run == ticket.of
                  ? "\(ticket.example) (run \(ticket.run))"
                  : "\(ticket.example) (runs \(ticket.run)–\(ticket.of))"
            }.joined(separator: ", "), .dim))
    case .runStarted(let ticket):
      if ticket.sideBySide {
        held[ticket] = []
      } else if ticket.run == 1 {
        header(ticket)
      }
    case .lineArrived(let ticket, let line):
      if ticket.sideBySide {
        held[ticket, default: []].append(line)
      } else if ticket.run == 1 {
        show(line, of: ticket)
      }
    case .quiet(let ticket, let seconds):
      // While nothing is printed, a clock runs: the stones are in the air.
      if !ticket.sideBySide && ticket.run == 1 {
        console.status(console.paint(String(format: "%7.1f s │ …", seconds), .dim))
      }
    case .runEnded(let ticket, let record, let problem, let crash):
      ended(ticket, record, problem, crash)
    case .runningAgain(_, let examples, let runs):
      console.line()
      console.line(
        console.paint(
          "Some claims do not hold yet; judging them again after \(runs) more runs of \(examples.joined(separator: ", ")).",
          .dim))
    case .exampleJudged(_, let report):
      if report.status == .otherPlatform, let note = report.diagnostics.first {
        console.line()
        console.line(
          console.paint("– \(report.name)", .bold) + console.paint("  \(note.message)", .dim))
      } else if report.mode == .compileOnly {
        outcome(report)
      }
    case .claimJudged(let lesson, let claim):
      claims[lesson.path, default: []].append(claim)
    case .lessonFinished(let lesson, let report):
      finished.append((lesson, report))
      guard showsVerdicts else { return }
      printClaims(claims[lesson.path] ?? [], of: lesson)
      printSummary(report)
    }
  }

  private func header(_ ticket: RunTicket) {
    let counter = ticket.of > 1 ? console.paint("  (run \(ticket.run) of \(ticket.of))", .dim) : ""
    console.line()
    console.line(
      console.paint("▶ \(ticket.example)", .bold, .cyan)
        + console.paint("  \(ticket.location.file):\(ticket.location.line)", .dim) + counter)
  }

  private func show(_ line: TimedLine, of ticket: RunTicket) {
    // Span markers are for the timeline, not for the reader.
    guard !Timeline.isMarker(line) else { return }
    let count = (shown[ticket] ?? 0) + 1
    shown[ticket] = count
    if count > lineLimit {
      if count == lineLimit + 1 {
        console.line(console.paint("  … more output, not shown live", .dim))
      }
      return
    }
    let stamp = console.paint(String(format: "%7.3f s │", line.time), .dim)
    let clipped = line.text.count > 160 ? line.text.prefix(160) + "…" : line.text
    let text = line.stream == .stderr ? console.paint(clipped, .yellow) : clipped
    console.line("\(stamp) \(text)")
  }

  private func ended(
    _ ticket: RunTicket, _ record: RunRecord, _ problem: Diagnostic?, _ crash: Judge.Crash?
  ) {
    shown[ticket] = nil
    if ticket.sideBySide, ticket.run == 1 {
      header(ticket)
      for line in held[ticket] ?? [] { show(line, of: ticket) }
      shown[ticket] = nil
    }
    held[ticket] = nil
    let took = Format.value(record.wallSeconds, .time)
    let isStarter = starters[ticket.lesson]?.contains(ticket.example) == true
    guard ticket.run == 1 else {
      console.line(
        console.paint("  \(ticket.example): run \(ticket.run) of \(ticket.of), \(took)", .dim))
      if let problem { console.line(console.paint(problem.description, isStarter ? .dim : .red)) }
      return
    }
    let timeline = Timeline.extract(from: record)
    for row in timeline.textPicture(width: 76) { console.line(console.paint(row, .dim)) }
    for trouble in timeline.problems {
      console.line(console.paint("  timeline: \(trouble)", .yellow))
    }
    guard let problem else {
      let what = record.stdout.isEmpty && record.lines.isEmpty ? "ran" : "ran, output checked"
      console.line(
        console.paint("✓ \(ticket.example)", .green) + console.paint("  \(took)  \(what)", .dim))
      return
    }
    if isStarter {
      // An exercise's starter misses its goals on purpose: that is what the reader fixes.
      console.line(
        console.paint("· \(ticket.example)", .yellow)
          + console.paint("  \(took)  misses a goal, as an exercise's starter should:", .dim))
      console.line(console.paint(problem.description, .dim))
      return
    }
    console.line(console.paint("✗ \(ticket.example)", .red, .bold))
    console.line(console.paint(problem.description, .red))
    if let crash, !crash.excerpt.isEmpty {
      console.line(console.paint("  what the runtime said:", .dim))
      for line in crash.excerpt { console.line("    " + line) }
    } else if !record.stderr.isEmpty {
      console.line(console.paint("  its standard error ended with:", .dim))
      // The span markers are the timeline's, never shown as output.
      let said = record.stderr.split(separator: "\n").filter { !$0.hasPrefix("::span-") }
      for line in said.suffix(8) { console.line("    " + line) }
    }
  }

  /// The verdict on an example that is not run: it builds, or fails to compile as it should.
  private func outcome(_ report: ExampleReport) {
    console.line()
    switch report.status {
    case .otherPlatform:
      return
    case .passed, .notRun:
      let what =
        report.mode == .compileFail ? "fails to compile, as it should" : "builds (compile-only)"
      console.line(
        console.paint("✓ \(report.name)", .green) + console.paint("  \(what)", .dim))
    case .failed, .buildFailed:
      console.line(console.paint("✗ \(report.name)", .red, .bold))
      for d in report.diagnostics {
        console.line(console.paint(d.description, d.severity == .note ? .dim : .red))
      }
    }
  }

  private func printClaims(_ results: [ClaimResult], of lesson: Lesson) {
    guard !results.isEmpty else { return }
    console.line()
    console.line(
      console.paint("Claims of \(lesson.path)", .bold)
        + console.paint(
          "  (\(cores) cores; each measured value is a median over the example's runs)", .dim))
    let rows = results.map { r -> [String] in
      let c = r.claim
      let measured = r.measured.map { Format.value($0, c.expectation.dimension) } ?? "—"
      return [
        "\(c.location.file):\(c.location.line)", "“\(c.text)”",
        c.target.count > 40 ? c.target.prefix(39) + "…" : c.target,
        Format.range(c.expectation), measured, r.margin.map(Format.margin) ?? "—",
      ]
    }
    let table = TextTable(
      header: ["where", "claim", "measures", "holds for", "measured", "margin"], rows: rows)
    console.line(console.paint("    " + table.header + "  verdict", .dim))
    for (cells, r) in zip(table.rows, results) {
      if r.goalOfStarter != nil {
        // A goal judged on a starter: missing it is the starter's purpose.
        let missed = r.verdict == .failed || r.verdict == .unmeasured
        console.line(
          "  \(console.paint(missed ? "·" : "–", .yellow)) \(cells)  "
            + console.paint(
              missed ? "missed by the starter, as it should be" : "the starter meets this goal",
              .dim
            ))
        continue
      }
      let mark: String
      switch r.verdict {
      case .passed where strict && r.sharp == false: mark = console.paint("✗", .red, .bold)
      case .passed: mark = console.paint("✓", .green)
      case .failed, .unmeasured: mark = console.paint("✗", .red, .bold)
      case .skipped: mark = console.paint("–", .yellow)
      }
      var verdict = r.verdictSentence
      if r.verdict == .passed && r.sharp == false {
        verdict += ", but loose: 1.5 or 0.6 times the measured value would pass too"
      }
      let style: Console.Style =
        r.verdict == .passed && !(strict && r.sharp == false)
        ? .green : r.verdict == .skipped ? .yellow : .red
      console.line("  \(mark) \(cells)  \(console.paint(verdict, style))")
    }
  }

  private func printSummary(_ report: LessonReport) {
    console.line()
    for d in report.diagnostics { console.line(console.paint(d.description, .red)) }
    // A starter is judged once the lesson is: one that meets every goal fails here.
    for starter in report.examples where starter.starterOf != nil && starter.status == .failed {
      for d in starter.diagnostics where d.severity == .error {
        console.line(console.paint(d.description, .red))
      }
    }
    let style: Console.Style = report.status == .passed ? .green : .red
    console.line(
      console.paint(
        "\(report.status == .passed ? "✓" : "✗") \(report.lesson): \(Self.counts(report))", style,
        .bold))
    console.line()
  }

  /// `6 of 6 examples passed · 6 claims: 5 passed, 0 failed, 1 skipped`.
  public static func counts(_ report: LessonReport) -> String {
    let c = report.counts
    let elsewhere = c.elsewhereExamples > 0 ? " (\(c.elsewhereExamples) not on this platform)" : ""
    var text =
      "\(c.passedExamples) of \(c.examples) example\(c.examples == 1 ? "" : "s") passed\(elsewhere) · \(c.claims) claim\(c.claims == 1 ? "" : "s"): \(c.passed) passed, \(c.failed) failed"
    if c.skipped > 0 { text += ", \(c.skipped) skipped" }
    if c.loose > 0 { text += ", \(c.loose) loose" }
    if c.passedAlone > 0 { text += ", \(c.passedAlone) of them only alone" }
    return text
  }

  /// The last lines of a verification of several lessons, or of one under `--strict`:
  /// each lesson's verdict and counts, then how many passed.
  public static func summary(of verification: Verification, strict: Bool, console: Console) {
    for report in verification.reports {
      let mark = report.status == .passed ? console.paint("✓", .green) : console.paint("✗", .red)
      let examples = report.counts.examples
      let claims = report.counts.claims
      console.line(
        "\(mark) \(report.lesson): \(examples) example\(examples == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s")"
          + console.paint("  (\(counts(report)))", .dim))
    }
    let lessons = verification.reports.count
    console.line(
      console.paint(
        "\(verification.passed) of \(lessons) lesson\(lessons == 1 ? "" : "s") passed"
          + (strict ? ", strictly" : ""), verification.exitCode == 0 ? .green : .red, .bold))
  }
}
