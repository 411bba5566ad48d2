import ArgumentParser
import LessonKit

@main
struct LessonRunner: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson-runner",
    abstract: "Builds, runs and checks the lessons of Two Stones.",
    discussion: """
      With no argument, lists the lessons. With a lesson number, slug or path, builds its \
      examples, runs each in its own process, and checks every output and timing claim. \
      Exit status: 0 when everything holds, 1 when an output or claim fails, 2 for a \
      malformed lesson or an example that does not build.

      Compiler settings: \(CompilerSettings.defaultSentence) The default is the one a reader's \
      own new package has, so that what a lesson shows is what their code does; the settings \
      an example may name are \(CompilerSettings.names) \
      (docs/lesson-format.md).
      """,
    subcommands: [
      Verify.self, ExerciseCommand.self, Check.self, Tangle.self, Site.self, Serve.self,
      Margins.self,
    ],
    defaultSubcommand: Verify.self)
}
