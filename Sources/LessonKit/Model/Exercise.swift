/// Work the reader does at the end of a lesson: a starter program to change until it meets
/// the exercise's goals, the claims and expected output the lesson states for it.
///
/// The exercise's two programs are examples of the lesson: its solution under the
/// exercise's own name (so its goals name it, `claim:NAME`), and its starter under
/// `starterName`. The runner checks that the solution meets every goal and that the starter
/// misses at least one.
public struct Exercise: Sendable, Hashable {
  public var name: String
  /// The fence of its first block.
  public var location: SourceLocation
  /// Where its starter's first block starts: the code the reader copies.
  public var starterLocation: SourceLocation
  public var hints: [Hint]
  /// The claims the lesson states about it, in the lesson's order, each judged on the
  /// solution and on the starter.
  public var goals: [Goal]

  public init(
    name: String, location: SourceLocation, starterLocation: SourceLocation, hints: [Hint] = [],
    goals: [Goal] = []
  ) {
    self.name = name
    self.location = location
    self.starterLocation = starterLocation
    self.hints = hints
    self.goals = goals
  }

  /// The name of the example that holds the starter.
  public var starterName: String { Self.starterName(of: name) }

  public static func starterName(of exercise: String) -> String { exercise + "-starter" }
}

/// A hint to an exercise, in Markdown: folded on the page, and shown by `lesson-runner check`
/// when the goal it is for is missed.
public struct Hint: Sendable, Hashable {
  public var text: String
  public var location: SourceLocation
  /// The goal it helps with: `time` (a claim on the wall time), `output`, `stderr`, `exit`,
  /// or a claim's label; nil for a hint about the whole exercise.
  public var goal: String?

  public init(text: String, location: SourceLocation, goal: String? = nil) {
    self.text = text
    self.location = location
    self.goal = goal
  }
}
