import Foundation
import LessonKit
import LessonRun

/// Verifying lessons as the commands do: the engine with the terminal, the results file
/// and a collector listening, and the exit status every command reports.
public enum Verifying {
  /// Verifies `files`, saving each lesson's report where the site reads it, and returns
  /// the reports with the exit status: 0 when everything holds, 1 when an output or claim
  /// fails, 2 for a malformed lesson or an example that does not build.
  public static func verify(
    _ files: [URL], in workspace: Workspace, console: Console, strict: Bool,
    oneAtATime: Bool = false, ownsInterrupts: Bool = true
  ) throws -> (reports: [LessonReport], exitCode: Int32) {
    // This process owns its children: what an example starts outside its process group
    // comes back to it, to be stopped when the run ends.
    Orphans.adopt()
    // The live preview keeps Ctrl-C for itself, and stops its server cleanly.
    if ownsInterrupts { installInterrupts(console) }
    return try verifyLessons(
      files, in: workspace, console: console, strict: strict, oneAtATime: oneAtATime)
  }

  public static func installInterrupts(_ console: Console) {
    Interrupts.install { signal in
      console.line()
      console.line(
        console.paint(
          "Stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM"): every example was ended; the results of lessons that finished are saved.",
          .red))
    }
  }

  private static func verifyLessons(
    _ files: [URL], in workspace: Workspace, console: Console, strict: Bool, oneAtATime: Bool
  ) throws -> (reports: [LessonReport], exitCode: Int32) {
    var exitCode: Int32 = 0
    if files.contains(where: { !workspace.isDraft($0) }) {
      try Session.tangleBook(workspace, console: console)
    }
    var lessons: [Lesson] = []
    // Lessons that cannot be verified, reported with their diagnostics and no runs.
    var unverified: [LessonReport] = []
    let environment = Session.environment()
    for file in files {
      switch workspace.load(file) {
      case .failure(let errors):
        for d in errors.diagnostics { console.line(console.paint(d.description, .red)) }
        console.line(
          console.paint(
            "✗ \(workspace.displayPath(file)): the lesson is malformed; fix the errors above", .red,
            .bold))
        console.line()
        exitCode = 2
        unverified.append(
          .malformed(
            path: workspace.displayPath(file), fileName: file.lastPathComponent,
            diagnostics: errors.diagnostics, environment: environment))
      case .success(let parsed):
        if strict, let silent = parsed.checksNothingError {
          // A lesson in lessons/ that checks nothing must say so: else it "passes" unseen.
          console.line(console.paint(silent.description, .red))
          exitCode = 2
          unverified.append(
            .malformed(
              path: parsed.path, fileName: file.lastPathComponent, diagnostics: [silent],
              environment: environment))
          continue
        }
        lessons.append(parsed)
      }
    }
    var options = Engine.Options()
    options.strict = strict
    options.sideBySide = !oneAtATime
    let terminal = TerminalReporter(console: console, cores: environment.cores, strict: strict)
    let writer = ResultsWriter(workspace.results)
    let collector = ReportCollector()
    let engine = Engine(
      workspace: workspace, environment: environment, options: options,
      reporters: [terminal, writer, collector])
    engine.verify(lessons)
    Interrupts.waitIfStopping()
    let reports = unverified + collector.reports
    for failure in writer.failures {
      Session.fail("cannot save the results: \(failure)")
    }
    for report in reports {
      exitCode = max(exitCode, report.status == .error ? 2 : report.status == .failed ? 1 : 0)
    }
    if files.count > 1 || strict {
      for report in reports {
        let mark = report.status == .passed ? console.paint("✓", .green) : console.paint("✗", .red)
        let examples = report.counts.examples
        let claims = report.counts.claims
        console.line(
          "\(mark) \(report.lesson): \(examples) example\(examples == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s")"
            + console.paint("  (\(TerminalReporter.counts(report)))", .dim))
      }
      let passed = reports.filter { $0.status == .passed }.count
      console.line(
        console.paint(
          "\(passed) of \(files.count) lesson\(files.count == 1 ? "" : "s") passed"
            + (strict ? ", strictly" : ""), exitCode == 0 ? .green : .red, .bold))
    }
    return (reports, exitCode)
  }
}
