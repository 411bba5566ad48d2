import Foundation
import LessonKit
import LessonWeave
import Testing

@Suite("The rendered site")
struct SiteRenderingTests {
  func page(_ results: (Lesson) -> LessonResults) throws -> (Lesson, String) {
    let lesson = try fixture("02-stones.md")
    let files = try Book(lessons: [BookLesson(lesson: lesson, results: results(lesson))]).render()
    return (lesson, try #require(files.first { $0.path == "02-stones.html" }).contents)
  }

  @Test func anExampleForAnotherPlatformSaysSoOnThePage() throws {
    let lesson = try LessonParser.parse(
      source: "# P\n\n```swift example=ids platforms=macos\nprint(1)\n```\n\n"
        + "```output example=ids\n1\n```\n",
      path: "lessons/05-p.md", fileName: "05-p.md")
    var example = Judge.emptyReport(of: lesson.examples[0])
    example.status = .otherPlatform
    example.diagnostics = [
      Diagnostic(
        .note,
        Message(
          "run.other-platform",
          "example 'ids' is not on this platform: it holds on macOS, and this is Linux"),
        at: lesson.examples[0].location)
    ]
    let report = Judge.report(
      of: lesson, environment: testEnvironment, examples: [example], claims: [], strict: false)
    let files = try Book(lessons: [BookLesson(lesson: lesson, results: .current(report))]).render()
    let html = try #require(files.first { $0.path == "05-p.html" }).contents
    #expect(html.contains("runs on macOS only"))
    #expect(html.contains("not run on this platform"))
    #expect(html.contains("it holds on macOS, and this is Linux"))
  }

  @Test func renderingTwiceGivesTheSameBytes() throws {
    let stones = try fixture("02-stones.md")
    let hostile = try fixture("hostile.md")
    let lessons = [
      BookLesson(lesson: hostile, results: .missing),
      BookLesson(lesson: stones, results: .current(report(of: stones, runs: stonesRuns()))),
    ]
    let first = try Book(lessons: lessons).render()
    let second = try Book(lessons: lessons.reversed()).render()
    #expect(
      first.map(\.path) == [
        "index.html", "02-stones.html", "hostile.html", "search.html", "style.css",
      ])
    #expect(first.map(\.path) == second.map(\.path))
    for (a, b) in zip(first, second) {
      #expect(Array(a.contents.utf8) == Array(b.contents.utf8), "\(a.path) differs between renders")
    }
  }

  @Test func currentResultsShowEveryClaimWithItsMeasuredValue() throws {
    let (lesson, html) = try page { .current(report(of: $0, runs: stonesRuns())) }
    #expect(html.contains("data-results=\"current\""))
    let claims = elements(html, tag: "span", containing: "class=\"claim ")
    #expect(claims.count == lesson.claims.count)
    // Wall time of two-stones, the wall time of plain, the ratio of its printed numbers.
    #expect(claims[0].contains("data-verdict=\"passed\" data-measured=\"305 ms\""))
    #expect(claims[0].contains("measured 305 ms"))
    #expect(claims[1].contains("data-verdict=\"passed\" data-measured=\"123 ms\""))
    #expect(claims[2].contains("data-measured=\"1.5×\""))
    #expect(claims[3].contains("data-verdict=\"skipped\""))
    #expect(claims[3].contains("needs 64 cores; this machine has 2"))
    #expect(html.contains("Measured on Debian GNU/Linux 12 (bookworm), x86_64 with 2 cores"))
    #expect(html.contains("Swift version 6.3.1 (swift-6.3.1-RELEASE)"))
    #expect(html.contains("2026-01-02 03:04 UTC"))
  }

  @Test func aClaimThatFailsSaysSo() throws {
    let (_, html) = try page { .current(report(of: $0, runs: stonesRuns(plainWall: 7.5))) }
    let claims = elements(html, tag: "span", containing: "class=\"claim ")
    #expect(claims[1].contains("data-verdict=\"failed\" data-measured=\"7.5 s\""))
    #expect(claims[1].contains("✗"))
    #expect(html.contains("data-status=\"failed\""))
  }

  @Test func staleResultsAreNeverShownAsCurrent() throws {
    let (_, html) = try page {
      .init(report: report(of: $0, runs: stonesRuns(), sourceHash: "0000000000000000"), for: $0)
    }
    #expect(html.contains("data-results=\"stale\""))
    #expect(html.contains("Not measured: the lesson changed after its latest run."))
    let claims = elements(html, tag: "span", containing: "class=\"claim ")
    #expect(claims.count == 4)
    for claim in claims {
      #expect(claim.contains("data-verdict=\"not-measured\" data-measured=\"\""))
      #expect(claim.contains("not measured"))
    }
    // None of the old run's numbers, outputs or pictures appear.
    for old in ["305 ms", "123 ms", "1.5×", "<svg", "<pre class=\"output\">"] {
      #expect(!html.contains(old), "the stale page shows \(old)")
    }
    // What the lesson expects is still there, labelled as such.
    #expect(html.contains("What the lesson expects it to print"))
  }

  @Test func missingResultsSayTheLessonWasNotRun() throws {
    let (_, html) = try page { _ in .missing }
    #expect(html.contains("data-results=\"missing\""))
    #expect(html.contains("this lesson has no verified run yet"))
    #expect(!html.contains("data-verdict=\"passed\""))
  }

  @Test func everyRunExampleHasATimelineOfItsRealRun() throws {
    let (lesson, html) = try page { .current(report(of: $0, runs: stonesRuns())) }
    let runnable = lesson.examples.filter { $0.mode == .run }
    let svgs = elements(html, tag: "svg", containing: "class=\"timeline\"")
    #expect(svgs.count == runnable.count)
    let stones = try #require(svgs.first { $0.contains("id=\"timeline-two-stones\"") })
    // Two marked spans, each its own lane, 200 ms and 301 ms long, and three output marks.
    #expect(stones.contains(">stone 1</text>"))
    #expect(stones.contains(">stone 2</text>"))
    #expect(stones.contains("stone 1: 1 ms → 201 ms, 200 ms"))
    #expect(stones.contains("stone 2: 1 ms → 302 ms, 301 ms"))
    #expect(stones.components(separatedBy: "class=\"tl-mark stdout\"").count - 1 == 3)
    // A run that marks nothing is one bar for the whole run.
    let plain = try #require(svgs.first { $0.contains("id=\"timeline-plain\"") })
    #expect(plain.contains("class=\"tl-bar whole\""))
    #expect(plain.contains("that marked no spans"))
    // Marker lines are not output.
    #expect(!html.contains("::span-begin"))
  }

  @Test func codeIsHighlightedAndHiddenPartsFold() throws {
    let (_, html) = try page { .current(report(of: $0, runs: stonesRuns())) }
    #expect(html.contains("<span class=\"kw\">import</span>"))
    #expect(html.contains("<span class=\"kw conc\">await</span>"))
    #expect(html.contains("<details class=\"code setup\" id=\"setup-clock\""))
    #expect(html.contains("Setup clock, used by two-stones"))
    #expect(html.contains("<details class=\"code hidden\""))
    #expect(html.contains("fragment · not compiled"))
    #expect(html.contains("compile-only"))
    #expect(html.contains("builds; it is never run"))
  }

  @Test func headingsHaveAnchorsAndLessonsLinkToTheirPages() throws {
    let lesson = try fixture("02-stones.md")
    let hostile = try fixture("hostile.md")
    let files = try Book(lessons: [
      BookLesson(lesson: lesson, results: .missing), BookLesson(lesson: hostile, results: .missing),
    ]).render()
    let html = try #require(files.first { $0.path == "02-stones.html" }).contents
    #expect(html.contains("<h2 id=\"one-hand-two-stones\">"))
    #expect(html.contains("<a href=\"#one-hand-two-stones\">One hand, two stones</a>"))
    #expect(html.contains("<a href=\"hostile.html#a-section\">the hostile lesson</a>"))
    #expect(html.contains("href=\"https://example.com/book.md\""))
    #expect(html.contains("Run it yourself: <code>swift run lesson-runner 2</code>"))
    #expect(html.contains("rel=\"next\" href=\"hostile.html\""))
    let index = try #require(files.first { $0.path == "index.html" }).contents
    #expect(index.contains("<a href=\"02-stones.html\"><span class=\"number\">2</span>"))
    #expect(index.contains("not run yet"))
  }

  @Test func theSiteNeedsNothingFromTheNetwork() throws {
    let lesson = try fixture("02-stones.md")
    let files = try Book(lessons: [
      BookLesson(lesson: lesson, results: .current(report(of: lesson, runs: stonesRuns())))
    ]).render()
    for file in files where file.path.hasSuffix(".html") {
      for tag in startTags(file.contents) {
        // The search page's script is inline, its index is data: neither loads anything.
        #expect(tag.name != "script" || file.path == "search.html", "\(file.path) has a script")
        #expect(
          tag.name != "script" || !tag.attributes.contains { $0.0 == "src" },
          "\(file.path) loads a script")
        for (key, value) in tag.attributes
        where key == "src" || (key == "href" && tag.name == "link") {
          #expect(!value.contains(":"), "\(file.path) loads \(value)")
        }
      }
    }
    let css = try #require(files.first { $0.path == "style.css" }).contents
    #expect(!css.contains("url("))
    #expect(css.contains("prefers-color-scheme: dark"))
    #expect(css.contains("@media print"))
  }
}

@Suite("An example built under several settings, on the page")
struct SettingsPageTests {
  @Test func theCodeShowsOnceAndEachBuildsOutcomeSideBySide() throws {
    let lesson = try fixture("04-settings.md")
    let runs: [String: [RunRecord]] = [
      "beat:default": [run(wall: 0.1, [(0.05, .stdout, "worst gap: 0.009 s")])],
      "beat:nonsending": [run(wall: 0.4, [(0.35, .stdout, "worst gap: 0.303 s")])],
      "count:main-actor": [run(wall: 0.01, [])],
    ]
    let files = try Book(
      lessons: [BookLesson(lesson: lesson, results: .current(report(of: lesson, runs: runs)))]
    ).render()
    let html = try #require(files.first { $0.path == "04-settings.html" }).contents
    // One code block per example, captioned with its settings.
    #expect(html.components(separatedBy: "id=\"example-beat\"").count == 2)
    #expect(html.contains("example beat · built under default and nonsending"))
    // Its builds side by side, in the lesson's order, each with what it printed.
    let groups = elements(html, tag: "div", containing: "class=\"settings\"")
    #expect(groups.count == 2)
    let beat = try #require(groups.first)
    #expect(beat.contains("data-settings=\"default nonsending\""))
    let settings = elements(beat, tag: "figure", containing: "class=\"outcome ")
      .map { $0.contains("data-setting=\"nonsending\"") ? "nonsending" : "default" }
    #expect(settings == ["default", "nonsending"])
    #expect(beat.contains("worst gap: 0.303 s") && beat.contains("worst gap: 0.009 s"))
    #expect(beat.contains("What beat did under nonsending"))
    // The build that must not compile stands beside the one that runs; the later block
    // for one build shows what it expects, not the outcomes again.
    #expect(groups[1].contains("data-settings=\"default main-actor\""))
    #expect(html.contains("count under default · what the compiler must say"))
    #expect(html.components(separatedBy: "class=\"settings\"").count == 3)
  }
}
