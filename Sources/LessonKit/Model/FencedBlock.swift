/// A fenced code block of a lesson, as the parser read it: where its fence is, its
/// language, and what the block is to the lesson. The site shows a block by what it is,
/// and never reads its info string again.
public struct FencedBlock: Sendable, Hashable {
  public enum Role: Sendable, Hashable {
    /// Code of the example `name` (as written, `example=NAME`); for an exercise, of its
    /// starter or its solution.
    case example(name: String, version: ExercisePart.Version?)
    /// A setup block, `setup=NAME`.
    case setup(name: String)
    /// What the example named `example=NAME` (or `NAME:SETTING`) must print, print on its
    /// standard error, or, for one that must not compile, what the compiler must say.
    case output(example: String)
    case stderr(example: String)
    case diagnostic(example: String)
    /// A hint to the exercise `example=NAME`.
    case hint(exercise: String)
    /// Swift that is shown and never compiled.
    case fragment
    /// A block the runner does not read: another language, or Python that is no example.
    case prose
  }

  /// The fence's first character.
  public var fence: SourceLocation
  /// The info string's first word: `swift`, `output`, `text`…
  public var language: String
  public var role: Role

  public init(fence: SourceLocation, language: String, role: Role) {
    self.fence = fence
    self.language = language
    self.role = role
  }

  /// The name the block gives with `example=` or `setup=`, as written.
  public var name: String? {
    switch role {
    case .example(let name, _), .setup(let name): name
    case .output(let name), .stderr(let name), .diagnostic(let name), .hint(let name): name
    case .fragment, .prose: nil
    }
  }

  /// Whether it is a block of an exercise's solution, which the page never shows.
  public var isSolution: Bool {
    if case .example(_, .solution) = role { return true }
    return false
  }
}
