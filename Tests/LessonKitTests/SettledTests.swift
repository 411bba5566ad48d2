import Foundation
import Testing

@testable import LessonKit

/// Which examples a reader's check runs no more after their first run (`Judge.settled`),
/// and how the goals say so: a goal missed by far on runs alone, or a wrong output, is
/// settled after one run; a near miss, a pass or a crowded miss are not.
@Suite struct SettledTests {
  /// One example with two claims on its wall time: `about 1 s` (±10%, so a half-width of
  /// 0.1 s) and `about 1.3 s` (±10%).
  func twoClaims() throws -> Lesson {
    try lesson(
      """
      # S

      \(fence)swift example=answer
      print("done")
      \(fence)

      It takes [about 1 s](claim:answer "±10%"), or [about 1.3 s](claim:answer "±10%").

      \(fence)output example=answer
      done
      \(fence)
      """)
  }

  func after(
    _ wall: Double, stdout: String = "done\n", sideBySide: Bool = false, in lesson: Lesson
  ) throws -> (ExampleReport, [ClaimResult]) {
    let example = try #require(lesson.example(named: "answer"))
    var record = RunRecord(
      ending: .exited(0), wallSeconds: wall, cpuSeconds: 0, stdout: stdout, stderr: "",
      lines: [])
    if sideBySide { record.sideBySide = true }
    var report = Judge.emptyReport(of: example)
    Judge.add(record, of: example, to: &report)
    return (report, Judge.claims(of: lesson, examples: [report], cores: 2))
  }

  @Test func aFarMissOnARunAloneSettlesTheExampleAfterOneRun() throws {
    let l = try twoClaims()
    // 1.5 s: 0.4 s past the first band's edge, four half-widths.
    let (report, claims) = try after(1.5, in: l)
    #expect(report.runs.count == 1)
    #expect(claims.map(\.verdict) == [.failed, .failed])
    #expect(Judge.isFarMiss(claims[0], in: [report]))
    // The second claim misses near its edge (1.43 s is its top), and would be run again on
    // its own; the first settles the example they share.
    #expect(!Judge.isFarMiss(claims[1], in: [report]))
    #expect(Judge.examplesToRunAgain(claims) == ["answer"])
    #expect(Judge.settled(claims, examples: [report]) == ["answer"])
  }

  @Test func aFarMissSideBySideIsNotTrusted() throws {
    let (report, claims) = try after(1.5, sideBySide: true, in: try twoClaims())
    #expect(!Judge.isFarMiss(claims[0], in: [report]))
    #expect(Judge.settled(claims, examples: [report]).isEmpty)
  }

  @Test func aNearMissOrAPassIsNotSettled() throws {
    let l = try twoClaims()
    // 1.15 s: half a half-width past the first band, and just under the second.
    let (near, nearClaims) = try after(1.15, in: l)
    #expect(nearClaims.map(\.verdict) == [.failed, .failed])
    #expect(Judge.settled(nearClaims, examples: [near]).isEmpty)
    #expect(Judge.examplesToRunAgain(nearClaims) == ["answer"])
    // 1.08 s meets the first and misses the second near its edge: nothing settled either.
    let (pass, passClaims) = try after(1.08, in: l)
    #expect(passClaims.map(\.verdict) == [.passed, .failed])
    #expect(Judge.settled(passClaims, examples: [pass]).isEmpty)
  }

  @Test func aWrongOutputSettlesTheExampleWhateverItsTimes() throws {
    let (report, claims) = try after(1.05, stdout: "not done\n", in: try twoClaims())
    #expect(report.status == .failed)
    #expect(claims.first?.verdict == .passed)
    #expect(Judge.settled(claims, examples: [report]) == ["answer"])
  }

  /// An exercise with a bound on a printed time and an expected output.
  func exercise() throws -> (Lesson, Exercise) {
    let l = try lesson(
      """
      # E

      \(fence)swift example=quick starter
      print("A")
      \(fence)

      It takes [at most 0.8 s](claim:quick@took).

      \(fence)output example=quick
      A
      …
      \(fence)

      \(fence)swift example=quick solution
      print("A")
      \(fence)
      """)
    return (l, try #require(l.exercise(named: "quick")))
  }

  func goals(_ runs: [(Double, String)]) throws -> [GoalResult] {
    let (l, exercise) = try exercise()
    let example = try #require(l.example(named: "quick"))
    var report = Judge.emptyReport(of: example)
    for (wall, stdout) in runs {
      let record = RunRecord(
        ending: .exited(0), wallSeconds: wall, cpuSeconds: 0, stdout: stdout, stderr: "",
        lines: [])
      Judge.add(record, of: example, to: &report)
    }
    let claims = Judge.claims(of: l, examples: [report], cores: 2)
    return Judge.goals(of: exercise, in: l, program: report, claims: claims)
  }

  @Test func aGoalMissedByFarSaysItWasJudgedAfterOneRun() throws {
    // 2 s against at most 0.8 s: 1.5 times the bound past it.
    let far = try goals([(2, "A\ntook: 2.00 s\n")])
    let time = try #require(far.first { $0.goal == "took" })
    #expect(!time.met)
    #expect(
      time.detail == "measured 2 s, holds for ≤ 800 ms: missed by far after 1 run; not run again")
  }

  @Test func aNearMissAPassOrAGoalJudgedAgainSaysNothingOfStoppingEarly() throws {
    let met = try goals([(0.5, "A\ntook: 0.50 s\n")])
    #expect(met.allSatisfy { $0.met })
    #expect(met.first { $0.goal == "took" }?.detail == "measured 500 ms, holds for ≤ 800 ms")
    // 0.9 s is near the bound: the check runs it again, and the goal says no more.
    let near = try goals([(0.9, "A\ntook: 0.90 s\n")])
    #expect(near.first { $0.goal == "took" }?.detail == "measured 900 ms, holds for ≤ 800 ms")
    // Far on the median of four runs, after a first run near the edge: it was run again.
    let again = try goals(
      [(0.9, "A\ntook: 0.90 s\n")] + Array(repeating: (2, "A\ntook: 2.00 s\n"), count: 3))
    #expect(again.first { $0.goal == "took" }?.detail == "measured 2 s, holds for ≤ 800 ms")
  }

  @Test func aNearMissBesideAWrongOutputSaysWhyItWasNotRunAgain() throws {
    let wrong = try goals([(0.9, "B\ntook: 0.90 s\n")])
    #expect(wrong.map(\.met) == [true, false, false])
    #expect(
      wrong.first { $0.goal == "took" }?.detail
        == "measured 900 ms, holds for ≤ 800 ms: missed after 1 run; not run again, as another goal is clearly missed"
    )
  }
}
