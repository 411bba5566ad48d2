import Foundation
import LessonKit
import Synchronization

/// A lesson to put on the site, with what is known of its latest run.
public struct BookLesson: Sendable {
  public var lesson: Lesson
  public var results: LessonResults

  public init(lesson: Lesson, results: LessonResults) {
    self.lesson = lesson
    self.results = results
  }
}

/// One file of the rendered site: its path relative to the site's folder, and its text.
public struct SiteFile: Sendable, Hashable {
  public var path: String
  public var contents: String

  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}

/// The book as a website: an index, a page per lesson, a style sheet. Rendering the same
/// lessons and results twice gives the same bytes.
public struct Book: Sendable {
  public var title = "Two Stones"
  /// Numbered lessons in order of their numbers, then drafts in the order given.
  public let lessons: [BookLesson]

  public init(lessons: [BookLesson]) {
    let numbered = lessons.filter { $0.lesson.number != nil }.sorted {
      ($0.lesson.number ?? 0) < ($1.lesson.number ?? 0)
    }
    self.lessons = numbered + lessons.filter { $0.lesson.number == nil }
  }

  /// The page file of each lesson, in order: `03-event-loop.html`, unique even for drafts
  /// of the same name.
  var pageNames: [String] {
    var taken: Set<String> = ["index.html"]
    return lessons.map { entry in
      var name = entry.lesson.fileStem + ".html"
      var n = 2
      while taken.contains(name) {
        name = "\(entry.lesson.fileStem)-\(n).html"
        n += 1
      }
      taken.insert(name)
      return name
    }
  }

  /// Renders every file of the site. With a `cache`, a lesson whose text and results are
  /// as they were at an earlier render reuses that render's article (the live preview
  /// renders again on every save, and highlighting is most of the cost).
  public func render(reusing cache: WeaveCache? = nil) throws(WeaveError) -> [SiteFile] {
    let templates = try Templates()
    let names = pageNames
    var pages: [String: String] = [:]
    for (entry, name) in zip(lessons, names) where pages[entry.lesson.fileStem] == nil {
      pages[entry.lesson.fileStem] = name
    }
    var files = [
      SiteFile(path: "index.html", contents: templates.render("index", indexView(names)))
    ]
    var searchEntries: [SearchEntry] = []
    var searchLessons: [SearchView.LessonSections] = []
    for (index, entry) in lessons.enumerated() {
      let weaver = LessonWeaver(
        lesson: entry.lesson, results: entry.results, templates: templates, pages: pages)
      let article = cache?.article(for: entry, pages: pages) { weaver.weave() } ?? weaver.weave()
      searchEntries += SearchIndex.entries(
        for: entry.lesson, page: names[index], kicker: kicker(entry.lesson),
        sections: article.sections)
      searchLessons.append(
        SearchView.LessonSections(
          href: names[index], kicker: kicker(entry.lesson), title: entry.lesson.title,
          sections: article.sections.map { SectionLink(id: $0.id, title: $0.title) }))
      let view = PageView(
        documentTitle: "\(kicker(entry.lesson)) · \(entry.lesson.title) — \(title)",
        bookTitle: title,
        kicker: kicker(entry.lesson), title: entry.lesson.title, source: entry.lesson.path,
        body: article.html,
        sections: article.sections.map { SectionLink(id: $0.id, title: $0.title) },
        contents: contents(names, current: index), results: resultsView(entry),
        runCommand:
          "swift run lesson-runner \(entry.lesson.number.map(String.init) ?? entry.lesson.path)",
        previous: index > 0 ? navLink(index - 1, names) : nil,
        next: index + 1 < lessons.count ? navLink(index + 1, names) : nil)
      files.append(SiteFile(path: names[index], contents: templates.render("page", view)))
    }
    let search = SearchView(
      documentTitle: "Search — \(title)", bookTitle: title, lessons: searchLessons,
      index: SearchIndex.json(searchEntries), script: templates.searchScript,
      scriptHash: SearchIndex.cspHash(of: templates.searchScript))
    files.append(SiteFile(path: "search.html", contents: templates.render("search", search)))
    files.append(SiteFile(path: "style.css", contents: templates.styleSheet))
    return files
  }

  private func kicker(_ lesson: Lesson) -> String {
    lesson.number.map { "Lesson \($0)" } ?? "Draft"
  }

  private func navLink(_ index: Int, _ names: [String]) -> NavLink {
    NavLink(
      href: names[index], kicker: kicker(lessons[index].lesson), title: lessons[index].lesson.title)
  }

  private func indexView(_ names: [String]) -> IndexView {
    let latest = lessons.compactMap(\.results.currentReport).max {
      $0.environment.date < $1.environment.date
    }
    return IndexView(
      documentTitle: title, bookTitle: title, contents: contents(names, current: nil),
      environment: latest.map { environment($0.environment) })
  }

  private func contents(_ names: [String], current: Int?) -> [ContentsEntry] {
    zip(lessons, names).enumerated().map { index, pair in
      let (entry, name) = pair
      let lesson = entry.lesson
      let report = entry.results.currentReport
      let statusText: String
      switch entry.results {
      case .current(let report):
        switch report.status {
        case .passed: statusText = "verified"
        case .failed: statusText = "fails"
        case .error: statusText = "does not build"
        }
      case .stale: statusText = "changed since its run"
      case .missing: statusText = "not run yet"
      case .unreadable: statusText = "results unreadable"
      }
      let examples = lesson.examples.count
      let claims = lesson.claims.count
      return ContentsEntry(
        href: name, number: lesson.number.map(String.init) ?? "draft", title: lesson.title,
        current: index == current, state: entry.results.state,
        status: report?.status.rawValue ?? "unknown", statusText: statusText,
        counts:
          "\(examples) example\(examples == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s")",
        date: report.map { RunDate.readable($0.environment.date) })
    }
  }

  private func environment(_ env: RunEnvironment) -> EnvironmentView {
    EnvironmentView(
      swift: env.swiftVersion, os: env.os, cores: "\(env.cores) core\(env.cores == 1 ? "" : "s")",
      date: RunDate.readable(env.date))
  }

  private func resultsView(_ entry: BookLesson) -> ResultsView {
    switch entry.results {
    case .current(let report):
      let c = report.counts
      var summary =
        "\(c.passedExamples) of \(c.examples) examples passed · \(c.claims) claims: \(c.passed) held, \(c.failed) did not"
      if c.skipped > 0 { summary += ", \(c.skipped) skipped" }
      if c.passedAlone > 0 {
        summary +=
          "; \(c.passedAlone) held only once \(c.passedAlone == 1 ? "its examples" : "their examples") ran alone"
      }
      let headline: String
      switch report.status {
      case .passed: headline = "Every output and claim below held in the latest run."
      case .failed: headline = "In the latest run, some outputs or claims below did not hold."
      case .error: headline = "In the latest run, the lesson did not build or was malformed."
      }
      return ResultsView(
        state: "current", status: report.status.rawValue, headline: headline, message: nil,
        environment: environment(report.environment), summary: summary,
        diagnostics: report.diagnostics.map { HTML.visible($0.description) })
    case .stale(let report):
      return ResultsView(
        state: "stale", status: "unknown",
        headline: "Not measured: the lesson changed after its latest run.",
        message:
          "That run (\(RunDate.readable(report.environment.date))) measured an older text, so its outputs and numbers are not shown. Every claim below says “not measured” until the lesson runs again.",
        environment: nil, summary: nil, diagnostics: [])
    case .missing:
      return ResultsView(
        state: "missing", status: "unknown",
        headline: "Not measured: this lesson has no verified run yet.",
        message:
          "Every claim below says “not measured”, and each example shows what the lesson expects rather than what ran.",
        environment: nil, summary: nil, diagnostics: [])
    case .unreadable(let why):
      return ResultsView(
        state: "unreadable", status: "unknown",
        headline: "Not measured: the results of the latest run cannot be read.",
        message: "\(why). Every claim below says “not measured”.", environment: nil, summary: nil,
        diagnostics: [])
    }
  }
}

/// Articles of earlier renders, by the lesson's text, its results and the pages it can link
/// to: a lesson links to another by its file name (`03-event-loop.md`), so only the pages
/// whose file names its text holds are part of its key. A draft that stops parsing, and so
/// leaves the site, makes no other lesson be woven again.
public final class WeaveCache: Sendable {
  private let articles = Mutex<[String: LessonWeaver.Article]>([:])
  private let woven = Mutex(0)

  public init() {}

  /// How many articles this cache has had to weave, not reuse.
  var wovenCount: Int { woven.withLock { $0 } }

  func article(
    for entry: BookLesson, pages: [String: String], make: () -> LessonWeaver.Article
  ) -> LessonWeaver.Article {
    let results: String
    switch entry.results {
    case .current(let report), .stale(let report):
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      results = String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    case .missing: results = "missing"
    case .unreadable(let why): results = "unreadable \(why)"
    }
    let linkable = pages.filter { entry.lesson.source.contains($0.key + ".md") }
    let key = [
      entry.lesson.path, entry.lesson.source, "\(entry.results.state)", results,
      linkable.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
    ].joined(separator: "\u{0}")
    if let article = articles.withLock({ $0[key] }) { return article }
    let article = make()
    woven.withLock { $0 += 1 }
    articles.withLock { $0[key] = article }
    return article
  }
}
