import CommonMark
import Foundation
import LessonKit

/// What the search page searches: a part of a lesson under one level-2 heading (or before
/// the first), with its prose, the identifiers in its code and the names of its examples.
struct SearchEntry: Codable, Equatable, Sendable {
  /// The page, `03-event-loop.html`.
  var page: String
  /// `Lesson 3 · The event loop`.
  var lesson: String
  /// The section's heading, or the lesson's title for the part before the first one.
  var heading: String
  /// The heading's anchor on the page, or "top".
  var anchor: String
  /// The prose a reader sees, headings of lower levels included.
  var text: String
  /// Identifiers from the section's Swift code and the names of its examples.
  var code: String
}

/// Builds the search page's index from the lessons at `site` time.
enum SearchIndex {
  /// The entries of one lesson. `sections` are its level-2 headings as the page renders
  /// them, in order, so that each entry links to the heading's own anchor.
  static func entries(
    for lesson: Lesson, page: String, kicker: String, sections: [(id: String, title: String)]
  ) -> [SearchEntry] {
    var entries = [
      SearchEntry(
        page: page, lesson: "\(kicker) · \(lesson.title)", heading: lesson.title, anchor: "top",
        text: "", code: "")
    ]
    var nextSection = sections.makeIterator()
    var titleSeen = false
    for node in lesson.document.children {
      switch node.kind {
      case .heading(level: 1) where !titleSeen:
        titleSeen = true
      case .heading(level: 2):
        let section = nextSection.next()
        entries.append(
          SearchEntry(
            page: page, lesson: entries[0].lesson, heading: section?.title ?? node.plainText,
            anchor: section?.id ?? "top", text: "", code: ""))
      case .codeBlock:
        // What the parser found the block to be; an indented code block is no fenced block.
        let block = lesson.block(at: node.start)
        // An exercise's solution is never shown, so it is never searched either.
        if block?.isSolution == true { break }
        var words = block?.name.map { [$0] } ?? []
        if block?.language == "swift" { words += identifiers(in: node.literal ?? "") }
        if case .hint? = block?.role { append(node.literal ?? "", to: \.text, of: &entries) }
        append(words.joined(separator: " "), to: \.code, of: &entries)
      case .htmlBlock, .thematicBreak:
        break
      default:
        append(readableText(node), to: \.text, of: &entries)
      }
    }
    return entries.filter { !$0.text.isEmpty || !$0.code.isEmpty || $0.anchor == "top" }
  }

  /// The text of a block, with its blocks (a list's items, say) apart by a space.
  static func readableText(_ node: MarkdownNode) -> String {
    switch node.kind {
    case .list, .item, .blockQuote:
      return node.children.map(readableText).joined(separator: " ")
    default:
      return node.plainText
    }
  }

  private static func append(
    _ words: String, to field: WritableKeyPath<SearchEntry, String>, of entries: inout [SearchEntry]
  ) {
    let words = words.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !words.isEmpty, let last = entries.indices.last else { return }
    entries[last][keyPath: field] += (entries[last][keyPath: field].isEmpty ? "" : " ") + words
  }

  /// The distinct identifiers of three letters or more in `code`, in order of appearance.
  static func identifiers(in code: String) -> [String] {
    var seen = Set<String>()
    var found: [String] = []
    var current = ""
    for character in code + " " {
      if character == "_" || character.isLetter || (character.isNumber && !current.isEmpty) {
        current.append(character)
        continue
      }
      if current.count >= 3, seen.insert(current).inserted { found.append(current) }
      current = ""
    }
    return found
  }

  /// The index as JSON that is safe inside a `<script type="application/json">` block:
  /// every "<" is written as "\u003c", so no "</script>" or "<!--" can appear in it.
  static func json(_ entries: [SearchEntry]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
  }

  /// The value a Content-Security-Policy gives to allow exactly `script` inline.
  static func cspHash(of script: String) -> String {
    "'sha256-" + Data(SHA256.hash(Array(script.utf8))).base64EncodedString() + "'"
  }
}
