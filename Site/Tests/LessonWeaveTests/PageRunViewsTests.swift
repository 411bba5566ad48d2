import Foundation
import LessonKit
import LessonRun
import Testing

@testable import LessonWeave

/// A run from the preview's page is shown as the book's runs are: the same outcome figure
/// and timeline, where the book's stood, and each claim judged on the new run.
@Suite("A run from the page, on the page")
struct PageRunViewsTests {
  let code = """
    mark("begin", "stone 1")
    mark("begin", "stone 2")
    Thread.sleep(forTimeInterval: 0.6)
    mark("end", "stone 1")
    mark("end", "stone 2")
    print("first stone back")
    print("second stone back")
    print("done: true")
    """

  func edited() throws -> Lesson {
    try #require(
      Workspace.editedLesson(
        try fixture("02-stones.md"), family: "two-stones", code: code, path: "editor"))
  }

  /// The edited run: both stones take 0.6 s, and the whole run 0.62 s.
  var slowRun: [String: [RunRecord]] {
    [
      "two-stones": [
        run(
          wall: 0.62,
          [
            (0.001, .stderr, "::span-begin stone 1"), (0.001, .stderr, "::span-begin stone 2"),
            (0.601, .stderr, "::span-end stone 1"), (0.601, .stderr, "::span-end stone 2"),
            (0.602, .stdout, "first stone back"), (0.602, .stdout, "second stone back"),
            (0.603, .stdout, "done: true"),
          ])
      ]
    ]
  }

  @Test func theOutcomeStandsWhereTheBooksStoodWithItsTimeline() throws {
    let lesson = try edited()
    let views = try PageRunViews()
    let example = try #require(lesson.example(named: "two-stones"))
    let html = views.outcome(
      of: example, in: lesson, report: report(of: lesson, runs: slowRun),
      id: "result-two-stones", heading: "What your edit of two-stones did")
    let figure = try #require(startTags(html).first)
    #expect(figure.name == "figure")
    #expect(figure.attributes.contains { $0 == ("id", "result-two-stones") })
    #expect(html.contains("What your edit of two-stones did"))
    #expect(html.contains("id=\"timeline-two-stones\""))
    // The spans the edited code marked, drawn as bars: each stone took 600 ms.
    #expect(elements(html, tag: "rect", containing: "tl-bar").count == 2)
    #expect(html.contains("stone 1: 1 ms → 601 ms"))
  }

  @Test func eachClaimIsJudgedOnTheNewRun() throws {
    let lesson = try edited()
    let views = try PageRunViews()
    let claim = try #require(lesson.claims.first { $0.target == "two-stones" })
    let slow = views.claim(claim, in: report(of: lesson, runs: slowRun))
    #expect(slow.verdict == "failed")
    #expect(slow.measured == "620 ms")
    #expect(slow.mark == "✗")
    #expect(slow.details.contains("failed, measured 620 ms"))
    let fast = views.claim(claim, in: report(of: lesson, runs: stonesRuns()))
    #expect(fast.verdict == "passed")
    #expect(fast.measured == "305 ms")
    let none = views.claim(claim, in: report(of: lesson, runs: [:]))
    #expect(none.verdict == "unmeasured")
  }

  @Test func theBookPageSaysWhereEachClaimIs() throws {
    let lesson = try fixture("02-stones.md")
    let files = try Book(lessons: [BookLesson(lesson: lesson, results: .missing)]).render()
    let html = try #require(files.first { $0.path == "02-stones.html" }).contents
    let places = startTags(html).filter { $0.name == "span" }
      .compactMap { tag in tag.attributes.first { $0.0 == "data-claim" }?.1 }
    #expect(places == lesson.claims.map { "\($0.location.line):\($0.location.column)" })
  }

  @Test func thePreviewsScriptAndStyleSheetAreInstalled() {
    #expect(PageRunViews.asset("run.js").map { !$0.isEmpty } == true)
    #expect(PageRunViews.asset("run.css").map { !$0.isEmpty } == true)
    // Only those two: never another file of the installation.
    #expect(PageRunViews.asset("../style.css") == nil)
    #expect(PageRunViews.asset("search.js") == nil)
  }
}
