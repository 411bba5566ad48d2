import CommonMark
import LessonKit
import LessonWeave
import Testing

/// A lesson is parsed once: the site renders the tree its parsing made. The parses are
/// counted on this test's task alone, so other tests parsing at the same time change
/// nothing.
@Suite struct ParseOnceTests {
  @Test func renderingTheBookParsesNoLessonAgain() throws {
    let names = ["02-stones.md", "04-settings.md", "hostile.md"]
    let (lessons, parsed) = try CommonMark.countingParses { try names.map(fixture) }
    #expect(parsed == names.count)
    #expect(lessons.flatMap(\.exercises).flatMap(\.hints).isEmpty)
    let book = Book(lessons: lessons.map { BookLesson(lesson: $0, results: .missing) })
    let (files, rendered) = try CommonMark.countingParses { try book.render() }
    #expect(rendered == 0)
    #expect(files.count == names.count + 3)  // and the index, the search page, the style
  }

  @Test func onlyAHintIsParsedWhereItIsShown() throws {
    // A hint is Markdown of its own, inside a code block of the lesson: it is parsed where
    // its page shows it, once, and the lesson around it is not parsed again.
    let (lesson, parsed) = try CommonMark.countingParses { try fixture("03-exercise.md") }
    #expect(parsed == 1)
    let hints = lesson.exercises.flatMap(\.hints).count
    #expect(hints == 2)
    let book = Book(lessons: [BookLesson(lesson: lesson, results: .missing)])
    let (files, rendered) = try CommonMark.countingParses { try book.render() }
    #expect(rendered == hints)
    let page = try #require(files.first { $0.path == "03-exercise.html" }).contents
    #expect(page.contains("<code>try await</code>"))
  }

  @Test func thePageIsCmarksHTMLOfTheLessonTree() throws {
    // The article holds what cmark renders from the source: the same paragraphs, lists
    // and quotes as a second parse would give.
    let lesson = try LessonParser.parse(
      source: "# T\n\nSome *prose*.\n\n3. three\n4. four\n\n> quoted\n\n- a\n\n- b\n",
      path: "lessons/05-t.md", fileName: "05-t.md")
    let files = try Book(lessons: [BookLesson(lesson: lesson, results: .missing)]).render()
    let page = try #require(files.first { $0.path == "05-t.html" }).contents
    for piece in [
      "<p>Some <em>prose</em>.</p>", "<ol start=\"3\">\n<li>three</li>",
      "<blockquote>\n<p>quoted</p>\n</blockquote>", "<li>\n<p>a</p>\n</li>",
    ] {
      #expect(page.contains(piece), "no \(piece)")
    }
  }
}
