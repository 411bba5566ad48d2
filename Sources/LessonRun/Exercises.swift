import Foundation
import LessonKit

/// Where a reader's answers to exercises live, and how one is checked: outside lessons/ and
/// outside the book's package targets, so that nothing a reader writes changes the book's
/// build or its tests.
extension Workspace {
  /// The reader's folder: `exercises/` in the book's package, ignored by git.
  public var exercisesDirectory: URL { root.appendingPathComponent("exercises") }

  /// The reader's file for `exercise` of `lesson`, under `folder`:
  /// `exercises/03-event-loop/on-time.swift`.
  public func answerFile(for exercise: Exercise, of lesson: Lesson, in folder: URL? = nil) -> URL {
    let language = lesson.example(named: exercise.name)?.language ?? .swift
    return (folder ?? exercisesDirectory)
      .appendingPathComponent(lesson.fileStem)
      .appendingPathComponent(exercise.name + (language == .python ? ".py" : ".swift"))
  }

  /// The command that checks an answer, as the reader types it.
  public static func checkCommand(for exercise: Exercise, of lesson: Lesson) -> String {
    "swift run lesson-runner check \(lesson.number.map(String.init) ?? lesson.path) \(exercise.name)"
  }

  /// What the reader's file starts as: a few comment lines, then the starter's own code
  /// (the setup code the exercise uses is added when it is checked).
  public static func starterFile(for exercise: Exercise, of lesson: Lesson) -> String {
    let starter = lesson.example(named: exercise.starterName)
    let comment = starter?.language == .python ? "#" : "//"
    let setups = (starter?.chunks ?? []).compactMap(\.setupName)
    var text = """
      \(comment) Exercise '\(exercise.name)' of \(lesson.path)\(lesson.number.map { " (lesson \($0))" } ?? "").
      \(comment) This file is yours: edit it, then check it against the exercise's goals with
      \(comment)   \(checkCommand(for: exercise, of: lesson))

      """
    if !setups.isEmpty {
      text +=
        "\(comment) The lesson's setup code (\(setups.joined(separator: ", "))) comes before this file when it is checked.\n"
    }
    text += "\n"
    return text + (starter.map(ownCode(of:)) ?? "")
  }

  /// A lesson of one example that judges `code`, the reader's answer read from `path`, with
  /// the exercise's goals: the answer stands where the solution stood, with the same setup
  /// code and settings, so every place in it is reported at the reader's file and line.
  public static func answerLesson(
    for exercise: Exercise, of lesson: Lesson, code: String, path: String
  ) -> Lesson? {
    guard let solution = lesson.example(named: exercise.name) else { return nil }
    var answer = solution
    answer.exercise = nil
    answer.location = SourceLocation(file: path, line: 1)
    answer.chunks =
      solution.chunks.filter { $0.role == .setup }
      + [CodeChunk(code: code, location: SourceLocation(file: path, line: 1))]
    let slug = "exercise-\(lesson.fileStem)-\(exercise.name)"
    return Lesson(
      number: nil, slug: slug, title: "Exercise \(exercise.name) of \(lesson.title)",
      path: lesson.path, source: lesson.source + "\u{0}" + code, examples: [answer],
      claims: exercise.goals.map(\.claim))
  }
}
