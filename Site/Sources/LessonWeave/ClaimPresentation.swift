import LessonKit

/// How the page shows a claim: the sentence's words, then what was measured and the verdict.
struct ClaimPresentation {
  let claim: Claim
  /// The claim's result in the latest report, when that report is current.
  let report: ClaimReport?
  let notMeasured: String

  var view: ClaimView {
    let range = report?.tolerance ?? Format.range(claim.expectation)
    let about = "claim:\(claim.target) holds for \(range)"
    guard let report else {
      return ClaimView(
        verdict: "not-measured", measured: "", shown: "not measured", mark: "?",
        details: "\(about); \(notMeasured)")
    }
    let measured = report.measured.map(value) ?? ""
    let shown: String
    let mark: String
    switch report.verdict {
    case .passed where report.passedAlone:
      (shown, mark) = ("measured \(measured), passed alone", "✓")
    case .passed:
      (shown, mark) = ("measured \(measured)", "✓")
    case .failed:
      (shown, mark) = ("measured \(measured)", "✗")
    case .skipped:
      (shown, mark) = ("skipped: \(report.reason ?? "not judged on this machine")", "–")
    case .unmeasured:
      (shown, mark) = ("not measured: \(report.reason ?? "its example did not finish")", "✗")
    }
    var details = "\(about); \(report.words)"
    if !measured.isEmpty { details += ", measured \(measured)" }
    if let margin = report.margin {
      details += ", margin \(Format.margin(margin)) of the half-band"
    }
    if let reason = report.reason { details += " (\(reason))" }
    if let rerun = report.rerun { details += Format.rerun(rerun, dimension: report.dimension) }
    return ClaimView(
      verdict: report.verdict.rawValue, measured: measured, shown: shown, mark: mark,
      details: details, margin: report.margin.map(Format.margin) ?? "")
  }

  /// `2.01 s`, or `1.98×` for a ratio.
  private func value(_ v: Double) -> String {
    let text = Format.value(v, report?.dimension ?? claim.expectation.dimension)
    if case .ratio = claim.quantity { return text + "×" }
    return text
  }
}

/// Dates as the runner saves them (ISO 8601, UTC), shown to readers.
enum RunDate {
  /// `2026-11-25T12:15:41Z` becomes `2026-11-25 12:15 UTC`; anything else is kept as it is.
  static func readable(_ iso: String) -> String {
    let parts = iso.split(separator: "T")
    guard parts.count == 2, iso.hasSuffix("Z"), parts[1].count >= 5 else { return iso }
    return "\(parts[0]) \(parts[1].prefix(5)) UTC"
  }
}
