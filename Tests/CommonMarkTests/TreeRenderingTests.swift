import Foundation
import Testing

@testable import CommonMark

/// Every kind of node cmark makes, with lists tight and loose, bullet and ordered (from 7,
/// and with parentheses), and what the safe renderer turns into comments or drops.
private let everyKind = """
  # Heading *one*

  Setext heading
  --------------

  A paragraph with *emphasis*, **strong**, `inline code`, _under_, __score__,
  a [link](https://example.com/a?b=c&d "a title"), a [bare link](/x), an
  ![image *alt*](pic.png "pic title"), <b>inline HTML</b>, <https://auto.link>,
  a [reference][ref], &amp; &copy; \\* and a [dangerous](javascript:alert(1)) one.  
  A hard break above, a soft break here
  and a backslash break\\
  too.

  [ref]: /reference "Reference title"

  - tight
  - list

  1. loose

  2. list
     with two lines

  7) from seven
  8) with parentheses

  > A block quote
  > > nested, with a list:
  > > * a
  > > * b

  ```swift example=a hidden
  let x = 1 < 2 && "<tag>" != ""
  ```

  ~~~
  no info
  ~~~

      indented code

  <div onclick="alert(1)">
  raw block
  </div>

  ***

  - item with paragraphs

    second paragraph
  - [link in a list](claim:x)
    - nested *tight*
  """

@Suite struct TreeRenderingTests {
  @Test func aCopiedTreeRendersAsCmarkRendersItsSource() {
    let document = CommonMark.parse(everyKind)
    let html = CommonMark.renderHTML(document)
    #expect(html == CommonMark.cmarkHTML(everyKind))
    // The document does hold what the renderer must get right.
    let kinds = document.descendants.map(\.kind)
    let expected: [MarkdownNode.Kind] = [
      .blockQuote, .list(ordered: false), .list(ordered: true), .item, .codeBlock, .htmlBlock,
      .paragraph, .heading(level: 1), .heading(level: 2), .thematicBreak, .text, .softBreak,
      .lineBreak, .code, .htmlInline, .emphasis, .strong, .link, .image,
    ]
    for kind in expected { #expect(kinds.contains(kind), "no \(kind) in the document") }
    for piece in [
      "<ol start=\"7\">", "<li>tight</li>", "<li>\n<p>loose</p>", "<!-- raw HTML omitted -->",
      "<br />", "title=\"a title\"", "<img src=\"pic.png\" alt=\"image alt\" title=\"pic title\"",
      "<code class=\"language-swift\">", "<a href=\"\">dangerous</a>", "<hr />",
    ] {
      #expect(html.contains(piece), "no \(piece) in \(html)")
    }
  }

  @Test func listsKeepTheirStyle() {
    let styles = CommonMark.parse(everyKind).descendants.compactMap(\.listStyle)
    #expect(
      styles == [
        .init(isTight: true), .init(isTight: false, start: 1, delimiter: .period),
        .init(isTight: true, start: 7, delimiter: .parenthesis), .init(isTight: true),
        .init(isTight: false), .init(isTight: true),
      ])
  }

  @Test func everyMarkdownFileOfTheBookRendersAsItsSource() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folders = [
      "lessons", "docs", "Tests/ParseFixtures", "Tests/LessonRunnerTests/Fixtures",
      "Site/Tests/LessonWeaveTests/Fixtures",
    ]
    var checked = 0
    for folder in folders {
      let directory = root.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names.sorted() where name.hasSuffix(".md") {
        let file = directory.appendingPathComponent(name)
        guard let source = try? String(contentsOf: file, encoding: .utf8) else { continue }
        #expect(
          CommonMark.renderHTML(CommonMark.parse(source)) == CommonMark.cmarkHTML(source),
          "\(folder)/\(name)")
        checked += 1
      }
    }
    #expect(checked >= 10)
  }

  @Test func overridesSeeTheTreeInDocumentOrder() {
    var asked: [String] = []
    let html = CommonMark.renderHTML(
      CommonMark.parse("# [Title](a)\n\n## Two [b](b)\n\n```x\ncode\n```\n\n[c](c)\n")
    ) { node in
      asked.append(node.kind == .codeBlock ? "code" : node.plainText)
      switch node.kind {
      case .heading(level: 1): return .replace("<header/>")
      case .heading: return .wrap(before: "<h2 id=\"two\">", after: "</h2>\n")
      case .link where node.url == "c": return .replace("<i>c</i>")
      default: return nil
      }
    }
    // Nothing inside the replaced title is asked about.
    #expect(asked == ["Title", "Two b", "b", "code", "c"])
    #expect(
      html
        == "<header/>\n<h2 id=\"two\">\nTwo <a href=\"b\">b</a>\n</h2>\n"
        + "<pre><code class=\"language-x\">code\n</code></pre>\n<p><i>c</i></p>\n")
  }

  @Test func aTreeMadeByHandRendersWhatCmarkCanHold() {
    let at = SourcePosition(line: 1, column: 1)
    let text = MarkdownNode(kind: .text, start: at, end: at, literal: "a < b")
    let emphasis = MarkdownNode(kind: .emphasis, start: at, end: at, children: [text])
    // Text straight under a document cannot be held there; the paragraph can.
    let document = MarkdownNode(
      kind: .document, start: at, end: at,
      children: [text, MarkdownNode(kind: .paragraph, start: at, end: at, children: [emphasis])])
    #expect(CommonMark.renderHTML(document) == "<p><em>a &lt; b</em></p>\n")
    // A part of a document renders as a document of that part.
    #expect(CommonMark.renderHTML(emphasis) == "<p><em>a &lt; b</em></p>\n")
    #expect(CommonMark.renderHTML(MarkdownNode.emptyDocument) == "")
    #expect(CommonMark.parse("") == MarkdownNode.emptyDocument)
  }
}

@Suite struct HostileTreeRenderingTests {
  @Test func thousandsOfNestedBlockQuotesRenderTheirText() {
    let source = String(repeating: ">", count: 20_000) + " x\n"
    let document = CommonMark.parse(source)
    // The quotes below the depth kept are gone; their text is not.
    let kept = MarkdownNode.maximumDepth - 1
    #expect(
      CommonMark.renderHTML(document)
        == String(repeating: "<blockquote>\n", count: kept) + "<p>x</p>\n"
        + String(repeating: "</blockquote>\n", count: kept))
    #expect(CommonMark.renderHTML(source) == CommonMark.renderHTML(document))
  }

  @Test func deepListsAndEmphasisRenderTheirText() {
    let lists = CommonMark.renderHTML(
      CommonMark.parse(String(repeating: "- ", count: 5_000) + "deep\n"))
    #expect(lists.contains("<p>deep</p>") || lists.contains("<li>deep</li>"))
    #expect(
      lists.components(separatedBy: "<ul>").count == lists.components(separatedBy: "</ul>").count)
    let emphasis = CommonMark.renderHTML(
      CommonMark.parse(
        String(repeating: "*a ", count: 5_000) + "x" + String(repeating: " a*", count: 5_000)))
    #expect(emphasis.hasPrefix("<p>"))
    #expect(emphasis.contains(" x a"))
    #expect(emphasis.components(separatedBy: "<em>").count - 1 < MarkdownNode.maximumDepth)
  }
}

@Suite struct ParseCountTests {
  @Test func onlyParsingParses() {
    let (document, parsed) = CommonMark.countingParses { CommonMark.parse("# A\n\nb *c*\n") }
    #expect(parsed == 1)
    #expect(CommonMark.countingParses { CommonMark.renderHTML(document) }.parses == 0)
    #expect(CommonMark.countingParses { CommonMark.renderHTML("# A\n") }.parses == 1)
    let before = CommonMark.parseCount
    _ = CommonMark.parse("x\n")
    #expect(CommonMark.parseCount > before)  // and others' parses, at the same time
  }

  @Test func countingNestsAndCountsThisTaskAlone() async {
    let others = Task.detached {
      for _ in 0..<200 { _ = CommonMark.parse("# elsewhere\n") }
    }
    let (inner, outer) = CommonMark.countingParses {
      for _ in 0..<30 { _ = CommonMark.parse("a\n") }
      return CommonMark.countingParses { for _ in 0..<20 { _ = CommonMark.parse("b\n") } }.parses
    }
    await others.value
    #expect(inner == 20)
    #expect(outer == 50)
  }
}
