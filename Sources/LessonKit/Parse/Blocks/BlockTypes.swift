/// What a fenced block is, from its language and its attributes.
enum BlockRole: Equatable {
  /// A block of an example, or of an exercise's starter or solution.
  case example(ExercisePart.Version?)
  case setup, fragment
  case expectedOutput, stderr, diagnostic, hint
  /// A block the runner does not read.
  case prose
}

/// A swift or python block that is (part of) an example, its attributes checked.
struct ExampleBlock {
  var name: String
  var fence: SourceLocation
  var chunk: CodeChunk
  var hidden: Bool
  /// The example's settings written on this block (`Attributes.exampleSettings`).
  var settings: [AttributeName: AttributeValue]
  var language: Example.Language = .swift
  /// For a block of an exercise: `starter` or `solution`, and where it says so.
  var version: (ExercisePart.Version, SourceLocation)?

  var role: BlockRole { .example(version?.0) }
}

/// A hint block, its attributes checked.
struct HintBlock {
  var exercise: String
  var nameAt: SourceLocation
  var goal: AttributeValue?
  var hint: Hint
}

/// A swift block that is a setup, its attributes checked.
struct SetupBlock {
  var name: String
  var nameAt: SourceLocation
  var fence: SourceLocation
  var chunk: CodeChunk
  var uses: AttributeValue?

  var usedNames: [String] { uses.map { splitList($0.value) } ?? [] }
}

/// An output, stderr or diagnostic block, its attributes checked.
struct ExpectedBlock {
  var kind: BlockKind
  var example: String
  var nameAt: SourceLocation
  var fence: SourceLocation
  var chunk: CodeChunk
  var unordered: Bool

  var role: BlockRole {
    switch kind {
    case .output: return .expectedOutput
    case .stderr: return .stderr
    default: return .diagnostic
    }
  }
}
