import ArgumentParser
import Foundation
import LessonCLI
import LessonKit
import LessonRun

struct Margins: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the claims closest to the edge of their band, across the latest runs.",
    discussion: """
      A claim's margin says where its measured median sat in its band: 100% on the stated \
      value of an approximate claim, 0% on an edge, below 0 outside. A bound ("at most \
      0.6 s") counts its own distance from 0 as 100%. Every verification of a lesson keeps \
      its claims' margins in .build/lesson-results/ (the latest 50 runs); this lists each \
      claim's worst margin over the runs read, the nearest to the edge first.
      """)

  @Argument(help: "Lesson numbers, slugs or paths; without any, every lesson of the book.")
  var lessons: [String] = []

  @Option(help: "Read only the latest N runs of each lesson.")
  var last: Int = 50

  @Option(help: "List at most this many claims.")
  var most: Int = 15

  func run() throws {
    let workspace = try Session.workspace()
    var files = workspace.lessonFiles()
    if !lessons.isEmpty {
      files = []
      for name in lessons {
        guard let url = workspace.resolve(name) else {
          Session.fail("no lesson '\(name)': give a number, a slug or the path of a Markdown file")
          throw ExitCode(2)
        }
        files.append(url)
      }
    }
    guard last >= 1, most >= 1 else {
      Session.fail("--last and --most take a whole number of at least 1")
      throw ExitCode(2)
    }
    let history = MarginHistory(directory: workspace.resultsDirectory)
    var worst: [MarginHistory.Worst] = []
    var runs = 0
    for file in files {
      let kept = history.runs(file.deletingPathExtension().lastPathComponent).suffix(last)
      runs = max(runs, kept.count)
      worst += MarginHistory.worst(Array(kept))
    }
    let console = Console()
    guard !worst.isEmpty else {
      console.line("No margins kept yet: verify a lesson first (lesson-runner all).")
      return
    }
    worst.sort { $0.entry.margin < $1.entry.margin }
    console.line(
      console.paint("The claims nearest their edge", .bold)
        + console.paint("  (worst and median margin over up to \(runs) runs a lesson)", .dim))
    let rows = worst.prefix(most).map { w in
      [
        Format.margin(w.entry.margin), Format.margin(w.median), "\(w.runs)",
        "\(w.entry.file):\(w.entry.line)", "“\(w.entry.text)”", w.entry.target,
      ]
    }
    let table = TextTable(
      header: ["worst", "median", "runs", "where", "claim", "measures"], rows: rows)
    console.line(console.paint(table.header.trimmingTrailingSpaces, .dim))
    for (row, w) in zip(table.rows, worst) {
      let style: Console.Style =
        w.entry.margin < 0 ? .red : w.entry.margin < 1.0 / 3 ? .yellow : .green
      console.line(console.paint(row.trimmingTrailingSpaces, style))
    }
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
