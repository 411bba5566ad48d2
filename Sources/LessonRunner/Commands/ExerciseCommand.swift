import ArgumentParser
import Foundation
import LessonCLI
import LessonKit
import LessonRun

/// `lesson-runner exercise 3`: copies an exercise's starter into a file of the reader's.
struct ExerciseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercise",
    abstract: "Copy an exercise's starter code into a file of your own, to edit and check.",
    discussion: """
      Writes exercises/NN-slug/NAME.swift in the book's package (a folder git ignores and \
      the book's build never reads) and says how to check it. A file that is already there \
      is never overwritten: --reset keeps it as NAME.swift.bak and starts again. With no \
      lesson, lists every exercise of the book.
      """)

  @Argument(help: "A lesson number, slug or Markdown path.")
  var lesson: String?

  @OptionGroup var selection: ExerciseOptions

  @Flag(help: "Start again from the starter; your current file is kept as a .bak copy.")
  var reset = false

  func run() throws {
    let workspace = try Session.workspace()
    let folderURL = selection.folderURL
    guard let lesson else {
      Self.list(workspace, folder: folderURL)
      return
    }
    let (book, exercise) = try Session.exercise(lesson, selection.name, in: workspace)
    let file = workspace.answerFile(for: exercise, of: book, in: folderURL)
    let shown = workspace.displayPath(file)
    let console = Console()
    let fm = FileManager.default
    do {
      try fm.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      if fm.fileExists(atPath: file.path) {
        guard reset else {
          console.line("\(shown) is already there, with your work in it; it was left as it is.")
          console.line(
            "Check it with " + console.paint(Workspace.checkCommand(for: exercise, of: book), .bold)
              + ", or start again with --reset (your file is kept as a .bak copy).")
          return
        }
        let backup = file.appendingPathExtension("bak")
        if fm.fileExists(atPath: backup.path) { try fm.removeItem(at: backup) }
        try fm.copyItem(at: file, to: backup)
        console.line(console.paint("Kept your file as \(workspace.displayPath(backup)).", .dim))
      }
      try Data(Workspace.starterFile(for: exercise, of: book).utf8).write(
        to: file, options: .atomic)
    } catch {
      Session.fail("cannot write \(shown): \(error.localizedDescription)")
      throw ExitCode(2)
    }
    console.line(
      console.paint("Exercise \(exercise.name)", .bold)
        + console.paint("  (\(book.path):\(exercise.location.line))", .dim))
    console.line("The starter is in " + console.paint(shown, .bold) + ": edit that file.")
    Self.printGoals(of: exercise, in: book, console: console)
    console.line(
      "When it is ready, check it with "
        + console.paint(Workspace.checkCommand(for: exercise, of: book), .bold) + ".")
  }

  static func printGoals(of exercise: Exercise, in lesson: Lesson, console: Console) {
    guard let solution = lesson.example(named: exercise.name) else { return }
    console.line("Its goals:")
    if let output = solution.expectedOutput {
      console.line(
        "  • it prints what the lesson expects (\(lesson.path):\(output.location.line - 1)):")
      for line in output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(
        output.text.hasSuffix("\n") ? 1 : 0)
      {
        console.line(console.paint("      \(line)", .dim))
      }
    }
    if solution.expectedStderr != nil {
      console.line("  • it writes what the lesson expects on standard error")
    }
    if let ending = solution.expectedEnding { console.line("  • it \(ending)") }
    for claim in exercise.goals.map(\.claim) {
      console.line(
        "  • “\(claim.text)”"
          + console.paint(
            "  (claim:\(claim.target), holds for \(Format.range(claim.expectation)))", .dim))
    }
  }

  static func list(_ workspace: Workspace, folder: URL?) {
    let console = Console()
    console.line(console.paint("Two Stones: the exercises", .bold))
    for file in workspace.lessonFiles() {
      guard case .success(let lesson) = workspace.load(file) else { continue }
      for exercise in lesson.exercises {
        let answer = workspace.answerFile(for: exercise, of: lesson, in: folder)
        let started = FileManager.default.fileExists(atPath: answer.path)
        console.line(
          "  \(lesson.number.map(String.init) ?? "-")  \(exercise.name)"
            + console.paint(
              started ? "  started: \(workspace.displayPath(answer))" : "  not started", .dim))
      }
    }
    console.line()
    console.line(
      "Start one with " + console.paint("swift run lesson-runner exercise N NAME", .bold) + ".")
  }
}
