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
  /// For an example built under several settings, its builds in the lesson's order; the
  /// page shows the code once, as the first build's, and the builds' outcomes side by side.
  private var builds: [String: [Example]] = [:]
  /// The line of the first output or diagnostic block of each such example, where the page
  /// shows its outcomes; an example with none shows them after its last block of code.
  private var firstResultLine: [String: Int] = [:]

  init(_ lesson: Lesson) {
    var setups: [Int: (chunk: CodeChunk, users: [String])] = [:]
    for example in lesson.examples where example.isVariant {
      builds[example.family, default: []].append(example)
      for said in [example.expectedOutput, example.expectedDiagnostics, example.expectedStderr] {
        guard let line = said?.location.line else { continue }
        firstResultLine[example.family] = min(firstResultLine[example.family] ?? line, line)
      }
    }
    for example in lesson.examples {
      // A later build's code is the first build's: the page shows it once.
      let showsCode = !example.isVariant || builds[example.family]?.first?.name == example.name
      if example.exercise?.version == .solution {
        let own = example.chunks.filter { $0.role != .setup }
        for (i, chunk) in own.enumerated() {
          kinds[chunk.location.line] = .solution(example, first: i == 0)
        }
        continue
      }
      for (index, chunk) in example.chunks.enumerated() where showsCode {
        if chunk.role == .setup {
          setups[chunk.location.line, default: (chunk, [])].users.append(example.name)
        } else {
          kinds[chunk.location.line] = .chunk(example, index: index)
          lastShown[example.name] = index
        }
      }
      // A block that several builds share stays with the first of them.
      if let output = example.expectedOutput, kinds[output.location.line] == nil {
        kinds[output.location.line] = .output(example)
      }
      if let said = example.expectedDiagnostics, kinds[said.location.line] == nil {
        kinds[said.location.line] = .diagnostic(example)
      }
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

  /// The builds whose outcomes the page shows together with `example`'s: all of its
  /// family's when it is one of several builds, else itself alone.
  func shownTogether(with example: Example) -> [Example] {
    example.isVariant ? builds[example.family] ?? [example] : [example]
  }

  /// Whether the outcomes of an example built under several settings stand at its first
  /// output or diagnostic block (at `line`), or after its code when it has none.
  func showsOutcomes(of example: Example, atBlockLine line: Int?) -> Bool {
    guard example.isVariant else { return true }
    return firstResultLine[example.family] == line
  }
}
