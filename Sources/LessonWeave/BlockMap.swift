import LessonKit

/// Which part of the lesson each fenced block is, found by the line its code starts on.
struct BlockMap {
  enum Kind {
    /// The chunk at this index of the example's chunks (never a setup chunk).
    case chunk(Example, index: Int)
    /// A setup block and the examples that use it.
    case setup(CodeChunk, users: [String])
    case output(Example)
    case diagnostic(Example)
    /// A block of an exercise's solution, which the page never shows; `first` for its first.
    case solution(Example, first: Bool)
    /// The expected output of an exercise: one of its goals.
    case goal(Exercise)
    case hint(Exercise, Hint)
  }

  private var kinds: [Int: Kind] = [:]
  /// The index of the last chunk of each example that the page shows in the text.
  private var lastShown: [String: Int] = [:]

  init(_ lesson: Lesson) {
    var setups: [Int: (chunk: CodeChunk, users: [String])] = [:]
    for example in lesson.examples {
      if example.exercise?.version == .solution {
        let own = example.chunks.filter { $0.role != .setup }
        for (i, chunk) in own.enumerated() {
          kinds[chunk.location.line] = .solution(example, first: i == 0)
        }
        continue
      }
      for (index, chunk) in example.chunks.enumerated() {
        if chunk.role == .setup {
          setups[chunk.location.line, default: (chunk, [])].users.append(example.name)
        } else {
          kinds[chunk.location.line] = .chunk(example, index: index)
          lastShown[example.name] = index
        }
      }
      if let output = example.expectedOutput { kinds[output.location.line] = .output(example) }
      if let said = example.expectedDiagnostics { kinds[said.location.line] = .diagnostic(example) }
    }
    for (line, setup) in setups { kinds[line] = .setup(setup.chunk, users: setup.users) }
    for exercise in lesson.exercises {
      if let output = lesson.example(named: exercise.name)?.expectedOutput {
        kinds[output.location.line] = .goal(exercise)
      }
      for hint in exercise.hints { kinds[hint.location.line] = .hint(exercise, hint) }
    }
  }

  /// What the block whose code starts on `line` is; nil for a fragment or another language.
  subscript(codeLine line: Int) -> Kind? { kinds[line] }

  func isLastShown(_ index: Int, of example: Example) -> Bool { lastShown[example.name] == index }
}
