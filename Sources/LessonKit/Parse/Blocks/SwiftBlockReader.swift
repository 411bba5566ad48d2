/// A swift block: an example (or a version of an exercise), a setup, or a fragment.
enum SwiftBlockReader {
  static func read(_ fence: Fence, _ attributes: BlockAttributes, into state: inout ParseState) {
    let info = fence.info
    if attributes.broken { state.broken.markNames(of: info) }
    var broken = attributes.broken
    // The roles the block claims, in the order the info string gives them.
    let roles = SwiftRole.allCases.filter { attributes.wrote($0.attribute) != nil }
      .sorted {
        (attributes.wrote($0.attribute)?.column ?? 0)
          < (attributes.wrote($1.attribute)?.column ?? 0)
      }
    guard let role = roles.first else {
      if !broken { state.error(.swiftBlockHasNoRole, at: fence.at) }
      return
    }
    if roles.count > 1 {
      let second = roles[1]
      state.error(
        .swiftBlockHasTwoRoles(role, second.attribute.rawValue),
        at: attributes.wrote(second.attribute) ?? fence.at)
      broken = true
    } else {
      for (key, value) in attributes.values.sorted(by: { $0.value.at.column < $1.value.at.column })
      {
        guard let spec = Attributes.byName[key.rawValue], !spec.roles.contains(role) else {
          continue
        }
        state.error(.attributeNotForRole(key.rawValue, role), at: value.at)
        broken = true
      }
    }
    switch role {
    case .example, .setup:
      // No name: its value was missing, and that is reported.
      guard let name = attributes[role.attribute] else { return }
      guard BlockReader.checkName(name.value, at: name.at, &state) else { return }
      if broken {
        state.broken.markNames(of: info)
        return
      }
      if role == .example {
        guard let version = exerciseVersion(attributes, &state) else {
          state.broken.markNames(of: info)
          return
        }
        state.exampleBlocks.append(
          ExampleBlock(
            name: name.value, fence: fence.at, chunk: fence.chunk,
            hidden: attributes[.hidden] != nil, settings: attributes.exampleSettings,
            version: version))
      } else if let earlier = state.setupBlocks[name.value] {
        state.error(.setupDefinedTwice(name.value, firstAt: earlier.fence.line), at: name.at)
      } else {
        var chunk = fence.chunk
        chunk.role = .setup
        chunk.setupName = name.value
        state.setupBlocks[name.value] = SetupBlock(
          name: name.value, nameAt: name.at, fence: fence.at, chunk: chunk,
          uses: attributes[.uses])
      }
    case .fragment:
      break
    }
  }

  /// Whether an example block is part of an exercise, and which version: nil inside when it
  /// is an ordinary example; nil outside when the block says both (reported).
  static func exerciseVersion(_ attributes: BlockAttributes, _ state: inout ParseState)
    -> (ExercisePart.Version, SourceLocation)??
  {
    switch (attributes[.starter], attributes[.solution]) {
    case (let starter?, let solution?):
      state.error(.starterAndSolution, at: later(starter.at, solution.at))
      return nil
    case (let starter?, nil): return .some((.starter, starter.at))
    case (nil, let solution?): return .some((.solution, solution.at))
    case (nil, nil): return .some(nil)
    }
  }
}

extension Message {
  static let swiftBlockHasNoRole = Message(
    "lesson.swift-block.no-role",
    "a swift block must be an example (example=NAME), a setup (setup=NAME) or a fragment that is never compiled (fragment)"
  )

  static func swiftBlockHasTwoRoles(_ role: SwiftRole, _ second: String) -> Message {
    Message(
      "lesson.swift-block.two-roles",
      "a swift block is one of: an example, a setup, a fragment; this one is \(role.phrase) and also says '\(second)'"
    )
  }

  static func attributeNotForRole(_ key: String, _ role: SwiftRole) -> Message {
    Message("lesson.attribute.not-for-role", "'\(key)' does not apply to \(role.phrase)")
  }

  static func setupDefinedTwice(_ name: String, firstAt line: Int) -> Message {
    Message(
      "lesson.setup.defined-twice", "setup '\(name)' is defined twice (first at line \(line))")
  }

  static let starterAndSolution = Message(
    "lesson.exercise.starter-and-solution",
    "a block is an exercise's starter or its solution, not both: keep one")
}
