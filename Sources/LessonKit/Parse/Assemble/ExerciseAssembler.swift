/// An exercise's starter and solution, from blocks that each say `starter` or `solution`.
enum ExerciseAssembler {
  /// The two examples, or nil when they cannot be made (reported).
  static func assemble(
    _ name: String, _ blocks: [ExampleBlock], others: [String: [ExampleBlock]],
    _ state: inout ParseState
  ) -> (Example, Example)? {
    guard let first = blocks.first else { return nil }
    var ok = true
    for block in blocks where block.version == nil {
      state.error(.exerciseBlockNeedsVersion(name), at: block.fence)
      ok = false
    }
    for block in blocks where block.hidden {
      state.error(.exerciseBlockHidden, at: block.fence)
      ok = false
    }
    for key in [AttributeName.compileOnly, .compileFail] {
      if let s = ExampleAssembler.setting(key, in: blocks, &state) {
        state.error(.exerciseNotRun(key.rawValue), at: s.at)
        ok = false
      }
    }
    if let s = ExampleAssembler.setting(.settings, in: blocks, &state),
      splitList(s.value).count > 1
    {
      state.error(.exerciseSeveralSettings, at: s.at)
      ok = false
    }
    let starterName = Exercise.starterName(of: name)
    if let clash = others[starterName]?.first {
      state.error(
        .exerciseStarterNameTaken(starterName, of: name, at: first.fence.line), at: clash.fence)
      ok = false
    }
    let starterBlocks = blocks.filter { $0.role == .example(.starter) }
    let solutionBlocks = blocks.filter { $0.role == .example(.solution) }
    if starterBlocks.isEmpty || solutionBlocks.isEmpty {
      let missing = starterBlocks.isEmpty ? "starter" : "solution"
      state.error(
        .exerciseMissingVersion(name, missing, language: first.language), at: first.fence)
      ok = false
    }
    guard ok, let firstStarter = starterBlocks.first else { return nil }
    // Settings are the exercise's: given on any block, they apply to both versions.
    var shared: [AttributeName: AttributeValue] = [:]
    for key in Attributes.exampleSettings {
      if let s = ExampleAssembler.setting(key, in: blocks, &state) { shared[key] = s }
    }
    func withShared(_ part: [ExampleBlock]) -> [ExampleBlock] {
      part.enumerated().map { i, block in
        var block = block
        block.settings = i == 0 ? shared : [:]
        return block
      }
    }
    guard var starter = ExampleAssembler.assemble(starterName, withShared(starterBlocks), &state),
      var solution = ExampleAssembler.assemble(name, withShared(solutionBlocks), &state)
    else { return nil }
    starter.exercise = ExercisePart(.starter, of: name)
    solution.exercise = ExercisePart(.solution, of: name)
    state.exercises.append(
      Exercise(name: name, location: first.fence, starterLocation: firstStarter.fence))
    return (starter, solution)
  }
}

extension Message {
  static func exerciseBlockNeedsVersion(_ name: String) -> Message {
    Message(
      "lesson.exercise.block-needs-version",
      "example '\(name)' is an exercise, so each of its blocks says whether it is the starter or the solution: add starter or solution"
    )
  }

  static let exerciseBlockHidden = Message(
    "lesson.exercise.hidden",
    "an exercise's blocks cannot be hidden: the starter is the reader's to see, and the solution is never shown"
  )

  static func exerciseNotRun(_ key: String) -> Message {
    Message(
      "lesson.exercise.not-run",
      "an exercise is run and judged on its goals, so it cannot be \(key)")
  }

  static let exerciseSeveralSettings = Message(
    "lesson.exercise.several-settings",
    "an exercise is built under one setting, so that the reader's answer is judged once: name one in settings="
  )

  static func exerciseStarterNameTaken(_ starter: String, of name: String, at line: Int)
    -> Message
  {
    Message(
      "lesson.exercise.starter-name-taken",
      "example '\(starter)' has the name of the starter of exercise '\(name)' (line \(line)): rename it"
    )
  }

  static func exerciseMissingVersion(
    _ name: String, _ missing: String, language: Example.Language
  ) -> Message {
    Message(
      "lesson.exercise.missing-version",
      "exercise '\(name)' has no \(missing): write a block \(language.rawValue) example=\(name) \(missing)"
    )
  }
}
