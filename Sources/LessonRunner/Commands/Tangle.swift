import ArgumentParser
import Foundation
import LessonCLI
import LessonKit
import LessonRun

struct Tangle: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write every lesson's examples under Sources/Lessons as SwiftPM targets.")

  @Flag(help: "Write nothing; name every stale file and exit 1 if there is one.")
  var check = false

  func run() throws {
    let workspace = try Session.workspace()
    let console = Console()
    var lessons: [Lesson] = []
    var broken: Set<String> = []
    var malformed = false
    for file in workspace.lessonFiles() {
      switch workspace.load(file) {
      case .success(let lesson): lessons.append(lesson)
      case .failure(let errors):
        malformed = true
        broken.insert(file.deletingPathExtension().lastPathComponent)
        for d in errors.diagnostics { console.line(console.paint(d.description, .red)) }
      }
    }
    let stale = try workspace.tangle(lessons, keeping: broken, write: !check)
    if check {
      for path in stale {
        console.line("\(path): error: stale; run `swift run lesson-runner tangle`")
      }
      if stale.isEmpty && !malformed {
        console.line("Tangled sources are up to date with \(lessons.count) lessons.")
      }
      if malformed { throw ExitCode(2) }
      if !stale.isEmpty { throw ExitCode(1) }
    } else {
      console.line(
        stale.isEmpty
          ? "Nothing to tangle: every file is up to date."
          : "Tangled \(stale.count) file\(stale.count == 1 ? "" : "s"):")
      for path in stale { console.line("  " + path) }
      if malformed { throw ExitCode(2) }
    }
  }
}
