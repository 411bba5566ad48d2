import ArgumentParser
import Foundation
import LessonCLI
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

  @Option(
    help: ArgumentHelp(
      "With 'all', verify only part i of n of the book, for a CI matrix.",
      discussion: "Lessons are dealt to the n shards in turn; together the shards are the book.",
      valueName: "i/n"))
  var shard: String?

  @Flag(help: "Run every example alone, one after another, even those that mostly wait.")
  var oneAtATime = false

  func run() throws {
    let workspace = try Session.workspace()
    guard let lesson else {
      Session.list(workspace)
      return
    }
    let console = Console(useStandardError: json)
    var files: [URL]
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
    if let shard {
      guard let part = Shard(shard) else {
        Session.fail("--shard takes i/n with 1 ≤ i ≤ n, such as 2/3; not '\(shard)'")
        throw ExitCode(2)
      }
      files = part.select(files)
    }

    let verification = try Verifying.verify(
      files, in: workspace, console: console, strict: strict, oneAtATime: oneAtATime)
    if json {
      FileHandle.standardOutput.write(try ResultsFile.encode(verification.reports))
      FileHandle.standardOutput.write(Data("\n".utf8))
    }
    if verification.exitCode != 0 { throw ExitCode(verification.exitCode) }
  }
}
