import Foundation

/// How numbers are shown to people: in the terminal, in JSON messages and on the page.
public enum Format {
  /// `2.003 s`, `210 ms`, `51 µs`, `1.49`.
  public static func value(_ v: Double, _ dimension: Dimension) -> String {
    switch dimension {
    case .time:
      if abs(v) < 0.001 && v != 0 {
        return abs(v) < 1e-6
          ? String(format: "%.0f ns", v * 1e9) : String(format: "%.3g µs", v * 1e6)
      }
      if abs(v) < 1 && v != 0 { return String(format: "%.0f ms", v * 1000) }
      return String(format: "%.3g s", v).replacingOccurrences(of: "e+00", with: "")
    case .number:
      return abs(v) >= 100 ? String(format: "%.0f", v) : String(format: "%.3g", v)
    }
  }

  /// `1.5 s – 2.5 s`, `≥ 1.2`, `< 0.8`.
  public static func range(_ e: Expectation) -> String {
    let r = e.range
    switch e.relation {
    case .approximately: return "\(value(r.lower, e.dimension)) – \(value(r.upper, e.dimension))"
    case .atLeast: return "≥ \(value(e.value, e.dimension))"
    case .moreThan: return "> \(value(e.value, e.dimension))"
    case .atMost: return "≤ \(value(e.value, e.dimension))"
    case .lessThan: return "< \(value(e.value, e.dimension))"
    }
  }

  /// A claim's margin as a percentage of the half-band: `62%`, `0%` on the edge, `-40%`
  /// outside.
  public static func margin(_ m: Double) -> String {
    String(format: "%.0f%%", (m * 100).rounded())
  }

  /// What a claim judged again on runs alone had first measured, for the verdict's words:
  /// `; first failed side by side at 365 ms, then judged on 3 runs alone`.
  public static func rerun(_ r: Rerun, dimension: Dimension) -> String {
    let measured = r.firstMeasured.map { " at \(value($0, dimension))" } ?? ""
    let crowd = r.firstSideBySide ? " side by side" : ""
    return
      "; first \(r.firstVerdict.rawValue)\(crowd)\(measured), then judged on \(r.runsAlone) run\(r.runsAlone == 1 ? "" : "s") alone"
  }
}
