/// Units a lesson may write after a number, and what one of each is worth.
enum Units {
  /// Seconds per unit, for time units.
  static let time: [String: Double] = [
    "s": 1, "sec": 1, "second": 1, "seconds": 1,
    "ms": 1e-3, "millisecond": 1e-3, "milliseconds": 1e-3,
    "µs": 1e-6, "μs": 1e-6, "us": 1e-6, "microsecond": 1e-6, "microseconds": 1e-6,
    "ns": 1e-9, "nanosecond": 1e-9, "nanoseconds": 1e-9,
  ]

  /// Words that mark a plain number or a ratio.
  static let ratio: Set<String> = ["times", "×", "x"]

  /// Phrases that state a ratio of one.
  static let sameness = ["as long", "as fast", "as quick", "the same time", "the same"]

  static let numberWords: [String: Double] = [
    "half": 0.5, "a third": 1.0 / 3.0, "a quarter": 0.25, "twice": 2,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
  ]

  /// Reads a decimal number at the start of `text`, returning it and the rest.
  static func leadingNumber(_ text: Substring) -> (Double, Substring)? {
    var end = text.startIndex
    var seenDigit = false
    var seenDot = false
    while end < text.endIndex {
      let c = text[end]
      if c.isASCII && c.isNumber {
        seenDigit = true
      } else if c == "." && !seenDot {
        seenDot = true
      } else if c == "," && seenDigit && !seenDot {
        // A thousands separator, as in 10,000.
      } else {
        break
      }
      end = text.index(after: end)
    }
    guard seenDigit else { return nil }
    let digits = text[..<end].filter { $0 != "," }
    guard let value = Double(digits.hasSuffix(".") ? String(digits.dropLast()) : digits) else {
      return nil
    }
    return (value, text[end...])
  }

  /// Reads a number then an optional unit word: "1.05 s", "250ms", "1.93", "3×".
  /// Returns the value (seconds for times) and its dimension.
  static func quantity(_ text: Substring) -> (Double, Dimension, rest: Substring)? {
    guard let (number, afterNumber) = leadingNumber(text) else { return nil }
    let rest = afterNumber.drop { $0 == " " }
    let word = rest.prefix { !$0.isWhitespace && $0 != "," && $0 != ")" && $0 != ";" }
    let unit = word.hasSuffix(".") ? word.dropLast() : word
    if let scale = time[String(unit)] {
      return (number * scale, .time, rest.dropFirst(unit.count))
    }
    if ratio.contains(String(unit).lowercased()) {
      return (number, .number, rest.dropFirst(unit.count))
    }
    return (number, .number, afterNumber)
  }
}
