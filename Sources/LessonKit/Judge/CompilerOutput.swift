/// Reads what the compiler printed: the one place that scrapes its output.
public enum CompilerOutput {
  /// Every `path:line:col: error: message` (and warning) line of `output`, once each, in the
  /// order the compiler gave them, with places in tangled files mapped back to the lesson.
  public static func diagnostics(in output: String, map: SourceMap = SourceMap()) -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    var found: [Diagnostic] = []
    for line in output.split(separator: "\n") {
      guard let first = line.first, first != " ", first != "|",
        let diagnostic = diagnostic(String(line), map: map)
      else { continue }
      if seen.insert(diagnostic).inserted { found.append(diagnostic) }
    }
    return found
  }

  /// One line, `path:line:col: severity: message`, read; nil for any other line.
  public static func diagnostic(_ line: String, map: SourceMap = SourceMap()) -> Diagnostic? {
    for severity in [Diagnostic.Severity.error, .warning] {
      guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
      let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
      guard place.count >= 3, let lineNumber = Int(place[place.count - 2]),
        let column = Int(place[place.count - 1])
      else { return nil }
      let file = place.dropLast(2).joined(separator: ":")
      let location =
        map.location(file: file, line: lineNumber, column: column)
        ?? SourceLocation(file: file, line: lineNumber, column: column)
      return Diagnostic(severity, .compiler(String(line[marker.upperBound...])), at: location)
    }
    return nil
  }

  /// The last `count` lines of `text`, for a failure that printed no diagnostic.
  public static func tail(_ text: String, count: Int = 20) -> String {
    text.split(separator: "\n").suffix(count).joined(separator: "\n")
  }
}
