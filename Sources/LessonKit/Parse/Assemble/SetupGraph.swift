/// The setups' graph: which setups a `uses=` list brings in, in order, and whether each
/// name in it is a setup.
enum SetupGraph {
  /// The setups `names` brings in, each after the setups it uses in turn, each once.
  static func setups(included names: [String], _ setups: [String: SetupBlock]) -> [String] {
    var included: [String] = []
    func visit(_ name: String, chain: [String]) {
      guard !included.contains(name), !chain.contains(name), let setup = setups[name] else {
        return
      }
      for inner in setup.usedNames { visit(inner, chain: chain + [name]) }
      if !included.contains(name) { included.append(name) }
    }
    for name in names { visit(name, chain: []) }
    return included
  }

  /// Whether `name` in a `uses=` list names a setup; reports it if not, unless the setup is
  /// already reported as broken.
  @discardableResult
  static func checkUsedName(
    _ name: String, by user: String, at: SourceLocation, _ state: inout ParseState
  ) -> Bool {
    if state.setupBlocks[name] != nil { return true }
    if state.broken.setups.contains(name) { return false }
    if !isValidName(name) {
      state.error(.usesInvalidName(name), at: at)
    } else if state.exampleBlocks.contains(where: { $0.name == name })
      || state.broken.examples.contains(name)
    {
      state.error(.usesNamesExample(user, name), at: at)
    } else {
      state.error(.usesUnknownSetup(user, name), at: at)
    }
    return false
  }
}

extension Message {
  static func usesInvalidName(_ name: String) -> Message {
    Message(
      "lesson.uses.invalid-name",
      "'\(name)' in uses= is not a valid name: list setup names separated by commas, as in uses=A,B"
    )
  }

  static func usesNamesExample(_ user: String, _ name: String) -> Message {
    Message(
      "lesson.uses.names-example",
      "\(user) uses '\(name)', which is an example; uses= names setup blocks")
  }

  static func usesUnknownSetup(_ user: String, _ name: String) -> Message {
    Message(
      "lesson.uses.unknown-setup",
      "\(user) uses setup '\(name)', which no block defines (setup=\(name))")
  }
}
