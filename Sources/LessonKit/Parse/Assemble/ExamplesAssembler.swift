/// The assemble stage for examples: groups the example blocks by name into examples (an
/// exercise into its starter and solution, an example under several settings into one
/// build per setting), and gives each its expected blocks.
enum ExamplesAssembler {
  static func assemble(_ state: inout ParseState) -> [Example] {
    var order: [String] = []
    var grouped: [String: [ExampleBlock]] = [:]
    for block in state.exampleBlocks where !state.broken.examples.contains(block.name) {
      if grouped[block.name] == nil { order.append(block.name) }
      grouped[block.name, default: []].append(block)
    }
    for setup in state.setupBlocks.values.sorted(by: { $0.fence.line < $1.fence.line })
    where grouped[setup.name] != nil || state.broken.examples.contains(setup.name) {
      state.error(.setupNamesExample(setup.name), at: setup.nameAt)
    }
    var examples: [Example] = []
    for name in order {
      guard let blocks = grouped[name], !blocks.isEmpty else { continue }
      if blocks.contains(where: { $0.version != nil }) {
        if let (starter, solution) = ExerciseAssembler.assemble(
          name, blocks, others: grouped, &state)
        {
          examples += [starter, solution]
        } else {
          state.broken.examples.insert(name)
        }
      } else if let example = ExampleAssembler.assemble(name, blocks, &state) {
        if let plan = state.variantPlans[name] {
          examples += plan.map { setting, fails in
            var variant = example
            variant.name = Example.variantName(name, setting.name)
            variant.setting = setting
            variant.mode = fails ? .compileFail : example.mode == .compileFail ? .run : example.mode
            return variant
          }
        } else {
          examples.append(example)
        }
      } else {
        state.broken.examples.insert(name)
      }
    }
    ExpectedAttacher.attach(to: &examples, &state)
    for exercise in state.exercises {
      // The starter is judged against the same expected text as the solution.
      guard let solution = examples.first(where: { $0.name == exercise.name }),
        let s = examples.firstIndex(where: { $0.name == exercise.starterName })
      else { continue }
      examples[s].expectedOutput = solution.expectedOutput
      examples[s].expectedStderr = solution.expectedStderr
    }
    ExampleModeCheck.check(examples, &state)
    return examples
  }
}

extension Message {
  static func setupNamesExample(_ name: String) -> Message {
    Message("lesson.setup.names-example", "'\(name)' names both a setup and an example")
  }
}
