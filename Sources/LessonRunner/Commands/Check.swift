import ArgumentParser
import Foundation
import LessonCLI
import LessonKit
import LessonRun

/// `lesson-runner check 3`: builds and runs the reader's answer to an exercise, and judges
/// it with the exercise's goals.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check your answer to an exercise against its goals.",
    discussion: """
      Builds your file with the lesson's setup code, runs it as the book runs its examples, \
      and judges it with the exercise's claims and expected output: each goal is shown as \
      met or missed, with what was measured, and a hint that fits the first goal missed. \
      Compiler errors point at your file. Exit status: 0 when every goal is met, 1 when one \
      is missed, 2 when the file does not build or cannot be found.
      """)

  @Argument(help: "A lesson number, slug or Markdown path.")
  var lesson: String

  @OptionGroup var selection: ExerciseOptions

  @Option(help: "Check this file instead of the one 'lesson-runner exercise' wrote.")
  var file: String?

  @Flag(help: "Show every hint for the goals missed, not only the first that fits.")
  var hints = false

  func run() throws {
    let workspace = try Session.workspace()
    let (book, exercise) = try Session.exercise(lesson, selection.name, in: workspace)
    let answer =
      file.map(Session.url)
      ?? workspace.answerFile(for: exercise, of: book, in: selection.folderURL)
    let path = workspace.displayPath(answer)
    guard let data = FileManager.default.contents(atPath: answer.path) else {
      Session.fail(
        FileManager.default.fileExists(atPath: answer.path)
          ? "cannot read \(path)"
          : "there is no answer at \(path) yet: start with 'swift run lesson-runner exercise \(book.number.map(String.init) ?? book.path) \(exercise.name)'"
      )
      throw ExitCode(2)
    }
    let code: String
    switch LessonSource.text(of: data, path: path) {
    case .success(let text): code = LessonSource.normalizingLineEndings(text)
    case .failure(let errors):
      for d in errors.diagnostics { Session.fail(d.description) }
      throw ExitCode(2)
    }
    guard
      let lesson = Workspace.answerLesson(for: exercise, of: book, code: code, path: path)
    else {
      Session.fail("\(book.path) has no solution for exercise '\(exercise.name)'")
      throw ExitCode(2)
    }

    let console = Console()
    Orphans.adopt()
    Verifying.installInterrupts(console)
    let environment = Session.environment()
    let terminal = TerminalReporter(console: console, cores: environment.cores, strict: false)
    terminal.showsVerdicts = false
    // A goal missed by more than its band on the first run is missed: say so at once, and
    // run again only what sits near an edge.
    var options = Engine.Options()
    options.rerunFarMisses = false
    let engine = Engine(
      workspace: workspace, environment: environment, options: options,
      reporters: [terminal])
    let verification = engine.verify([lesson])
    Interrupts.waitIfStopping()
    guard let report = verification.reports.first,
      let program = report.examples.first(where: { $0.name == exercise.name })
    else {
      Session.fail("the check of \(path) did not finish")
      throw ExitCode(2)
    }

    console.line()
    if program.status == .buildFailed || report.status == .error {
      for d in report.diagnostics where program.status != .buildFailed {
        console.line(console.paint(d.description, .red))
      }
      console.line(
        console.paint(
          "✗ \(path) does not build: fix the errors above, then check it again.", .red, .bold))
      throw ExitCode(2)
    }
    // The engine's verdicts, reruns alone included: the check shows them, never its own.
    let claims = verification.claims(of: lesson.path)
    let goals = Judge.goals(of: exercise, in: book, program: program, claims: claims)
    console.line(
      console.paint("Goals of exercise \(exercise.name)", .bold)
        + console.paint("  (\(book.path):\(exercise.location.line), judged on \(path))", .dim))
    for goal in goals {
      let mark = goal.met ? console.paint("✓", .green) : console.paint("✗", .red, .bold)
      console.line(
        "  \(mark) \(goal.text)"
          + console.paint("  \(goal.location.file):\(goal.location.line)", .dim))
      if let detail = goal.detail {
        console.line(console.paint("      \(detail)", goal.met ? .dim : .red))
      }
    }
    console.line()
    let missed = goals.filter { !$0.met }.count
    if missed == 0 {
      console.line(
        console.paint(
          "✓ Solved: every goal of \(exercise.name) holds for \(path).", .green, .bold))
      return
    }
    let fitting = Judge.hints(for: goals, of: exercise)
    for hint in hints ? fitting : Array(fitting.prefix(1)) {
      console.line(
        console.paint("Hint", .bold)
          + console.paint(
            "  (\(book.path):\(hint.location.line)\(hint.goal.map { ", for the goal on \($0)" } ?? ""))",
            .dim))
      var lines = hint.text.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last == "" { lines.removeLast() }
      for line in lines { console.line("  " + line) }
      console.line()
    }
    if !hints && fitting.count > 1 {
      console.line(
        console.paint(
          "\(fitting.count - 1) more hint\(fitting.count == 2 ? "" : "s") for what is missed: add --hints to see them.",
          .dim))
    }
    console.line(
      console.paint(
        "✗ Not yet: \(missed) of \(goals.count) goal\(goals.count == 1 ? "" : "s") missed. Edit \(path) and check it again.",
        .red, .bold))
    throw ExitCode(1)
  }
}
