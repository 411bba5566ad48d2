import ArgumentParser
import Foundation
import LessonCLI

/// What `exercise` and `check` both take after the lesson: which of its exercises, and
/// where the reader's answers live.
struct ExerciseOptions: ParsableArguments {
  @Argument(help: "The exercise's name; needed only when the lesson has several.")
  var name: String?

  @Option(help: "The folder of your answers (default: exercises/ in the book's package).")
  var folder: String?

  /// The folder of the answers, when one was given.
  var folderURL: URL? { folder.map(Session.url) }
}
