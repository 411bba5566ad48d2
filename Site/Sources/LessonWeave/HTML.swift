/// Escaping for the HTML this module writes itself; templates escape `{{values}}` on their own.
public enum HTML {
  /// Text safe in element content and in quoted attribute values.
  public static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\n", "\t": escaped.unicodeScalars.append(scalar)
      // Control characters (a terminal's escape codes, say) have no place in HTML.
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
        escaped += "\u{FFFD}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// Control characters shown as replacement characters, for text a template escapes.
  static func visible(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          scalar == "\n" || scalar == "\t"
            || !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) ? scalar : "\u{FFFD}"
        }))
  }
}

/// Gives out `id` values, each once per page.
struct Anchors {
  private var taken: Set<String>

  init(reserved: [String]) { taken = Set(reserved) }

  /// `Concurrency is not parallelism` becomes `concurrency-is-not-parallelism`.
  static func slug(_ text: String) -> String {
    var slug = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        slug.append(character)
      } else if !slug.isEmpty, slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    return slug.isEmpty ? "section" : slug
  }

  mutating func unique(_ text: String) -> String {
    let base = Self.slug(text)
    var candidate = base
    var n = 2
    while taken.contains(candidate) {
      candidate = "\(base)-\(n)"
      n += 1
    }
    taken.insert(candidate)
    return candidate
  }
}
