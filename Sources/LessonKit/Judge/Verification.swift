/// What one verification found: the result of one run of the engine over some lessons.
///
/// Every view of a verification renders this, and none judges again: the terminal's
/// summary, the JSON report (`--json`), the results files the site reads, `check`'s list
/// of goals. Each lesson's report holds its examples with their runs and outcomes, its
/// claims with their verdicts and margins, and the engine's decisions: how each example
/// was scheduled (`ExampleReport.schedule`) and which claims were judged again on runs
/// alone (`ClaimReport.rerun`).
public struct Verification: Sendable {
  /// Each lesson's report, in the order the lessons were given; a lesson that could not
  /// be verified has a report with its diagnostics and nothing else.
  public var reports: [LessonReport]
  /// Each lesson's claims as the engine judged them, by the lesson's path, with the claim
  /// each verdict is about.
  public var claims: [String: [ClaimResult]]

  public init(reports: [LessonReport] = [], claims: [String: [ClaimResult]] = [:]) {
    self.reports = reports
    self.claims = claims
  }

  /// The verdicts of the claims of the lesson at `path`, in the lesson's order.
  public func claims(of path: String) -> [ClaimResult] { claims[path] ?? [] }

  /// The exit status every command reports: 0 when every lesson passed, 1 when an output
  /// or a claim failed, 2 when a lesson is malformed or an example does not build.
  public var exitCode: Int32 { reports.map(\.exitCode).max() ?? 0 }

  /// How many lessons passed.
  public var passed: Int { reports.filter { $0.status == .passed }.count }

  /// This verification followed by `other`'s lessons.
  public func appending(_ other: Verification) -> Verification {
    Verification(
      reports: reports + other.reports,
      claims: claims.merging(other.claims) { _, new in new })
  }
}

extension LessonReport {
  /// The lesson's part of the exit status: 0 passed, 1 failed, 2 an error.
  public var exitCode: Int32 {
    switch status {
    case .passed: 0
    case .failed: 1
    case .error: 2
    }
  }
}
