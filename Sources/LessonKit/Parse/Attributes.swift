/// The words of a fenced block's info string: a language, then flags and `key=value` pairs.
struct InfoString {
  struct Attribute {
    var key: String
    var value: String?
    /// Offset of the attribute within the info string, in characters.
    var offset: Int
  }

  var language: String
  var attributes: [Attribute]

  init(_ info: String) {
    var words: [(String, Int)] = []
    var current = ""
    var start = 0
    for (i, c) in info.enumerated() {
      if c.isWhitespace {
        if !current.isEmpty { words.append((current, start)) }
        current = ""
      } else {
        if current.isEmpty { start = i }
        current.append(c)
      }
    }
    if !current.isEmpty { words.append((current, start)) }
    language = words.first?.0 ?? ""
    attributes = words.dropFirst().map { word, offset in
      if let eq = word.firstIndex(of: "=") {
        return Attribute(
          key: String(word[..<eq]), value: String(word[word.index(after: eq)...]), offset: offset)
      }
      return Attribute(key: word, value: nil, offset: offset)
    }
  }
}

/// Reads `30s`, `1.5 s`, `250ms` as a Duration.
func parseDuration(_ text: String) -> Duration? {
  guard let (value, dimension, rest) = Units.quantity(Substring(text)),
    dimension == .time, rest.allSatisfy(\.isWhitespace), value > 0, value <= 3600
  else { return nil }
  return .nanoseconds(Int64((value * 1e9).rounded()))
}

/// Lower-case letters, digits and dashes, starting with a letter or digit.
func isValidName(_ name: String) -> Bool {
  guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else {
    return false
  }
  return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
}
