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

  @Test func everyLessonHasAClaimAndNoDraftsInLessons() {
    let workspace = Workspace(root: packageRoot)
    for file in workspace.lessonFiles() {
      guard case .success(let lesson) = workspace.load(file) else { continue }
      #expect(!lesson.claims.isEmpty, "\(lesson.path) makes no timing claim")
      #expect(lesson.number != nil)
    }
  }
}
