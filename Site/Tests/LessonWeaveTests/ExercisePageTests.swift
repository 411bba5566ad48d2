import Foundation
import LessonKit
import Testing

@testable import LessonWeave

@Suite("An exercise on its page")
struct ExercisePageTests {
  func page(_ results: (Lesson) -> LessonResults) throws -> String {
    let lesson = try fixture("03-exercise.md")
    let files = try Book(lessons: [BookLesson(lesson: lesson, results: results(lesson))]).render()
    return try #require(files.first { $0.path == "03-exercise.html" }).contents
  }

  let runs: [String: [RunRecord]] = [
    "overlap-starter": [
      run(wall: 1.01, [(1.0, .stdout, "A and B are back"), (1.0, .stdout, "took: 1.00 s")])
    ],
    "overlap": [
      run(wall: 0.51, [(0.5, .stdout, "A and B are back"), (0.5, .stdout, "took: 0.50 s")])
    ],
  ]

  @Test func theStarterTheCommandsTheGoalsAndFoldedHintsShow() throws {
    let html = try page { .current(report(of: $0, runs: runs)) }
    #expect(html.contains("exercise overlap · the starter"))
    #expect(html.contains("swift run lesson-runner exercise 3 overlap"))
    #expect(html.contains("swift run lesson-runner check 3 overlap"))
    #expect(html.contains("goal · what your program must print"))
    // Hints are folded, each a details element, the one for a goal saying which.
    let hints = elements(html, tag: "details", containing: "class=\"hint\"")
    #expect(hints.count == 2)
    #expect(hints[0].contains("Hint 1 · for the goal on took"))
    #expect(hints[0].contains("<code>try await</code>"))
    #expect(hints[1].contains("Hint 2"))
    // The goal's claim shows the solution's measurement, never the starter's.
    let claims = elements(html, tag: "span", containing: "class=\"claim ")
    #expect(claims.count == 1)
    #expect(claims.first?.contains("data-measured=\"500 ms\"") == true)
    // What the starter did in the book's run, under it.
    #expect(html.contains("id=\"result-overlap-starter\""))
  }

  @Test func theSolutionNeverReachesThePage() throws {
    let missing = try page { _ in .missing }
    #expect(!missing.contains("async let"), "the solution's code is on the page")
    #expect(missing.contains("The book's own solution is not shown here."))
    let current = try page { .current(report(of: $0, runs: runs)) }
    #expect(!current.contains("async let") && !current.contains("landed"))
    #expect(!current.contains("id=\"result-overlap\""), "the solution's run is on the page")
  }

  @Test func theSolutionIsNotInTheSearchIndex() throws {
    let lesson = try fixture("03-exercise.md")
    let entries = SearchIndex.entries(
      for: lesson, page: "03-exercise.html", kicker: "Lesson 3", sections: [])
    let words = entries.map { $0.text + " " + $0.code }.joined(separator: " ")
    #expect(words.contains("stone"))
    #expect(words.contains("waits for its stone"), "hints are searched")
    #expect(!words.contains("landed"), "the solution is searched")
  }
}
