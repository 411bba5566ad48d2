import LessonKit
import Testing

@testable import LessonWeave

/// The live preview renders the site again on every save, through a `WeaveCache`: a lesson
/// is woven again only when something its article shows has changed.
@Suite struct WeaveCacheTests {
  @Test func aLessonLeavingTheSiteReweavesOnlyTheLessonsThatLinkToIt() throws {
    let stones = BookLesson(lesson: try fixture("02-stones.md"), results: .missing)
    let settings = BookLesson(lesson: try fixture("04-settings.md"), results: .missing)
    let hostile = BookLesson(lesson: try fixture("hostile.md"), results: .missing)
    let cache = WeaveCache()
    let whole = try Book(lessons: [stones, settings, hostile]).render(reusing: cache)
    #expect(cache.wovenCount == 3)
    let page = { (files: [SiteFile]) in files.first { $0.path == "02-stones.html" }?.contents }
    #expect(page(whole)?.contains("href=\"hostile.html#a-section\"") == true)

    // The hostile lesson stops parsing, as after a malformed save: the stones lesson, which
    // links to it, is woven again and links to it no more; the settings lesson is reused.
    let without = try Book(lessons: [stones, settings]).render(reusing: cache)
    #expect(cache.wovenCount == 4)
    #expect(page(without)?.contains("hostile.html") == false)
    #expect(without == (try Book(lessons: [stones, settings]).render()))

    // Fixed again: every article is one the cache already holds, and the site is as it was.
    let again = try Book(lessons: [stones, settings, hostile]).render(reusing: cache)
    #expect(cache.wovenCount == 4)
    #expect(again == whole)
  }
}
