import ArgumentParser
import Foundation
import LessonCLI
import LessonKit
import LessonRun
import LessonWeave

struct Site: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the book as a website that shows what the latest runs measured.",
    discussion: """
      Writes an index, a page per lesson in lessons/ (and per draft named on the command \
      line) and a style sheet. The pages need no network and no JavaScript: open \
      site/index.html in a browser. Each page shows the outputs, claims and timelines of \
      the lesson's latest verified run, kept in .build/lesson-results/, and says so plainly \
      when that run is missing or older than the lesson. Exit status: as for verifying when \
      --verify is given; otherwise 0, or 2 when a lesson is malformed.
      """)

  @Argument(help: "Draft lessons (Markdown files outside lessons/) to put on the site too.")
  var drafts: [String] = []

  @Option(
    name: .shortAndLong, help: "The folder to write into (default: site/ in the book's package).")
  var output: String?

  @Flag(help: "Verify every lesson on the site first, as 'lesson-runner all' does.")
  var verify = false

  @Flag(help: "With --verify, fail loose claims too, as 'lesson-runner --strict' does.")
  var strict = false

  func run() throws {
    let workspace = try Session.workspace()
    var files = workspace.lessonFiles()
    for draft in drafts {
      guard let url = workspace.resolve(draft) else {
        Session.fail("no lesson file '\(draft)': give the path of a Markdown file")
        throw ExitCode(2)
      }
      if !files.contains(url) { files.append(url) }
    }
    let console = Console()
    var exitCode: Int32 = 0
    if verify {
      exitCode = try Verifying.verify(files, in: workspace, console: console, strict: strict)
        .exitCode
    }

    let (lessons, malformed) = Self.bookLessons(
      files, in: workspace, console: console, printErrors: !verify)
    if !malformed.isEmpty { exitCode = 2 }

    let folder =
      output.map {
        URL(
          fileURLWithPath: $0,
          relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
      }
      ?? workspace.root.appendingPathComponent("site")
    let written: [String]
    do {
      written = try SiteWriter.write(try Book(lessons: lessons).render(), to: folder)
    } catch let error as WeaveError {
      Session.fail(error.description)
      throw ExitCode(2)
    }
    let current = lessons.filter { $0.results.currentReport != nil }.count
    let site = workspace.displayPath(folder.standardizedFileURL)
    console.line(
      "Wrote the site of \(lessons.count) lesson\(lessons.count == 1 ? "" : "s") to \(site)/ "
        + console.paint(
          "(\(written.count) file\(written.count == 1 ? "" : "s") changed; \(current) with current results, \(lessons.count - current) not measured)",
          .dim))
    console.line("Open " + console.paint("\(site)/index.html", .bold) + " in a browser.")
    if exitCode != 0 { throw ExitCode(exitCode) }
  }

  /// A lesson file that could not be parsed, with its diagnostics (`path:line:col: error: …`).
  struct Malformed: Sendable {
    let file: URL
    let diagnostics: [String]
  }

  /// The lessons in `files` with their latest results, and each lesson that is malformed
  /// and so has no page, with its diagnostics (printed on the console too when
  /// `printErrors`; the malformed file is named there either way).
  static func bookLessons(
    _ files: [URL], in workspace: Workspace, console: Console, printErrors: Bool
  ) -> (lessons: [BookLesson], malformed: [Malformed]) {
    var lessons: [BookLesson] = []
    var malformed: [Malformed] = []
    for file in files {
      switch workspace.load(file) {
      case .success(let lesson):
        let results = LessonResults.load(for: lesson, from: workspace.resultsDirectory)
        lessons.append(BookLesson(lesson: lesson, results: results))
      case .failure(let errors):
        if printErrors {
          for d in errors.diagnostics { console.line(console.paint(d.description, .red)) }
        }
        console.line(
          console.paint(
            "✗ \(workspace.displayPath(file)): malformed, so it has no page", .red, .bold))
        let diagnostics = errors.diagnostics.map(\.description)
        malformed.append(
          Malformed(
            file: file,
            diagnostics: diagnostics.isEmpty
              ? ["\(workspace.displayPath(file)): malformed"] : diagnostics))
      }
    }
    return (lessons, malformed)
  }
}
