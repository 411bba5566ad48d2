import Foundation
import Testing

@testable import LessonKit

/// Where a measurement sits in its claim's band, and the rule that a claim which failed
/// side by side is judged again on runs alone.
@Suite struct MarginTests {
  func about(_ value: Double, below: Double, above: Double) -> LessonKit.Expectation {
    LessonKit.Expectation(
      relation: .approximately, value: value, dimension: .time,
      tolerance: .init(relativeBelow: below, relativeAbove: above))
  }

  @Test func anApproximateClaimCountsTheHalfOfItsBandOnTheMeasuredSide() {
    let e = about(2, below: 0.25, above: 0.25)
    #expect(e.margin(for: 2) == 1)
    #expect(abs(e.margin(for: 2.25) - 0.5) < 1e-9)
    #expect(abs(e.margin(for: 1.5)) < 1e-9)
    #expect(e.margin(for: 3) < 0)
    // +60%/-10%: 0.3 s is halfway up the long side, 0.19 s halfway down the short one.
    let uneven = about(0.2, below: 0.1, above: 0.6)
    #expect(abs(uneven.margin(for: 0.26) - 0.5) < 1e-9)
    #expect(abs(uneven.margin(for: 0.19) - 0.5) < 1e-9)
  }

  @Test func aBoundCountsItsDistanceFromZero() {
    let atMost = LessonKit.Expectation(relation: .atMost, value: 0.4, dimension: .time)
    #expect(abs(atMost.margin(for: 0.3) - 0.25) < 1e-9)
    #expect(atMost.margin(for: 0.4) == 0)
    #expect(atMost.margin(for: 0.5) < 0)
    let atLeast = LessonKit.Expectation(relation: .moreThan, value: 5, dimension: .number)
    #expect(abs(atLeast.margin(for: 7.5) - 0.5) < 1e-9)
    // Room beyond the bound's own size counts as a full margin.
    #expect(atLeast.margin(for: 50) == 1)
  }

  @Test func aClaimThatWasNotMeasuredHasNoMargin() throws {
    let l = try lesson(
      """
      # M

      \(fence)swift example=a
      print(1)
      \(fence)

      It takes [about 1 s](claim:a) and [about 1 s](claim:a "needs 64 cores").
      """)
    let results = Judge.claims(of: l, examples: [], cores: 2)
    #expect(results.map(\.margin) == [nil, nil])
    let ran = ExampleReport(
      name: "a", file: l.path, line: 3, mode: .run, status: .passed, diagnostics: [],
      runs: [run(0.9)])
    let judged = Judge.claims(of: l, examples: [ran], cores: 2)
    #expect(judged[0].margin.map { abs($0 - 0.6) < 1e-9 } == true)
    #expect(judged[1].verdict == .skipped && judged[1].margin == nil)
    #expect(ClaimReport(judged[0]).margin == 0.6)
  }

  func run(_ wall: Double, sideBySide: Bool = false) -> RunRecord {
    var r = RunRecord(
      ending: .exited(0), wallSeconds: wall, cpuSeconds: 0, stdout: "", stderr: "", lines: [])
    if sideBySide { r.sideBySide = true }
    return r
  }

  func crowdLesson() throws -> Lesson {
    try lesson(
      """
      # M

      \(fence)swift example=crowded
      print(1)
      \(fence)

      \(fence)swift example=false
      print(2)
      \(fence)

      One takes [about 0.2 s](claim:crowded "±25%"), the other [about 0.2 s](claim:false "±25%").
      """)
  }

  func report(_ name: String, _ runs: [RunRecord]) -> ExampleReport {
    ExampleReport(
      name: name, file: "lessons/09-test.md", line: 3, mode: .run, status: .passed,
      diagnostics: [], runs: runs)
  }

  @Test func aClaimThatFailedSideBySideAndHoldsAloneIsPassedAlone() throws {
    let l = try crowdLesson()
    let crowdedFirst = [
      report("crowded", [run(0.4, sideBySide: true)]), report("false", [run(0.5)]),
    ]
    let first = Judge.claims(of: l, examples: crowdedFirst, cores: 2)
    #expect(first.map(\.verdict) == [.failed, .failed])
    #expect(Judge.examplesToRunAgain(first) == ["crowded", "false"])

    // Three more runs each, alone: the crowded example is quick alone, the other is not.
    let again = [
      report("crowded", [run(0.4, sideBySide: true), run(0.21), run(0.2), run(0.22)]),
      report("false", [run(0.5), run(0.5), run(0.52), run(0.49)]),
    ]
    let judged = Judge.claims(of: l, examples: again, cores: 2, first: first)
    #expect(judged[0].verdict == .passed)
    #expect(judged[0].passedAlone)
    #expect(judged[0].verdictWords == "passed alone")
    #expect(judged[0].measured == 0.21)
    #expect(
      judged[0].rerun
        == Rerun(firstMeasured: 0.4, firstVerdict: .failed, firstSideBySide: true, runsAlone: 3))
    // A false claim still fails alone, and says it was judged again.
    #expect(judged[1].verdict == .failed)
    #expect(!judged[1].passedAlone)
    #expect(judged[1].rerun?.firstSideBySide == false)
    #expect(judged[1].rerun?.runsAlone == 4)
    let words = ClaimReport(judged[0])
    #expect(words.words == "passed alone" && words.verdict == .passed)
  }

  @Test func aClaimThatPassedFirstIsNotJudgedAgain() throws {
    let l = try crowdLesson()
    let examples = [report("crowded", [run(0.2, sideBySide: true)]), report("false", [run(0.2)])]
    let first = Judge.claims(of: l, examples: examples, cores: 2)
    let judged = Judge.claims(of: l, examples: examples, cores: 2, first: first)
    #expect(judged.map(\.rerun) == [nil, nil])
    #expect(judged.map(\.verdictWords) == ["passed", "passed"])
  }
}
