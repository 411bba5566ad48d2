import Foundation
import LessonKit
import LessonRun

/// Verifying lessons as the commands do: the engine with the terminal and the results
/// files listening, and one `Verification` for the command to render.
public enum Verifying {
  /// Verifies `files`, saving each lesson's report where the site reads it, and returns
  /// what the verification found, malformed lessons included (their reports hold only
  /// their diagnostics), with the exit status every command reports.
  public static func verify(
    _ files: [URL], in workspace: Workspace, console: Console, strict: Bool,
    oneAtATime: Bool = false, ownsInterrupts: Bool = true
  ) throws -> Verification {
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
  ) throws -> Verification {
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
        unverified.append(
          .malformed(
            path: workspace.displayPath(file), fileName: file.lastPathComponent,
            diagnostics: errors.diagnostics, environment: environment))
      case .success(let parsed):
        if strict, let silent = parsed.checksNothingError {
          // A lesson in lessons/ that checks nothing must say so: else it "passes" unseen.
          console.line(console.paint(silent.description, .red))
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
    let engine = Engine(
      workspace: workspace, environment: environment, options: options,
      reporters: [terminal, writer])
    let verification = Verification(reports: unverified).appending(engine.verify(lessons))
    Interrupts.waitIfStopping()
    for failure in writer.failures {
      Session.fail("cannot save the results: \(failure)")
    }
    if files.count > 1 || strict {
      TerminalReporter.summary(of: verification, strict: strict, console: console)
    }
    return verification
  }
}
