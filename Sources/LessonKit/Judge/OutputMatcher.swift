import Foundation

/// Compares what an example printed with what its `output` block expects.
///
/// Trailing spaces and blank lines at either end do not count; `…` inside a line matches any
/// text, and a line that is only `…` matches any number of lines.
public enum OutputMatcher {
  public static let wildcard = "…"

  /// nil when `actual` matches, otherwise a message that names the first line that differs.
  public static func mismatch(expected: ExpectedText, actual: String) -> String? {
    let want = normalizedLines(expected.text)
    let got = normalizedLines(actual)
    if expected.unordered {
      var unused = got
      for (i, pattern) in want.enumerated() {
        guard let j = unused.firstIndex(where: { lineMatches(pattern: pattern, $0) }) else {
          return
            "expected a line '\(pattern)' (line \(expected.location.line + i) of the lesson), in any order; the output has none left that matches"
        }
        unused.remove(at: j)
      }
      return unused.isEmpty
        ? nil : "the output has a line the lesson does not expect: '\(unused[0])'"
    }
    if matches(want[...], got[...]) { return nil }
    // Name the first line where the two part, reading from the top.
    var i = 0
    while i < want.count, i < got.count, want[i] != wildcard, lineMatches(pattern: want[i], got[i])
    {
      i += 1
    }
    let lessonLine = expected.location.line + i
    if i >= want.count {
      return "the output goes on after the expected lines, with '\(got[i])'"
    }
    if i >= got.count {
      return "the output ends before line \(lessonLine) of the lesson, which expects '\(want[i])'"
    }
    if want[i] == wildcard {
      return "no way to match the lines after the '…' at line \(lessonLine) of the lesson"
    }
    return
      "line \(lessonLine) of the lesson expects '\(want[i])', but the example printed '\(got[i])'"
  }

  public static func normalizedLines(_ text: String) -> [String] {
    // LF, CR LF and CR all end a line, in lessons and in what examples print.
    var lines = LessonSource.lines(text).map {
      String($0.reversed().drop(while: \.isWhitespace).reversed())
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  static func matches(_ want: ArraySlice<String>, _ got: ArraySlice<String>) -> Bool {
    guard let first = want.first else { return got.isEmpty }
    if first == wildcard {
      let rest = want.dropFirst()
      return (got.startIndex...got.endIndex).contains { matches(rest, got[$0...]) }
    }
    guard let line = got.first, lineMatches(pattern: first, line) else { return false }
    return matches(want.dropFirst(), got.dropFirst())
  }

  /// Whether `line` matches `pattern`, where each `…` stands for any text.
  public static func lineMatches(pattern: String, _ line: String) -> Bool {
    let parts = pattern.components(separatedBy: wildcard)
    if parts.count == 1 { return pattern == line }
    guard line.hasPrefix(parts[0]) else { return false }
    var rest = line.dropFirst(parts[0].count)
    for part in parts.dropFirst().dropLast() where !part.isEmpty {
      guard let r = rest.range(of: part) else { return false }
      rest = rest[r.upperBound...]
    }
    return rest.hasSuffix(parts.last ?? "")
  }
}
