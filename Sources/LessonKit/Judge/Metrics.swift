/// Reads numbers that an example prints on lines such as `max heartbeat gap: 1.05 s`.
public enum Metrics {
  /// The value on the last line labelled `label` (dashes stand for spaces, case is ignored),
  /// in seconds for times.
  public static func value(of label: String, in output: String) -> (Double, Dimension)? {
    let wanted = normalize(label)
    var found: (Double, Dimension)?
    for line in LessonSource.lines(output) {
      guard let colon = line.firstIndex(of: ":"), normalize(line[..<colon]) == wanted else {
        continue
      }
      if let (value, dimension, _) = Units.quantity(
        line[line.index(after: colon)...].trimmingSpaces)
      {
        found = (value, dimension)
      }
    }
    return found
  }

  static func normalize<S: StringProtocol>(_ label: S) -> String {
    String(label.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
      .split(separator: " ").joined(separator: " ")
  }
}
