import Foundation
import LessonKit

/// An example as a reader edited it on the preview's page, made into a lesson of its own:
/// the edited code stands where the example's own code stood, with the same setup code,
/// settings, runs and expected output, and the lesson's claims about it. Nothing of the
/// lesson or of the tangled sources is touched: the engine builds it as a draft, in a scratch
/// package under `.build`.
extension Workspace {
  /// The longest a run from the page may take, whatever the example's own timeout.
  public static let editedRunCap: Duration = .seconds(60)

  /// A lesson that builds `code` as every build of the example `family` (one per setting),
  /// and judges the claims that measure it. A claim that also measures another example (a
  /// ratio of two) keeps that example, unchanged, so that it can be judged. Every place in the
  /// edited code is reported at `path`, line 1 being the code's first line. Nil when the
  /// lesson has no such example.
  public static func editedLesson(
    _ lesson: Lesson, family: String, code: String, path: String
  ) -> Lesson? {
    let builds = lesson.examples.filter { $0.family == family }
    guard !builds.isEmpty else { return nil }
    let claims = lesson.claims(measuring: family)
    let others = Set(claims.flatMap(\.examples).map(Example.family(of:))).subtracting([family])
    var examples: [Example] = []
    for example in lesson.examples {
      if example.family == family {
        var edited = example
        edited.chunks =
          example.chunks.filter { $0.role == .setup }
          + [CodeChunk(code: code, location: SourceLocation(file: path, line: 1))]
        edited.timeout = min(example.timeout, editedRunCap)
        // A solution edited on the page is an example like any other: its goals belong to
        // the starter's check.
        edited.exercise = nil
        examples.append(edited)
      } else if others.contains(example.family) {
        var unchanged = example
        unchanged.timeout = min(example.timeout, editedRunCap)
        examples.append(unchanged)
      }
    }
    return Lesson(
      number: nil, slug: "page-\(lesson.fileStem)-\(family)",
      title: "\(family) of \(lesson.title), as edited", path: lesson.path,
      source: lesson.source + "\u{0}" + code, examples: examples, claims: claims)
  }

  /// The code a reader sees and edits for `example`: its own blocks, without the setup code
  /// that comes before them when it is built.
  public static func ownCode(of example: Example) -> String {
    var text = ""
    for chunk in example.chunks where chunk.role != .setup {
      text += chunk.code
      if !chunk.code.isEmpty && !chunk.code.hasSuffix("\n") { text += "\n" }
    }
    return text
  }
}
