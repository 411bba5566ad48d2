import Foundation
import LessonKit
import Testing

@testable import LessonRun

/// An example edited on the preview's page becomes a lesson of its own, built as a draft:
/// the edit where the example's code stood, the same setups, settings and claims, and
/// nothing else of the lesson.
@Suite struct EditedLessonTests {
  let source = """
    # Edited

    ```swift setup=clock
    import Foundation
    ```

    ```swift example=slow uses=clock timeout=600s runs=3
    Thread.sleep(forTimeInterval: 1)
    ```

    ```swift example=slow
    print("slow")
    ```

    ```output example=slow
    slow
    ```

    ```swift example=quick
    print("quick")
    ```

    ```swift example=other
    print("other")
    ```

    It takes [about 1 s](claim:slow), [about 10 times as long](claim:slow/quick) as the
    other, and [under 1 s](claim:other).
    """

  func lesson() throws -> Lesson {
    try LessonParser.parse(source: source, path: "lessons/05-edited.md", fileName: "05-edited.md")
  }

  @Test func theEditStandsWhereTheCodeStoodWithTheSameSetup() throws {
    let book = try lesson()
    let edited = try #require(
      Workspace.editedLesson(book, family: "slow", code: "print(\"fast\")\n", path: "editor"))
    #expect(edited.number == nil, "an edit is built as a draft, never as the book")
    #expect(edited.path == book.path)
    let slow = try #require(edited.example(named: "slow"))
    #expect(slow.chunks.map(\.role) == [.setup, .code])
    #expect(slow.chunks.first?.setupName == "clock")
    #expect(slow.chunks.last?.code == "print(\"fast\")\n")
    #expect(slow.chunks.last?.location == SourceLocation(file: "editor", line: 1))
    // The same runs and expected output; the timeout capped for a run from the page.
    #expect(slow.runs == 3)
    #expect(slow.expectedOutput?.text == "slow\n")
    #expect(slow.timeout == Workspace.editedRunCap)
  }

  @Test func theClaimsAboutItAndTheExamplesTheyCompareItWith() throws {
    let edited = try #require(
      Workspace.editedLesson(try lesson(), family: "slow", code: "", path: "editor"))
    #expect(edited.claims.map(\.target) == ["slow", "slow/quick"])
    // quick is kept, unchanged, for the ratio; other is not measured by these claims.
    #expect(edited.examples.map(\.name) == ["slow", "quick"])
    #expect(edited.example(named: "quick")?.chunks.last?.code == "print(\"quick\")\n")
  }

  @Test func anUnknownExampleHasNoEditedLesson() throws {
    #expect(Workspace.editedLesson(try lesson(), family: "none", code: "", path: "editor") == nil)
  }

  @Test func theCodeAReaderEditsLeavesOutTheSetup() throws {
    let slow = try #require(try lesson().example(named: "slow"))
    #expect(Workspace.ownCode(of: slow) == "Thread.sleep(forTimeInterval: 1)\nprint(\"slow\")\n")
  }

  /// Runs given to the engine are judged as they are, and that example is never run.
  @Test func measuredRunsAreJudgedAndNeverRunAgain() throws {
    let book = try scratchBook([:])
    defer { try? FileManager.default.removeItem(at: book.root) }
    let lesson = try LessonParser.parse(
      source: """
        # Given

        ```python example=fresh
        print("fresh")
        ```

        ```python example=given
        print("given")
        ```

        It takes [about 4 s](claim:given).
        """, path: "drafts/given.md", fileName: "given.md")
    let given = RunRecord(
      ending: .exited(0), wallSeconds: 4.0, cpuSeconds: 0.01, stdout: "given\n", stderr: "",
      lines: [TimedLine(time: 0.1, stream: .stdout, text: "given")])
    var options = Engine.Options()
    options.measured = ["given": [given]]
    let engine = Engine(
      workspace: book,
      environment: RunEnvironment(swiftVersion: "6", os: "Linux", cores: 2, date: "2026"),
      options: options, reporters: [])
    let verification = engine.verify([lesson])
    let report = try #require(verification.reports.first)
    let examples = Dictionary(uniqueKeysWithValues: report.examples.map { ($0.name, $0) })
    #expect(examples["given"]?.runs == [given])
    #expect(examples["fresh"]?.runs.count == 1)
    #expect(examples["fresh"]?.runs.first?.stdout == "fresh\n")
    #expect(verification.claims(of: lesson.path).map(\.verdict) == [.passed])
    #expect(verification.claims(of: lesson.path).first?.measured == 4.0)
  }
}
