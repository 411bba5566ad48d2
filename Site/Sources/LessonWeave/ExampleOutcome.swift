import LessonKit

/// What the page says an example did: its real output, its verdict, and why when it failed;
/// or, without a current run, what the lesson expects and that nothing was measured.
struct ExampleOutcome {
  let example: Example
  /// The example's part of the latest report, when that report is current.
  let report: ExampleReport?
  let notMeasured: String

  /// Lines of output shown before the rest is cut.
  static let maxLines = 400

  /// The run the page shows: the successful one with the median wall time, or the last.
  var shownRun: RunRecord? {
    guard let runs = report?.runs, !runs.isEmpty else { return nil }
    let good = runs.filter(\.succeeded)
    guard let middle = median(good.map(\.wallSeconds)) else { return runs.last }
    return good.min { abs($0.wallSeconds - middle) < abs($1.wallSeconds - middle) }
  }

  var view: OutcomeView {
    var view = OutcomeView(
      id: "result-\(example.fileName)", example: example.name, mode: example.mode.rawValue,
      verdict: "not-measured", mark: "?", heading: heading, summary: nil, note: nil, messages: [],
      output: nil, outputLabel: nil, printedNothing: false, stderr: nil, expected: nil,
      expectedLabel: nil, timeline: nil, problems: [])
    view.setting = example.isVariant ? example.setting.name : nil
    let expected = example.expectedOutput ?? example.expectedDiagnostics
    guard let report else {
      view.note = notMeasured.prefix(1).uppercased() + notMeasured.dropFirst() + "."
      view.expected = expected.map { HTML.visible($0.text) }
      view.expectedLabel =
        example.mode == .compileFail
        ? "What the compiler must say" : "What the lesson expects it to print"
      return view
    }
    view.verdict = report.status.rawValue
    view.mark = report.status == .passed || report.status == .notRun ? "✓" : "✗"
    view.messages = report.diagnostics.map { HTML.visible($0.description) }
    let isStarter = example.exercise?.version == .starter
    if isStarter && report.status == .passed {
      // A starter passes by missing goals: say which, as what the reader will fix.
      view.mark = "·"
      view.messages = report.diagnostics.map { HTML.visible($0.message) }
    }
    switch (example.mode, report.status) {
    case (_, .otherPlatform):
      // For another platform (platforms=): what it would print, and why it did not run.
      view.mark = "–"
      view.summary = "not run on this platform"
      view.messages = report.diagnostics.map { HTML.visible($0.message) }
      view.expected = expected.map { HTML.visible($0.text) }
      view.expectedLabel =
        example.mode == .compileFail
        ? "What the compiler must say" : "What the lesson expects it to print"
    case (_, .buildFailed):
      view.summary = "does not build"
    case (.compileOnly, _):
      view.verdict = "passed"
      view.summary = "builds; it is never run"
    case (.compileFail, _):
      view.summary = report.status == .passed ? "fails to compile, as it should" : "check failed"
      let said = report.runs.last.map { Self.compilerErrors($0.stdout + "\n" + $0.stderr) } ?? []
      view.output = said.isEmpty ? nil : HTML.visible(said.joined(separator: "\n"))
      view.outputLabel = "The compiler's errors"
      if report.status != .passed {
        view.expected = expected.map { HTML.visible($0.text) }
        view.expectedLabel = "What the lesson expects it to say"
      }
    case (.run, _):
      guard let run = shownRun else {
        view.summary = "it did not run"
        return view
      }
      let meant =
        example.expectedEnding.map { $0.matches(run.ending) ? ", as the lesson expects" : "" } ?? ""
      view.summary =
        isStarter
        ? Format.value(run.wallSeconds, .time) + " · "
          + (report.status == .passed
            ? "misses a goal, as a starter should" : "meets every goal, so it is no exercise")
        : Format.value(run.wallSeconds, .time) + " · " + run.ending.caption + meant
          + (report.status == .passed && example.expectedOutput != nil ? " · output matches" : "")
          + (report.status == .passed && example.expectedStderr != nil
            ? " · standard error matches" : "")
      if report.runs.count > 1 {
        let index = report.runs.firstIndex(of: run).map { $0 + 1 } ?? report.runs.count
        view.note = "Run \(index) of \(report.runs.count): the one with the median time."
      }
      let (output, cut) = Self.cut(run.stdout)
      view.output = output.isEmpty ? nil : HTML.visible(output)
      view.outputLabel =
        "What it printed" + (cut > 0 ? " (the last \(cut) lines are not shown)" : "")
      view.printedNothing = run.stdout.isEmpty
      let errors = run.lines.filter { $0.stream == .stderr && !Timeline.isMarker($0) }.map(\.text)
      view.stderr = errors.isEmpty ? nil : HTML.visible(Self.cut(errors.joined(separator: "\n")).0)
      if report.status == .failed, let expected = example.expectedOutput {
        view.expected = HTML.visible(expected.text)
        view.expectedLabel = "What the lesson expects it to print"
      } else if report.status == .failed, let expected = example.expectedStderr {
        view.expected = HTML.visible(expected.text)
        view.expectedLabel = "What the lesson expects on standard error"
      }
    }
    return view
  }

  private var heading: String {
    if let part = example.exercise, part.version == .starter {
      return "What the starter of \(part.exercise) did in the book's run"
    }
    let name = example.family
    let under = example.isVariant ? " under \(example.setting.name)" : ""
    switch example.mode {
    case .run: return "What \(name) did\(under)"
    case .compileOnly: return "\(name) builds\(under)"
    case .compileFail: return "What the compiler said about \(name)\(under)"
    }
  }

  /// The compiler's error lines, without the paths of the generated files they name.
  static func compilerErrors(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      line.range(of: "error: ").map { "error: " + line[$0.upperBound...] }
    }
  }

  /// At most `maxLines` lines of `text`, without its final newline, and how many were cut.
  static func cut(_ text: String) -> (String, Int) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    let shown = lines.prefix(maxLines)
    return (shown.joined(separator: "\n"), lines.count - shown.count)
  }
}
