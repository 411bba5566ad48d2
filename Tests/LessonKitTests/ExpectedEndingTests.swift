import Testing

@testable import LessonKit

/// Examples meant to fail: `exit=` says how they must end, a `stderr` block what they say.
@Suite struct ExpectedEndingTests {
  @Test func exitAndStderrAreReadIntoTheExample() throws {
    let lesson = try lesson(
      """
      # T

      \(fence)swift example=twice exit=trap
      fatalError("no")
      \(fence)

      \(fence)stderr example=twice
      …
      …Fatal error: no
      …
      \(fence)
      """)
    let example = try #require(lesson.examples.first)
    #expect(example.expectedEnding == .trap)
    #expect(example.expectedStderr?.text == "…\n…Fatal error: no\n…\n")
    #expect(example.expectedStderr?.location.line == 8)
  }

  @Test(arguments: [
    ("3", ExpectedEnding.status(3)), ("255", .status(255)), ("SIGABRT", .signal(6)),
    ("SIGKILL", .signal(9)), ("trap", .trap),
  ])
  func exitValues(_ text: String, _ ending: ExpectedEnding) {
    #expect(ExpectedEnding(text) == ending)
  }

  @Test(arguments: ["0", "256", "-1", "sigabrt", "SIGFOO", "crash", ""])
  func badExitValuesAreOneErrorAtTheAttribute(_ value: String) {
    let d = errors("# T\n\n\(fence)swift example=a exit=\(value)\nprint(1)\n\(fence)\n")
    #expect(d.count == 1, "\(d)")
    #expect(d.first?.location.line == 3)
  }

  @Test func aStderrBlockNeedsARunExample() {
    let d = errors(
      """
      # T

      \(fence)swift example=a compile-only
      print(1)
      \(fence)

      \(fence)stderr example=a
      something
      \(fence)

      \(fence)stderr example=ghost
      something
      \(fence)
      """)
    #expect(d.map(\.location.line) == [8, 11])
    #expect(
      d.map(\.id) == ["lesson.example.never-run-has-stderr", "lesson.expected.no-such-example"])
  }

  @Test func aStderrBlockOfOnlyWildcardsChecksNothing() {
    let d = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n\(fence)stderr example=a\n…\n\(fence)\n"
    )
    #expect(d.map(\.id) == ["lesson.expected.only-ellipsis"])
  }

  @Test func endingsMatchOnlyWhatTheySay() {
    #expect(ExpectedEnding.trap.matches(.signalled(4)))
    #expect(ExpectedEnding.trap.matches(.signalled(5)))
    #expect(!ExpectedEnding.trap.matches(.signalled(6)))
    #expect(!ExpectedEnding.trap.matches(.exited(0)))
    #expect(ExpectedEnding.status(3).matches(.exited(3)))
    #expect(!ExpectedEnding.status(3).matches(.exited(0)))
    #expect(!ExpectedEnding.status(3).matches(.timedOut))
    #expect(ExpectedEnding.signal(6).matches(.signalled(6)))
    #expect(!ExpectedEnding.signal(6).matches(.exited(134)))
  }
}

/// How the judge treats examples that are meant to fail.
@Suite struct MeantToFailJudgingTests {
  func example() throws -> Example {
    let lesson = try lesson(
      """
      # T

      \(fence)swift example=twice exit=trap
      fatalError("no")
      \(fence)

      \(fence)stderr example=twice
      …Fatal error: SWIFT TASK CONTINUATION MISUSE: stones() tried to resume…
      \(fence)
      """)
    return try #require(lesson.examples.first)
  }

  func run(_ ending: RunRecord.Ending, stderr: String) -> RunRecord {
    RunRecord(
      ending: ending, wallSeconds: 0.1, cpuSeconds: 0, stdout: "", stderr: stderr, lines: [])
  }

  let said = """
    ::span-begin ask
    _Concurrency/CheckedContinuation.swift:169: Fatal error: SWIFT TASK CONTINUATION MISUSE: stones() tried to resume its continuation more than once, returning 3!
    """

  @Test func theExpectedTrapWithTheExpectedWordsPasses() throws {
    #expect(Judge.problem(with: run(.signalled(4), stderr: said), of: try example()) == nil)
    #expect(Judge.problem(with: run(.signalled(5), stderr: said), of: try example()) == nil)
  }

  @Test func otherWordsFailAtTheStderrBlock() throws {
    let other = said.replacingOccurrences(of: "resume", with: "restart")
    let problem = try #require(
      Judge.problem(with: run(.signalled(4), stderr: other), of: try example()))
    #expect(problem.location.line == 7)
    #expect(problem.id == "judge.stderr.differs")
  }

  @Test func endingAnyOtherWayFailsAtTheExample() throws {
    for ending in [RunRecord.Ending.exited(0), .exited(1), .signalled(6), .timedOut] {
      let problem = try #require(
        Judge.problem(with: run(ending, stderr: said), of: try example()), "\(ending)")
      #expect(problem.location.line == 3)
      #expect(problem.id == "run.wrong-ending")
    }
  }

  @Test func spanMarkersAreNotPartOfStandardError() {
    #expect(
      Judge.withoutMarkers("::span-begin a\nwords\n::span-end a thread=3\n", map: SourceMap())
        == "words\n")
  }
}
