import Foundation
import Testing

@testable import LessonWeave

@Suite("Swift highlighting")
struct HighlighterTests {
  @Test func tokensAreClassifiedBySwiftSyntax() {
    let html = SwiftHighlighter.highlight(
      "@MainActor func f(delay d: Duration) async throws -> Int { try await Task.sleep(for: d); return 0x1F } // \"<done>\"\n"
    )
    #expect(html.contains("<span class=\"attr\">@MainActor</span>"))
    #expect(html.contains("<span class=\"kw\">func</span>"))
    #expect(html.contains("<span class=\"lbl\">delay</span>"))
    #expect(html.contains("<span class=\"ty\">Duration</span>"))
    #expect(html.contains("<span class=\"kw conc\">async</span>"))
    #expect(html.contains("<span class=\"kw conc\">await</span>"))
    #expect(html.contains("<span class=\"num\">0x1F</span>"))
    #expect(html.contains("<span class=\"com\">// &quot;&lt;done&gt;&quot;</span>"))
    // Identifiers that are not types stay plain.
    #expect(html.contains(" f("))
  }

  @Test func piecesOfOneProgramAreClassifiedTogether() {
    // Alone, the second piece would be code; after the first, it is inside a string.
    let pieces = ["let poem = \"\"\"\nroses are red\n", "func is not a keyword here\n\"\"\"\n"]
    let html = SwiftHighlighter.highlight(pieces: pieces)
    #expect(html.count == 2)
    #expect(!html[1].contains("class=\"kw\">func"))
    #expect(html[1].hasPrefix("<span class=\"str\">func is not a keyword here"))
    // Nothing is lost or added but markup.
    for (piece, highlighted) in zip(pieces, html) {
      #expect(plainText(highlighted) == piece)
    }
  }
}

/// The text of highlighted HTML: tags dropped, entities read.
func plainText(_ html: String) -> String {
  var text = ""
  var inTag = false
  for character in html {
    if character == "<" { inTag = true }
    if !inTag { text.append(character) }
    if character == ">" { inTag = false }
  }
  for (entity, character) in [
    ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
  ] {
    text = text.replacingOccurrences(of: entity, with: character)
  }
  return text
}
