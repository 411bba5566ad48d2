import Foundation
import LessonKit
import Testing

@testable import LessonRun

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The committed code under Sources/Lessons must be what the lessons say.
@Suite struct TangledSourcesTests {
  @Test func tangledSourcesAreUpToDate() throws {
    let workspace = Workspace(root: packageRoot)
    var lessons: [Lesson] = []
    for file in workspace.lessonFiles() {
      switch workspace.load(file) {
      case .success(let lesson): lessons.append(lesson)
      case .failure(let errors): Issue.record("\(errors)")
      }
    }
    let stale = try workspace.tangle(lessons, write: false)
    #expect(stale.isEmpty, "stale tangled files, run `swift run lesson-runner tangle`: \(stale)")
  }

  @Test func everyMarkdownFileInLessonsIsANumberedLessonThatParsesAndClaims() throws {
    let workspace = Workspace(root: packageRoot)
    let markdown = try FileManager.default.contentsOfDirectory(
      atPath: workspace.lessonsDirectory.path
    ).filter { $0.hasSuffix(".md") }.sorted()
    // A draft left in lessons/ would be in no listing and no verification: it must not be.
    #expect(markdown == workspace.lessonFiles().map(\.lastPathComponent).sorted())
    #expect(markdown.count >= 9)
    for file in workspace.lessonFiles() {
      switch workspace.load(file) {
      case .failure(let errors):
        Issue.record("\(file.lastPathComponent) does not parse:\n\(errors)")
      case .success(let lesson):
        #expect(lesson.number != nil, "\(lesson.path) has no number")
        #expect(!lesson.claims.isEmpty, "\(lesson.path) makes no timing claim")
      }
    }
  }
}
