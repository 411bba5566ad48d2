// What the page templates are given: `page.mustache` for a lesson, `index.mustache` for
// the book's first page, and the partials they share.

import LessonKit

struct PageView {
  var documentTitle: String
  var bookTitle: String
  /// `Lesson 3`, or `Draft` for a lesson outside lessons/.
  var kicker: String
  var title: String
  var source: String
  var body: String
  var sections: [SectionLink]
  var contents: [ContentsEntry]
  var results: ResultsView
  var runCommand: String
  var previous: NavLink?
  var next: NavLink?
}

struct SectionLink {
  var id: String
  var title: String
}

struct NavLink {
  var href: String
  var kicker: String
  var title: String
}

/// A line of the book's contents, in the sidebar and on the index.
struct ContentsEntry {
  var href: String
  /// `1`, or `draft`.
  var number: String
  var title: String
  var current: Bool
  /// `current`, `stale`, `missing` or `unreadable`.
  var state: String
  /// `passed`, `failed`, `error`, or `unknown` without a current run.
  var status: String
  var statusText: String
  var counts: String
  var date: String?
}

/// The box under a lesson's title: where and when its numbers were measured, or why
/// there are none.
struct ResultsView {
  var state: String
  var status: String
  var headline: String
  var message: String?
  var environment: EnvironmentView?
  var summary: String?
  var diagnostics: [String]
}

struct EnvironmentView {
  var swift: String
  var os: String
  var cores: String
  var date: String
}

struct IndexView {
  var documentTitle: String
  var bookTitle: String
  var contents: [ContentsEntry]
  /// The machine of the most recent current run, if any lesson has one.
  var environment: EnvironmentView?
  /// The compiler settings every example is built with unless it says otherwise, and why.
  var settingsSentence = CompilerSettings.defaultSentence
}

/// The search page: the index and the script that searches it, and, for a reader without
/// scripts, every section of the book as links.
struct SearchView {
  struct LessonSections {
    var href: String
    var kicker: String
    var title: String
    var sections: [SectionLink]
  }

  var documentTitle: String
  var bookTitle: String
  var lessons: [LessonSections]
  /// The JSON of the index, safe inside a script element.
  var index: String
  var script: String
  /// The Content-Security-Policy source that allows `script` and nothing else.
  var scriptHash: String
}
