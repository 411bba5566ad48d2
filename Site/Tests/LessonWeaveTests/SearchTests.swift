import Foundation
import LessonKit
import Testing

@testable import LessonWeave

@Suite("Search")
struct SearchTests {
  func lesson(_ source: String) throws -> Lesson {
    try LessonParser.parse(source: source, path: "lessons/04-s.md", fileName: "04-s.md")
  }

  @Test func oneEntryForEachSectionWithItsPageAnchor() throws {
    let source = """
      # Stones

      Thrown stones come back.

      ## A hand that waits

      It holds `Thread.sleep` and stops.

      - one item
      - another item

      ```swift example=wait-here
      let stoneCount = 3
      Thread.sleep(forTimeInterval: 1)
      ```

      ## Two hands

      Parallel.
      """
    let entries = SearchIndex.entries(
      for: try lesson(source), page: "04-s.html", kicker: "Lesson 4",
      sections: [("a-hand-that-waits", "A hand that waits"), ("two-hands", "Two hands")])
    #expect(entries.map(\.anchor) == ["top", "a-hand-that-waits", "two-hands"])
    #expect(entries.map(\.heading) == ["Stones", "A hand that waits", "Two hands"])
    #expect(entries[0].text == "Thrown stones come back.")
    // List items keep a space between them.
    #expect(entries[1].text == "It holds Thread.sleep and stops. one item another item")
    // The example's name, then its identifiers, each once.
    #expect(
      entries[1].code == "wait-here let stoneCount Thread sleep forTimeInterval")
    #expect(entries[2].page == "04-s.html" && entries[2].lesson == "Lesson 4 · Stones")
  }

  @Test func identifiersAreWordsOfThreeOrMoreCharactersEachOnce() {
    #expect(
      SearchIndex.identifiers(in: "let a1 = foo(bar_2, x); foo(9abc)")
        == ["let", "foo", "bar_2", "abc"])
  }

  @Test func theIndexCannotCloseItsScriptElement() {
    let entry = SearchEntry(
      page: "p.html", lesson: "L", heading: "</script><script>alert(1)</script>",
      anchor: "top", text: "<!-- a", code: "")
    let json = SearchIndex.json([entry])
    #expect(!json.contains("<"))
    let decoded = try? JSONDecoder().decode([SearchEntry].self, from: Data(json.utf8))
    #expect(decoded == [entry])
  }

  @Test func thePolicyAllowsTheScriptByItsHash() {
    // echo -n 'x' | openssl dgst -sha256 -binary | base64
    #expect(SearchIndex.cspHash(of: "x") == "'sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE='")
  }

  @Test func theSearchPageInlinesTheScriptItsPolicyAllows() throws {
    let files = try Book(lessons: [
      BookLesson(lesson: try lesson("# T\n\n## One\n\nText.\n"), results: .missing)
    ])
    .render()
    let page = try #require(files.first { $0.path == "search.html" }).contents
    let templates = try Templates()
    #expect(page.contains("<script>\(templates.searchScript)</script>"))
    #expect(page.contains("script-src \(SearchIndex.cspHash(of: templates.searchScript));"))
    #expect(page.contains("<a href=\"04-s.html#one\">One</a>"))
    // Every other page allows no script at all.
    for file in files where file.path.hasSuffix(".html") && file.path != "search.html" {
      #expect(!file.contents.contains("script-src"), "\(file.path) allows scripts")
      #expect(file.contents.contains("href=\"search.html\""), "\(file.path) has no way to search")
    }
  }
}
