import LessonKit

/// The messages of the engine: what it could not build or write, and what it skipped.
extension Message {
  static func scratchUnwritable(_ error: any Error) -> Message {
    Message("run.scratch-unwritable", "cannot write the scratch package: \(error)")
  }

  public static func otherPlatform(_ name: String, _ reason: String) -> Message {
    Message("run.other-platform", "example '\(name)' is \(reason)")
  }

  static func lessonBuildFailed(_ tail: String) -> Message {
    Message("build.lesson-failed", "the lesson's build failed:\n\(tail)")
  }

  public static func doesNotCompile(_ name: String, _ first: Diagnostic?) -> Message {
    Message(
      "build.does-not-compile",
      "example '\(name)' does not compile" + (first.map { ":\n\($0.description)" } ?? ""))
  }
}
