/// Gives each example its output, stderr and diagnostic blocks. A block that names an
/// example built under several settings (`output example=heartbeat`) belongs to each of its
/// builds that it fits (the ones that run, for output; the ones that must not compile, for
/// diagnostics) and has no block of its own (`output example=heartbeat:nonsending`).
enum ExpectedAttacher {
  static func attach(to examples: inout [Example], _ state: inout ParseState) {
    // A block for one build first, so that a block for all of them fills in the rest.
    let ordered =
      state.expectedBlocks.filter { $0.example.contains(":") }
      + state.expectedBlocks.filter { !$0.example.contains(":") }
    for block in ordered {
      let keyPath: WritableKeyPath<Example, ExpectedText?> =
        switch block.role {
        case .expectedOutput: \.expectedOutput
        case .stderr: \.expectedStderr
        default: \.expectedDiagnostics
        }
      let text = ExpectedText(
        text: block.chunk.code, location: block.chunk.location, unordered: block.unordered)
      if let index = examples.firstIndex(where: { $0.name == block.example }) {
        if let earlier = examples[index][keyPath: keyPath] {
          state.error(
            .expectedTwice(block.example, block.kind, firstAt: earlier.location.line - 1),
            at: block.fence)
          continue
        }
        examples[index][keyPath: keyPath] = text
        continue
      }
      let family = Example.family(of: block.example)
      let builds = examples.indices.filter {
        examples[$0].isVariant && examples[$0].family == family
      }
      if state.broken.examples.contains(family) { continue }
      if builds.isEmpty {
        let single = examples.first { $0.name == family }
        state.error(
          single.map { .expectedNamesOneSetting(family, $0.setting.name, block.kind) }
            ?? .expectedForNoExample(block.example, block.kind), at: block.nameAt)
        continue
      }
      if block.example.contains(":") {
        let names = builds.map { examples[$0].setting.name }.joined(separator: ", ")
        let setting = String(block.example.dropFirst(family.count + 1))
        state.error(.expectedNotBuiltUnder(family, setting, names), at: block.nameAt)
        continue
      }
      let fitting = builds.filter {
        block.kind == .diagnostic
          ? examples[$0].mode == .compileFail : examples[$0].mode == .run
      }
      guard !fitting.isEmpty else {
        state.error(
          block.kind == .diagnostic
            ? .diagnosticButEveryBuildCompiles(family)
            : .expectedButNoBuildRuns(family, block.kind), at: block.fence)
        continue
      }
      for index in fitting where examples[index][keyPath: keyPath] == nil {
        examples[index][keyPath: keyPath] = text
      }
    }
  }
}

extension Message {
  static func expectedTwice(_ example: String, _ kind: BlockKind, firstAt line: Int) -> Message {
    Message(
      "lesson.expected.twice",
      "example '\(example)' has two \(kind.rawValue) blocks (first at line \(line))")
  }

  static func expectedNamesOneSetting(_ family: String, _ setting: String, _ kind: BlockKind)
    -> Message
  {
    Message(
      "lesson.expected.names-one-setting",
      "example '\(family)' is built under one setting (\(setting)), so its \(kind.rawValue) block names it alone: example=\(family)"
    )
  }

  static func expectedForNoExample(_ example: String, _ kind: BlockKind) -> Message {
    Message(
      "lesson.expected.no-such-example",
      "\(kind.rawValue) block for example '\(example)', which no swift block defines")
  }

  static func expectedNotBuiltUnder(_ family: String, _ setting: String, _ names: String)
    -> Message
  {
    Message(
      "lesson.expected.not-built-under",
      "example '\(family)' is not built under '\(setting)'; its settings are \(names)")
  }

  static func diagnosticButEveryBuildCompiles(_ family: String) -> Message {
    Message(
      "lesson.expected.every-build-compiles",
      "a diagnostic block belongs to a build that must not compile, and every build of '\(family)' compiles"
    )
  }

  static func expectedButNoBuildRuns(_ family: String, _ kind: BlockKind) -> Message {
    Message(
      "lesson.expected.no-build-runs",
      "example '\(family)' is never run under any of its settings, so it cannot have \(kind.phrase)"
    )
  }
}
