import ArgumentParser

/// The site's half of the runner: `lesson-runner site` and `lesson-runner serve` build this
/// executable the first time they are used and hand their arguments to it.
@main
struct LessonSite: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    // Its help speaks of the command a reader types: 'lesson-runner site --help' shows
    // 'USAGE: lesson-runner site …'.
    commandName: "lesson-runner",
    abstract: "Renders the book of Two Stones as a website, and serves a live preview of it.",
    discussion: """
      Usually started as 'lesson-runner site' or 'lesson-runner serve', which build it \
      first.
      """,
    subcommands: [Site.self, Serve.self])
}
