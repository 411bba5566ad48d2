import Foundation
import LessonKit

/// Builds a lesson, runs each example in its own process, and judges outputs and claims.
public struct LessonVerifier {
  public let workspace: Workspace
  public let console: Console
  public let environment: RunEnvironment
  /// Lines of one run echoed live; the rest is still captured and checked.
  public var liveLineLimit = 200
  /// Runs per example when judging a claim that failed on fewer.
  public var medianRuns = 3
  /// Treat a claim that is not sharp (a wrong number would pass too) as a failure.
  public var strict = false

  public init(workspace: Workspace, console: Console, environment: RunEnvironment) {
    self.workspace = workspace
    self.console = console
    self.environment = environment
  }

  public func verify(_ lesson: Lesson) -> LessonReport {
    let heading =
      lesson.number.map { "Lesson \($0) · \(lesson.title)" } ?? "Draft · \(lesson.title)"
    console.line(console.paint(heading, .bold) + console.paint("  (\(lesson.path))", .dim))

    var diagnostics: [Diagnostic] = []
    var packagePath = workspace.root
    if lesson.number == nil {
      do {
        packagePath = try workspace.tangleDraft(lesson)
      } catch {
        diagnostics.append(
          Diagnostic(
            at: SourceLocation(file: lesson.path, line: 1),
            "cannot write the scratch package: \(error)"))
        return finish(lesson, diagnostics: diagnostics, examples: [], claims: [])
      }
    }

    let buildFailures = build(lesson, packagePath: packagePath, diagnostics: &diagnostics)
    var examples: [ExampleReport] = []
    for example in lesson.examples {
      var report = ExampleReport(
        name: example.name, file: example.location.file, line: example.location.line,
        mode: example.mode, status: .passed, messages: [], runs: [])
      switch example.mode {
      case .compileFail:
        checkCompileFailure(example, lesson, packagePath: packagePath, into: &report)
      case .compileOnly:
        if let failure = buildFailures[example.name] {
          report.status = .buildFailed
          report.messages = failure
        } else {
          report.status = .notRun
        }
      case .run:
        if let failure = buildFailures[example.name] {
          report.status = .buildFailed
          report.messages = failure
        } else {
          // The first run is the one to watch; further runs come after every example
          // has run once, taking turns, so a change in the machine's load falls on all.
          let record = runOnce(
            example, lesson, packagePath: packagePath, run: 1, of: example.runs, live: true)
          judge(record, of: example, into: &report)
          printTimeline(of: record)
        }
      }
      examples.append(report)
      printOutcome(report, example)
    }
    let wanted = Dictionary(
      uniqueKeysWithValues: lesson.examples.filter { $0.runs > 1 }.map { ($0.name, $0.runs) })
    moreRuns(wanted, of: lesson, packagePath: packagePath, examples: &examples)
    var successfulRuns: [String: [RunRecord]] = [:]
    for report in examples { successfulRuns[report.name] = report.runs.filter(\.succeeded) }

    var results = lesson.claims.map {
      ClaimChecker.check($0, runs: successfulRuns, cores: environment.cores)
    }
    // A failing claim is judged again on the median of several runs: one slow run on a
    // busy machine should not decide it, and a false claim fails on the median too.
    // So is one skipped because the machine was busy: it may be calmer now.
    let retry = Set(
      results.filter { $0.verdict == .failed || ($0.verdict == .skipped && $0.measured != nil) }
        .flatMap(\.claim.examples))
    if !retry.isEmpty {
      let names = retry.sorted().joined(separator: ", ")
      console.line()
      console.line(
        console.paint(
          "Some claims do not hold yet; judging them on \(medianRuns) runs of \(names).", .dim))
      moreRuns(
        Dictionary(uniqueKeysWithValues: retry.map { ($0, medianRuns) }), of: lesson,
        packagePath: packagePath, examples: &examples)
      for report in examples { successfulRuns[report.name] = report.runs.filter(\.succeeded) }
      results = lesson.claims.map {
        ClaimChecker.check($0, runs: successfulRuns, cores: environment.cores)
      }
    }
    printClaims(results)
    let report = finish(
      lesson, diagnostics: diagnostics, examples: examples, claims: results.map(ClaimReport.init))
    printSummary(report)
    return report
  }

  /// Runs examples until each has `wanted[name]` runs, in rounds: every example's second
  /// run, then every third, so that examples compared in a ratio are measured side by side.
  private func moreRuns(
    _ wanted: [String: Int], of lesson: Lesson, packagePath: URL, examples: inout [ExampleReport]
  ) {
    let most = wanted.values.max() ?? 0
    guard most > 1 else { return }
    for round in 2...most {
      for (index, report) in examples.enumerated()
      where report.status != .buildFailed && (wanted[report.name] ?? 0) >= round
        && report.runs.count < round
      {
        guard let example = lesson.example(named: report.name), example.mode == .run else {
          continue
        }
        let total = max(example.runs, wanted[report.name]!)
        let record = runOnce(
          example, lesson, packagePath: packagePath, run: round, of: total, live: false)
        let before = examples[index].messages.count
        judge(record, of: example, into: &examples[index])
        let took = Format.value(record.wallSeconds, .time)
        console.line(console.paint("  \(report.name): run \(round) of \(total), \(took)", .dim))
        for message in examples[index].messages.dropFirst(before) {
          console.line(console.paint(message, .red))
        }
      }
    }
  }

  // MARK: Build

  /// Builds every example of the lesson in one build; when that fails, builds each alone
  /// to find which ones do not compile, so the others still run.
  private func build(_ lesson: Lesson, packagePath: URL, diagnostics: inout [Diagnostic])
    -> [String: [String]]
  {
    let built = lesson.examples.filter { $0.mode != .compileFail }
    guard !built.isEmpty else { return [:] }
    console.write(
      console.paint(
        "Building \(built.count) example\(built.count == 1 ? "" : "s") in one build… ", .dim))
    let outcome = Toolchain.build(product: lesson.lessonTarget, packagePath: packagePath)
    guard !outcome.succeeded else {
      console.line(console.paint(String(format: "done in %.1f s", outcome.seconds), .dim))
      return [:]
    }
    console.line(console.paint("failed", .red, .bold))
    var failures: [String: [String]] = [:]
    for example in built {
      let alone = Toolchain.build(product: lesson.targetName(of: example), packagePath: packagePath)
      if !alone.succeeded {
        failures[example.name] =
          alone.diagnostics.isEmpty ? [lastLines(alone.output)] : alone.diagnostics
        for line in failures[example.name]! { console.line("  " + console.paint(line, .red)) }
      }
    }
    if failures.isEmpty {
      diagnostics.append(
        Diagnostic(
          at: SourceLocation(file: lesson.path, line: 1),
          "the lesson's build failed:\n\(lastLines(outcome.output))"))
    }
    for (name, lines) in failures {
      let example = lesson.example(named: name)!
      diagnostics.append(
        Diagnostic(
          at: example.location,
          "example '\(name)' does not compile" + (lines.first.map { ":\n" + $0 } ?? "")))
    }
    return failures
  }

  private func lastLines(_ text: String, count: Int = 20) -> String {
    text.split(separator: "\n").suffix(count).joined(separator: "\n")
  }

  private func checkCompileFailure(
    _ example: Example, _ lesson: Lesson, packagePath: URL, into report: inout ExampleReport
  ) {
    let file = packagePath.appendingPathComponent(Tangler.sourcePath(of: example, in: lesson))
    let record = Toolchain.typecheck(file)
    let said = record.stdout + record.stderr
    if record.succeeded {
      report.status = .failed
      report.messages.append(
        "\(example.location): error: example '\(example.name)' must not compile, but it does")
    } else if case .exited = record.ending, let expected = example.expectedDiagnostics {
      var missing: [String] = []
      for (i, line) in OutputMatcher.normalizedLines(expected.text).enumerated() where !line.isEmpty
      {
        let pattern = line.hasPrefix(OutputMatcher.wildcard) ? line : OutputMatcher.wildcard + line
        let full =
          pattern.hasSuffix(OutputMatcher.wildcard) ? pattern : pattern + OutputMatcher.wildcard
        if !said.split(separator: "\n").contains(where: {
          OutputMatcher.lineMatches(pattern: full, String($0))
        }) {
          missing.append(
            "\(expected.location.file):\(expected.location.line + i):1: error: the compiler never said '\(line)'"
          )
        }
      }
      if !missing.isEmpty {
        report.status = .failed
        report.messages += missing
        report.messages.append(
          "the compiler said:\n" + Toolchain.diagnosticLines(in: said).joined(separator: "\n"))
      }
    } else {
      report.status = .failed
      report.messages.append(
        "\(example.location): error: the compiler did not finish type-checking '\(example.name)'")
    }
    report.runs.append(record)
  }

  // MARK: Run

  private func runOnce(
    _ example: Example, _ lesson: Lesson, packagePath: URL, run: Int, of runs: Int, live: Bool
  ) -> RunRecord {
    let binary = Toolchain.binaryFolder(packagePath: packagePath).appendingPathComponent(
      lesson.targetName(of: example))
    if live {
      let counter = runs > 1 ? console.paint("  (run \(run) of \(runs))", .dim) : ""
      console.line()
      console.line(
        console.paint("▶ \(example.name)", .bold, .cyan)
          + console.paint("  \(example.location.file):\(example.location.line)", .dim) + counter)
    }
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      return RunRecord(
        ending: .failedToStart("no program at \(binary.path)"), wallSeconds: 0, cpuSeconds: 0,
        stdout: "", stderr: "", lines: [])
    }
    var shown = 0
    // A program's standard output is a pipe here, which C's stdio would buffer in blocks;
    // stdbuf makes it flush each line, as on a terminal, so the timestamps are true.
    let (program, arguments) = Self.lineBuffered(binary.path)
    var lastTick = -1.0
    return ChildProcess.run(
      program, .init(arguments: arguments, timeout: example.timeout),
      onQuiet: { elapsed in
        // While nothing is printed, a clock runs: the stones are in the air.
        guard live, elapsed - lastTick >= 0.1 else { return }
        lastTick = elapsed
        console.status(console.paint(String(format: "%7.1f s │ …", elapsed), .dim))
      }
    ) { line in
      // Span markers are for the timeline, not for the reader.
      guard live, !Timeline.isMarker(line) else { return }
      shown += 1
      if shown > liveLineLimit {
        if shown == liveLineLimit + 1 {
          console.line(console.paint("  … more output, not shown live", .dim))
        }
        return
      }
      let stamp = console.paint(String(format: "%7.3f s │", line.time), .dim)
      let clipped = line.text.count > 160 ? line.text.prefix(160) + "…" : line.text
      let text = line.stream == .stderr ? console.paint(clipped, .yellow) : clipped
      console.line("\(stamp) \(text)")
    }
  }

  static func lineBuffered(_ path: String) -> (String, [String]) {
    for dir in ["/usr/bin", "/bin"]
    where FileManager.default.isExecutableFile(atPath: dir + "/stdbuf") {
      return (dir + "/stdbuf", ["-oL", "-eL", path])
    }
    return (path, [])
  }

  /// Records a run and what was wrong with it, if anything.
  private func judge(_ record: RunRecord, of example: Example, into report: inout ExampleReport) {
    report.runs.append(record)
    let at = "\(example.location): error: example '\(example.name)'"
    var problem: String?
    switch record.ending {
    case .exited(0):
      if let expected = example.expectedOutput,
        let mismatch = OutputMatcher.mismatch(expected: expected, actual: record.stdout)
      {
        problem =
          "\(expected.location.file):\(expected.location.line - 1):1: error: output of '\(example.name)' differs: \(mismatch)"
      }
    case .exited(let code): problem = "\(at) exited with status \(code)"
    case .signalled(let signal):
      problem =
        "\(at) crashed\(crashSite(record.stderr, file: example.location.file))"
        + " (signal \(signal)\(signalName(signal)))"
    case .timedOut:
      problem =
        "\(at) did not finish within \(Format.value(example.timeout.seconds, .time)) and was stopped (set timeout= on its block if it needs longer)"
    case .flooded: problem = "\(at) printed more than the runner keeps (1 MiB) and was stopped"
    case .failedToStart(let why): problem = "\(at) could not start: \(why)"
    }
    if let problem {
      report.status = .failed
      if !report.messages.contains(problem) { report.messages.append(problem) }
    }
  }

  /// Where a crash happened and why, from the Swift runtime's message and backtrace:
  /// ` at lessons/x.md:14:8: Fatal error: Index out of range`.
  private func crashSite(_ stderr: String, file: String) -> String {
    let lines = stderr.split(separator: "\n")
    var site = ""
    if let frame = lines.first(where: { $0.contains(" at \(file):") }),
      let range = frame.range(of: " at \(file):")
    {
      site = " at " + frame[range.upperBound...].prefix { !$0.isWhitespace }.description
      site = " at \(file):" + site.dropFirst(4)
    }
    if let fatal = lines.first(where: { $0.contains("Fatal error") }),
      let range = fatal.range(of: "Fatal error")
    {
      site += ": " + fatal[range.lowerBound...]
    }
    return site
  }

  private func signalName(_ signal: Int32) -> String {
    [
      4: ", SIGILL: a Swift runtime trap", 5: ", SIGTRAP: a Swift runtime trap", 6: ", SIGABRT",
      9: ", SIGKILL", 11: ", SIGSEGV",
    ][signal] ?? ""
  }

  // MARK: Report

  /// The run as a picture in text: which spans were active when, as on the site.
  private func printTimeline(of record: RunRecord) {
    let timeline = Timeline.extract(from: record)
    for row in timeline.textPicture(width: 76) { console.line(console.paint(row, .dim)) }
    for problem in timeline.problems {
      console.line(console.paint("  timeline: \(problem)", .yellow))
    }
  }

  private func printOutcome(_ report: ExampleReport, _ example: Example) {
    switch report.status {
    case .passed:
      let walls = report.runs.map(\.wallSeconds)
      let time =
        example.mode == .run
        ? "  " + Format.value(median(walls) ?? 0, .time)
          + (walls.count > 1 ? " (median of \(walls.count))" : "") : ""
      let what =
        example.mode == .compileFail
        ? "fails to compile, as it should"
        : example.expectedOutput != nil ? "output matches" : "ran"
      if example.mode != .run { console.line() }
      console.line(
        console.paint("✓ \(example.name)", .green) + console.paint("\(time)  \(what)", .dim))
    case .notRun:
      console.line()
      console.line(
        console.paint("✓ \(example.name)", .green) + console.paint("  builds (compile-only)", .dim))
    case .failed, .buildFailed:
      if example.mode != .run { console.line() }
      console.line(console.paint("✗ \(example.name)", .red, .bold))
      for message in report.messages { console.line(console.paint(message, .red)) }
      if let stderr = report.runs.last?.stderr, !stderr.isEmpty, report.status == .failed,
        example.mode == .run
      {
        console.line(console.paint("  its standard error ended with:", .dim))
        for line in stderr.split(separator: "\n").suffix(8) { console.line("    " + line) }
      }
    }
  }

  private func printClaims(_ results: [ClaimResult]) {
    guard !results.isEmpty else { return }
    console.line()
    console.line(
      console.paint("Claims", .bold)
        + console.paint(
          "  (\(environment.cores) cores; each measured value is a median over the example's runs)",
          .dim))
    let rows = results.map { r -> [String] in
      let c = r.claim
      let measured = r.measured.map { Format.value($0, c.expectation.dimension) } ?? "—"
      return [
        "\(c.location.file):\(c.location.line)", "“\(c.text)”",
        c.target.count > 40 ? c.target.prefix(39) + "…" : c.target,
        Format.range(c.expectation), measured,
      ]
    }
    let widths = (0..<5).map { col in rows.map { $0[col].count }.max() ?? 0 }
    let header = ["where", "claim", "measures", "holds for", "measured"]
    let pad = { (s: String, w: Int) in s + String(repeating: " ", count: max(0, w - s.count)) }
    console.line(
      console.paint(
        "    " + zip(header, widths).map { pad($0, max($1, $0.count)) }.joined(separator: "  ")
          + "  verdict", .dim))
    for (row, r) in zip(rows, results) {
      let mark: String
      switch r.verdict {
      case .passed: mark = console.paint("✓", .green)
      case .failed, .unmeasured: mark = console.paint("✗", .red, .bold)
      case .skipped: mark = console.paint("–", .yellow)
      }
      let cells = zip(row, zip(header, widths)).map { pad($0, max($1.1, $1.0.count)) }.joined(
        separator: "  ")
      var verdict = r.verdict.rawValue + (r.reason.map { ": " + $0 } ?? "")
      if r.verdict == .passed && r.sharp == false {
        verdict += ", but loose: 1.5 or 0.6 times the measured value would pass too"
      }
      console.line(
        "  \(mark) \(cells)  \(r.verdict == .passed ? console.paint(verdict, .green) : r.verdict == .skipped ? console.paint(verdict, .yellow) : console.paint(verdict, .red))"
      )
    }
  }

  private func printSummary(_ report: LessonReport) {
    let passedExamples = report.examples.filter { $0.status == .passed || $0.status == .notRun }
      .count
    let count = { (v: Verdict) in report.claims.filter { $0.verdict == v }.count }
    let failedClaims = count(.failed) + count(.unmeasured)
    var text =
      "\(passedExamples) of \(report.examples.count) examples passed · \(report.claims.count) claims: \(count(.passed)) passed, \(failedClaims) failed"
    if count(.skipped) > 0 { text += ", \(count(.skipped)) skipped" }
    console.line()
    for d in report.diagnostics { console.line(console.paint(d.description, .red)) }
    let style: Console.Style = report.status == .passed ? .green : .red
    console.line(
      console.paint(
        "\(report.status == .passed ? "✓" : "✗") \(report.lesson): \(text)", style, .bold))
    console.line()
  }

  private func finish(
    _ lesson: Lesson, diagnostics: [Diagnostic], examples: [ExampleReport], claims: [ClaimReport]
  ) -> LessonReport {
    let status: LessonReport.Status =
      !diagnostics.isEmpty || examples.contains { $0.status == .buildFailed }
      ? .error
      : examples.contains { $0.status == .failed }
        || claims.contains {
          $0.verdict == .failed || $0.verdict == .unmeasured || (strict && $0.sharp == false)
        }
        ? .failed
        : .passed
    return LessonReport(
      lesson: lesson.path, number: lesson.number, title: lesson.title,
      sourceHash: stableHash(lesson.source),
      status: status, environment: environment, diagnostics: diagnostics, examples: examples,
      claims: claims)
  }
}
