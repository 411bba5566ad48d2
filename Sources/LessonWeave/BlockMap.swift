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
  }

  private var kinds: [Int: Kind] = [:]
  /// The index of the last chunk of each example that the page shows in the text.
  private var lastShown: [String: Int] = [:]

  init(_ lesson: Lesson) {
    var setups: [Int: (chunk: CodeChunk, users: [String])] = [:]
    for example in lesson.examples {
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
  }

  /// What the block whose code starts on `line` is; nil for a fragment or another language.
  subscript(codeLine line: Int) -> Kind? { kinds[line] }

  func isLastShown(_ index: Int, of example: Example) -> Bool { lastShown[example.name] == index }
}
