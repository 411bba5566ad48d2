import Foundation
import Testing

@testable import CommonMark

@Suite struct ParsingTests {
  @Test func codeBlockKeepsPositionAndWholeInfoString() {
    let doc = CommonMark.parse("# Title\n\ntext\n\n```swift example=a hidden\nlet x = 1\n```\n")
    let block = doc.descendants.first { $0.kind == .codeBlock }
    #expect(block?.fenceInfo == "swift example=a hidden")
    #expect(block?.literal == "let x = 1\n")
    #expect(block?.start == SourcePosition(line: 5, column: 1))
    #expect(block?.end.line == 7)
  }

  @Test func headingLevelAndText() {
    let doc = CommonMark.parse("## Two *stones*\n")
    #expect(doc.children.first?.kind == .heading(level: 2))
    #expect(doc.children.first?.plainText == "Two stones")
  }

  @Test func linkCarriesDestinationTitleAndColumn() {
    let doc = CommonMark.parse("It takes [about 2 s](claim:two \"±10%\") here.\n")
    let link = doc.descendants.first { $0.kind == .link }
    #expect(link?.url == "claim:two")
    #expect(link?.title == "±10%")
    #expect(link?.plainText == "about 2 s")
    #expect(link?.start == SourcePosition(line: 1, column: 10))
  }

  @Test func indentedCodeHasEmptyInfo() {
    let doc = CommonMark.parse("para\n\n    indented\n")
    #expect(doc.descendants.first { $0.kind == .codeBlock }?.fenceInfo == "")
  }

  @Test func emptyAndNulInputsParse() {
    #expect(CommonMark.parse("").children.isEmpty)
    #expect(CommonMark.parse("a\u{0}b").plainText.contains("b"))
  }

  @Test func manyParsesDoNotGrowMemory() {
    // Every parse frees its tree; a leak of the tree would grow by megabytes here.
    let text = String(
      repeating: "# H\n\n```swift example=x\nprint(1)\n```\n\n[a](claim:x)\n\n", count: 200)
    // Two rounds: a leak grows both; other tests allocating at the same time grow one.
    var growth: [Int] = []
    for _ in 0..<2 {
      let before = residentKilobytes()
      for _ in 0..<300 { _ = CommonMark.parse(text) }
      growth.append(residentKilobytes() - before)
    }
    #expect(growth.min() ?? 0 < 50_000, "resident memory grew by \(growth) kB")
  }
}

@Suite struct RenderingTests {
  @Test func rawHTMLIsOmittedAndUnsafeLinksDropped() {
    let html = CommonMark.renderHTML(
      "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>hi</b>\n")
    #expect(!html.contains("<script"))
    #expect(!html.contains("javascript:"))
    #expect(!html.contains("<b>"))
  }

  @Test func overrideReplacesLinksAndWrapsHeadings() {
    let html = CommonMark.renderHTML("# A *b*\n\nsee [about 2 s](claim:x)\n") { node in
      switch node.kind {
      case .heading: return .wrap(before: "<h1 id=\"a-b\">", after: "</h1>\n")
      case .link: return .replace("<span class=\"claim\">\(node.plainText)</span>")
      default: return nil
      }
    }
    #expect(html.contains("<h1 id=\"a-b\">\nA <em>b</em>\n</h1>"))
    #expect(html.contains("<span class=\"claim\">about 2 s</span>"))
    #expect(!html.contains("claim:x"))
  }

  @Test func textIsEscaped() {
    #expect(CommonMark.renderHTML("a < b & \"c\"\n").contains("a &lt; b &amp; &quot;c&quot;"))
  }
}

func residentKilobytes() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
  else { return 0 }
  return Int(line.split(separator: " ")[1]) ?? 0
}

@Suite struct HostileInputTests {
  @Test func deepNestingIsFlattenedNotOverflowed() {
    let quotes = CommonMark.parse(String(repeating: ">", count: 20_000) + " x\n")
    let flattened = quotes.descendants.filter(\.flattened)
    #expect(flattened.count == 1)
    #expect(quotes.plainText == "x")
    let emphasis = CommonMark.parse(
      String(repeating: "*a ", count: 5_000) + "x" + String(repeating: " a*", count: 5_000))
    #expect(emphasis.plainText.count == 5_000 * 4 + 1)  // every "*" became emphasis
    #expect(emphasis.descendants.contains { $0.flattened })
  }

  @Test func shallowTreesKeepTheirShape() {
    let doc = CommonMark.parse("> - *a [b](c)*\n")
    #expect(!doc.descendants.contains { $0.flattened })
    #expect(
      doc.descendants.map(\.kind) == [
        .blockQuote, .list(ordered: false), .item, .paragraph, .emphasis, .text, .link, .text,
      ])
  }

  @Test func linesEndAsCommonMarkSays() {
    for ending in ["\n", "\r\n", "\r"] {
      let doc = CommonMark.parse(
        ["# T", "", "```swift", "a", "b", "```", "", "[x](y)"].joined(separator: ending))
      let block = doc.descendants.first { $0.kind == .codeBlock }
      #expect(block?.literal == "a\nb\n")
      #expect(block?.start.line == 3 && block?.end.line == 6)
      #expect(
        doc.descendants.first { $0.kind == .link }?.start == SourcePosition(line: 8, column: 1))
    }
  }
}
