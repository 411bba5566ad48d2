/// The words of a fenced block's info string: a language, then flags and `key=value` pairs.
struct InfoString {
  struct Attribute {
    var key: String
    var value: String?
    /// Offset of the attribute within the info string, in UTF-8 bytes.
    var offset: Int
  }

  var language: String
  var attributes: [Attribute]
  /// Offsets of `key = value` written with spaces around `=`, read as `key=value`.
  var spacedEquals: [Int] = []

  init(_ info: String) {
    var words: [(text: String, offset: Int)] = []
    var current = ""
    var start = 0
    var offset = 0
    for c in info {
      if c.isWhitespace {
        if !current.isEmpty { words.append((current, start)) }
        current = ""
      } else {
        if current.isEmpty { start = offset }
        current.append(c)
      }
      offset += c.utf8.count
    }
    if !current.isEmpty { words.append((current, start)) }
    language = words.first?.text ?? ""

    // `key = value`, `key =value`, `key= value`: one attribute, written loosely.
    var merged: [(text: String, offset: Int)] = []
    var rest = words.dropFirst()[...]
    while let word = rest.popFirst() {
      var text = word.text
      var loose = false
      while let next = rest.first,
        (text.hasSuffix("=") && text.filter({ $0 == "=" }).count == 1)
          || (next.text.hasPrefix("=") && !text.contains("="))
      {
        text += next.text
        rest = rest.dropFirst()
        loose = true
      }
      if loose { spacedEquals.append(word.offset) }
      merged.append((text, word.offset))
    }
    attributes = merged.map { word, offset in
      if let eq = word.firstIndex(of: "=") {
        return Attribute(
          key: String(word[..<eq]), value: String(word[word.index(after: eq)...]), offset: offset)
      }
      return Attribute(key: word, value: nil, offset: offset)
    }
  }
}
