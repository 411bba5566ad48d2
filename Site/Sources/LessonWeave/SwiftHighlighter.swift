import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Swift code as HTML, coloured by what swift-syntax's parser and classifier say each
/// token is: a keyword, a type, a literal, a comment, an argument label.
enum SwiftHighlighter {
  /// HTML for one piece of code on its own.
  static func highlight(_ code: String) -> String {
    highlight(pieces: [code])[0]
  }

  /// HTML for each piece of one program. The pieces are parsed together, so a block the
  /// prose splits in two is classified as the compiler sees the whole.
  static func highlight(pieces: [String]) -> [String] {
    let source = pieces.joined()
    let bytes = Array(source.utf8)
    var runs: [(start: Int, end: Int, classes: String?)] = []
    var cursor = 0
    for range in Parser.parse(source: source).classifications {
      let start = max(range.range.lowerBound.utf8Offset, cursor)
      let end = min(range.range.upperBound.utf8Offset, bytes.count)
      guard start < end else { continue }
      if start > cursor { runs.append((cursor, start, nil)) }
      runs.append((start, end, classes(range.kind, bytes[start..<end])))
      cursor = end
    }
    if cursor < bytes.count { runs.append((cursor, bytes.count, nil)) }

    var html: [String] = []
    var pieceStart = 0
    for piece in pieces {
      let pieceEnd = pieceStart + piece.utf8.count
      var text = ""
      for run in runs where run.end > pieceStart && run.start < pieceEnd {
        let slice = bytes[max(run.start, pieceStart)..<min(run.end, pieceEnd)]
        let escaped = HTML.escape(String(decoding: slice, as: UTF8.self))
        text += run.classes.map { "<span class=\"\($0)\">\(escaped)</span>" } ?? escaped
      }
      html.append(text)
      pieceStart = pieceEnd
    }
    return html
  }

  /// Keywords that mark where concurrency happens get a class of their own.
  static let concurrencyKeywords: Set<String> = [
    "async", "await", "actor", "nonisolated", "isolated", "sending",
  ]

  private static func classes(_ kind: SyntaxClassification, _ token: ArraySlice<UInt8>) -> String? {
    switch kind {
    case .keyword:
      return concurrencyKeywords.contains(String(decoding: token, as: UTF8.self)) ? "kw conc" : "kw"
    case .type: return "ty"
    case .stringLiteral: return "str"
    case .integerLiteral, .floatLiteral: return "num"
    case .regexLiteral: return "re"
    case .lineComment, .blockComment: return "com"
    case .docLineComment, .docBlockComment: return "com doc"
    case .attribute: return "attr"
    case .ifConfigDirective: return "pp"
    case .argumentLabel: return "lbl"
    case .dollarIdentifier: return "dollar"
    case .editorPlaceholder: return "ph"
    case .operator: return "op"
    case .identifier, .none: return nil
    }
  }
}
