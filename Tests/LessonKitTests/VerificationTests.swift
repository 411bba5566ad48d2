import Foundation
import LessonKit
import Testing

@Suite struct VerificationTests {
  let environment = RunEnvironment(swiftVersion: "6.3.1", os: "Linux", cores: 2, date: "")

  func report(_ path: String, _ status: LessonReport.Status) -> LessonReport {
    LessonReport(
      lesson: path, number: nil, title: path, sourceHash: "", status: status,
      environment: environment, diagnostics: [], examples: [], claims: [])
  }

  @Test func theExitStatusIsTheWorstLessons() {
    #expect(Verification().exitCode == 0)
    #expect(Verification(reports: [report("a", .passed), report("b", .passed)]).exitCode == 0)
    #expect(Verification(reports: [report("a", .failed), report("b", .passed)]).exitCode == 1)
    #expect(Verification(reports: [report("a", .failed), report("b", .error)]).exitCode == 2)
    #expect(Verification(reports: [report("a", .passed), report("b", .failed)]).passed == 1)
  }

  @Test func aMalformedLessonComesFirstAndKeepsItsDiagnostics() throws {
    let bad = LessonReport.malformed(
      path: "lessons/02-b.md", fileName: "02-b.md",
      diagnostics: [
        Diagnostic(
          Message("lesson.test.broken", "broken"),
          at: SourceLocation(file: "lessons/02-b.md", line: 3))
      ],
      environment: environment)
    let lesson = try LessonParser.parse(
      source: "# C\n\n```swift example=a\nprint(1)\n```\n\nIt takes [under 1 s](claim:a).\n",
      path: "lessons/01-c.md", fileName: "01-c.md")
    let judged = ClaimResult(
      claim: lesson.claims[0], measured: 0.2, verdict: .passed, reason: "judged alone")
    let engine = Verification(
      reports: [report("lessons/01-c.md", .passed)], claims: ["lessons/01-c.md": [judged]])
    let both = Verification(reports: [bad]).appending(engine)
    #expect(both.reports.map(\.lesson) == ["lessons/02-b.md", "lessons/01-c.md"])
    #expect(both.reports[0].diagnostics.map(\.location.line) == [3])
    #expect(both.reports[0].diagnostics.map(\.id) == ["lesson.test.broken"])
    #expect(both.exitCode == 2)
    #expect(both.claims(of: "lessons/01-c.md") == [judged])
    #expect(both.claims(of: "lessons/02-b.md").isEmpty)
  }

  @Test func goalsOnStartersAreAListOfTheirOwnInTheSavedReport() throws {
    let lesson = try LessonParser.parse(
      source: "# C\n\n```swift example=a\nprint(1)\n```\n\nIt takes [under 1 s](claim:a).\n",
      path: "lessons/01-c.md", fileName: "01-c.md")
    var goal = ClaimResult(claim: lesson.claims[0], measured: 2, verdict: .failed, reason: "slow")
    goal.goalOfStarter = "a"
    var saved = report("lessons/01-c.md", .passed)
    saved.starterGoals = [ClaimReport(goal)]
    let data = try JSONEncoder().encode(saved)
    let read = try JSONDecoder().decode(LessonReport.self, from: data)
    #expect(read.starterGoals.map(\.verdict) == [.failed])
    #expect(read.claims.isEmpty)
    #expect(read.counts.claims == 0)
    // A report saved before goals had their own list reads with none.
    var object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["starterGoals"] = nil
    let old = try JSONDecoder().decode(
      LessonReport.self, from: JSONSerialization.data(withJSONObject: object))
    #expect(old.starterGoals.isEmpty)
  }
}
