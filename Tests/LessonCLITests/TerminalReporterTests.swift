import Foundation
import Testing

@testable import LessonCLI
@testable import LessonKit
@testable import LessonRun

/// What the terminal shows of a run, written whole and compared with committed snapshots.
/// Re-record them with `RECORD_SNAPSHOTS=1 swift test --filter LessonCLITests`.
@Suite struct TerminalReporterTests {
  static let escape = "\u{1B}"

  /// A view for a pipe: no colour, no status line, not one control code.
  func plain(_ events: [EngineEvent], strict: Bool = false) -> String {
    let text = render(events, colors: false, strict: strict)
    #expect(!text.contains(Self.escape), "a console without colour wrote a control code")
    return text
  }

  @Test func aPassingLessonShowsItsRunsItsClaimsAndItsSummary() throws {
    let (events, report) = try passingEvents()
    #expect(report.status == .passed)
    try Snapshot.check(plain(events), named: "passing-plain")
  }

  @Test func colourPaintsTheViewAndShowsTheClock() throws {
    let (events, _) = try passingEvents()
    let painted = render(events, colors: true)
    #expect(painted.contains("\(Self.escape)[1;36m▶ two-threads\(Self.escape)[0m"))
    #expect(painted.contains("\(Self.escape)[32m✓\(Self.escape)[0m"))
    // The clock of a quiet run is a status line, which the next line clears.
    #expect(painted.contains("\r\(Self.escape)[2K"))
    try Snapshot.check(painted, named: "passing-color")
    // Without its colours and the clock's status lines it is the plain view.
    let unpainted = painted.replacing(/(\r\x1B\[2K[^\r\n]*)*\r\x1B\[2K/, with: "")
      .replacing(/\x1B\[[0-9;]*m/, with: "")
    #expect(unpainted == plain(events))
  }

  @Test func aFailedClaimAndAWrongOutputSayWhatWasWrongAndWhere() throws {
    let (events, report) = try failingEvents()
    #expect(report.status == .failed)
    try Snapshot.check(plain(events), named: "failing-plain")
  }

  @Test func aBuildFailureShowsTheCompilersDiagnosticAtTheLesson() throws {
    let (events, report) = try brokenEvents()
    #expect(report.status == .error)
    let text = plain(events)
    #expect(text.contains("lessons/03-broken.md:5:7: error: cannot find 'ston' in scope"))
    try Snapshot.check(text, named: "build-failure-plain")
  }

  @Test func aPartialRebuildAndAnExampleForAnotherPlatform() throws {
    let (events, report) = try elsewhereEvents()
    #expect(report.status == .passed)
    try Snapshot.check(plain(events), named: "elsewhere-plain")
  }

  @Test func theBuildLineSaysWhatWasCompiled() throws {
    let lesson = try passingLesson()
    func summary(
      _ examples: Int, rebuilt: [String], upToDate: Bool = false, succeeded: Bool = true
    ) -> EngineEvent {
      .buildFinished(
        lesson,
        BuildSummary(
          examples: examples, succeeded: succeeded, seconds: 3.25, failures: [], diagnostics: [],
          upToDate: upToDate, rebuilt: rebuilt))
    }
    let events = [
      summary(1, rebuilt: ["hello"]),
      summary(2, rebuilt: ["hello", "wave"]),
      summary(2, rebuilt: ["hello"]),
      summary(3, rebuilt: ["hello", "wave"]),
      summary(1, rebuilt: [], upToDate: true),
      summary(2, rebuilt: [], upToDate: true),
      summary(2, rebuilt: ["wave"], succeeded: false),
    ]
    try Snapshot.check(plain(events), named: "build-lines-plain")
  }

  @Test func strictModeMarksALooseClaimAsFailing() throws {
    let lesson = try passingLesson()
    let (events, _) = try passingEvents()
    let claims = events.compactMap { event -> ClaimResult? in
      guard case .claimJudged(_, let claim) = event else { return nil }
      return claim
    }
    #expect(claims.map(\.verdict) == [.passed, .passed, .passed, .passed])
    #expect(claims.map(\.sharp) == [true, true, false, true])
    let strict = render(events, colors: true, strict: true)
    let lenient = render(events, colors: true, strict: false)
    let loose = "\(Self.escape)[31mpassed, but loose"
    #expect(strict.contains(loose))
    #expect(!lenient.contains(loose))
    #expect(lenient.contains("\(Self.escape)[32mpassed, but loose"))
    #expect(lesson.claims.count == 4)
  }
}
