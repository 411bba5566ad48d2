import ArgumentParser
import Foundation
import LessonKit
import LessonRun

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the lessons, or verify one of them, or all.")

  @Argument(
    help: "A lesson number, slug or Markdown path, or 'all'. Without it, the lessons are listed.")
  var lesson: String?

  @Flag(help: "Print the report as JSON on standard output; progress goes to standard error.")
  var json = false

  @Flag(
    help:
      "Fail a claim that is loose: one that would still pass if its number were 1.5 or 0.6 times the measured value."
  )
  var strict = false

  func run() throws {
    let workspace = try Session.workspace()
    guard let lesson else {
      Session.list(workspace)
      return
    }
    let console = Console(useStandardError: json)
    let files: [URL]
    if lesson == "all" {
      files = workspace.lessonFiles()
    } else if let url = workspace.resolve(lesson) {
      files = [url]
    } else {
      Session.fail(
        "no lesson '\(lesson)': give a number, a slug or the path of a Markdown file (run lesson-runner with no argument to list them)"
      )
      throw ExitCode(2)
    }

    let (reports, exitCode) = try Self.verify(
      files, in: workspace, console: console, strict: strict)
    if json {
      FileHandle.standardOutput.write(try Session.json(reports))
      FileHandle.standardOutput.write(Data("\n".utf8))
    }
    if exitCode != 0 { throw ExitCode(exitCode) }
  }

  /// Verifies `files` in order, saving each lesson's report where the site reads it, and
  /// returns the reports with the exit status: 0 when everything holds, 1 when an output
  /// or claim fails, 2 for a malformed lesson or an example that does not build.
  static func verify(_ files: [URL], in workspace: Workspace, console: Console, strict: Bool)
    throws -> (reports: [LessonReport], exitCode: Int32)
  {
    var exitCode: Int32 = 0
    var reports: [LessonReport] = []
    if files.contains(where: { !workspace.isDraft($0) }) {
      try Session.tangleBook(workspace, console: console)
    }
    var verifier = LessonVerifier(
      workspace: workspace, console: console, environment: Session.environment())
    verifier.strict = strict
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
      case .success(let parsed):
        let report = verifier.verify(parsed)
        try Session.save(report, in: workspace, stem: parsed.fileStem)
        reports.append(report)
        exitCode = max(exitCode, report.status == .error ? 2 : report.status == .failed ? 1 : 0)
      }
    }
    if files.count > 1 {
      let passed = reports.filter { $0.status == .passed }.count
      console.line(
        console.paint(
          "\(passed) of \(files.count) lessons passed", exitCode == 0 ? .green : .red, .bold))
    }
    return (reports, exitCode)
  }
}
