import Foundation
import LessonKit

/// What the preview's page shows of a run made from the page: the same figures and claim
/// views as the static page, made from the report of that run.
public struct PageRunViews: Sendable {
  private let templates: Templates

  public init() throws(WeaveError) { templates = try Templates() }

  /// A claim as the page shows it, judged on a run from the page.
  public struct ClaimShown: Sendable {
    /// `passed`, `failed`, `skipped`, `unmeasured`, or `not-measured`.
    public let verdict: String
    public let measured: String
    public let margin: String
    public let shown: String
    public let mark: String
    /// The claim's tooltip: its band, verdict, measurement and margin.
    public let details: String
    /// The band it holds for: `1.5 s – 2.5 s`.
    public let holdsFor: String
  }

  /// The figure of what `example` (as built in `lesson`, the edited lesson) did in
  /// `report`, with the element id and heading it takes on the book's page.
  public func outcome(
    of example: Example, in lesson: Lesson, report: LessonReport, id: String, heading: String
  ) -> String {
    LessonWeaver(lesson: lesson, results: .current(report), templates: templates, pages: [:])
      .outcome(of: example, place: (id, heading))
  }

  /// `claim` as judged in `report`, or as not measured when the report has no result for it.
  public func claim(_ claim: Claim, in report: LessonReport) -> ClaimShown {
    let result = report.claims.first {
      $0.line == claim.location.line && $0.column == claim.location.column
    }
    let view = ClaimPresentation(
      claim: claim, report: result, notMeasured: "not measured: the run from the page ended first"
    ).view
    return ClaimShown(
      verdict: view.verdict, measured: view.measured, margin: view.margin, shown: view.shown,
      mark: view.mark, details: view.details,
      holdsFor: result?.tolerance ?? Format.range(claim.expectation))
  }

  /// The preview's script and style sheet for running examples from the page, as files of
  /// this module (`Resources/preview/`): nil for any other name, and when the installation
  /// lacks them.
  public static func asset(_ name: String) -> Data? {
    guard ["run.js", "run.css"].contains(name),
      let resources = Bundle.module.url(forResource: "Resources", withExtension: nil)
    else { return nil }
    return FileManager.default.contents(
      atPath: resources.appendingPathComponent("preview").appendingPathComponent(name).path)
  }
}
