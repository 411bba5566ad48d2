import Foundation
import LessonKit

/// What the site knows about the latest verified run of a lesson.
public enum LessonResults: Sendable {
  /// A report of the lesson exactly as it is now.
  case current(LessonReport)
  /// A report of an earlier version of the lesson: its numbers are not shown as current.
  case stale(LessonReport)
  /// No run was saved for the lesson.
  case missing
  /// A report file is there but cannot be read, for the reason given.
  case unreadable(String)

  /// Sorts `report` by whether it was made from the lesson's current Markdown.
  public init(report: LessonReport?, for lesson: Lesson) {
    guard let report else {
      self = .missing
      return
    }
    self = report.sourceHash == stableHash(lesson.source) ? .current(report) : .stale(report)
  }

  /// Reads the lesson's saved report from the runner's results folder.
  public static func load(for lesson: Lesson, from directory: URL) -> LessonResults {
    switch ResultsFile(directory: directory).read(lesson.fileStem) {
    case .success(let report): return LessonResults(report: report, for: lesson)
    case .failure(.missing): return .missing
    case .failure(let failure): return .unreadable(failure.description)
    }
  }

  /// The report whose numbers may be shown, if any.
  public var currentReport: LessonReport? {
    if case .current(let report) = self { return report }
    return nil
  }

  /// `current`, `stale`, `missing` or `unreadable`: the page's `data-results`.
  var state: String {
    switch self {
    case .current: return "current"
    case .stale: return "stale"
    case .missing: return "missing"
    case .unreadable: return "unreadable"
    }
  }
}
