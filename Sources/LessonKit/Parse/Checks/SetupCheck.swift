/// Every setup's `uses=` names setups, the setups use each other in no circle, and every
/// setup is used: checked whether or not an example uses the setup. A setup with an error
/// of its own is not reported as unused too.
enum SetupCheck {
  static func check(_ state: inout ParseState) {
    let ordered = state.setupBlocks.values.sorted { $0.fence.line < $1.fence.line }
    var faulty: Set<String> = []
    for setup in ordered {
      guard let uses = setup.uses else { continue }
      for name in setup.usedNames
      where !SetupGraph.checkUsedName(name, by: "setup '\(setup.name)'", at: uses.at, &state) {
        faulty.insert(setup.name)
      }
    }
    faulty.formUnion(reportCircles(ordered, &state))
    // A setup no example uses is never compiled, though the page shows it.
    let named = state.exampleBlocks.flatMap { $0.settings[.uses].map { splitList($0.value) } ?? [] }
    let used = Set(SetupGraph.setups(included: named + state.broken.uses, state.setupBlocks))
    for setup in ordered where !used.contains(setup.name) && !faulty.contains(setup.name) {
      state.error(.setupUnused(setup.name), at: setup.nameAt)
    }
  }

  /// Circles: each reported once, at the `uses=` that closes it. Returns the setups in them.
  static func reportCircles(_ ordered: [SetupBlock], _ state: inout ParseState) -> Set<String> {
    var faulty: Set<String> = []
    var done: Set<String> = []
    var reported: Set<Set<String>> = []
    func visit(_ name: String, chain: [String], state: inout ParseState) {
      guard let setup = state.setupBlocks[name] else { return }
      for used in setup.usedNames where state.setupBlocks[used] != nil {
        if let start = chain.firstIndex(of: used) {
          let circle = Array(chain[start...]) + [used]
          faulty.formUnion(circle)
          if reported.insert(Set(circle)).inserted, let at = setup.uses?.at {
            state.error(.setupCircle(circle), at: at)
          }
        } else if !done.contains(used) {
          visit(used, chain: chain + [used], state: &state)
        }
      }
      done.insert(name)
    }
    for setup in ordered where !done.contains(setup.name) {
      visit(setup.name, chain: [setup.name], state: &state)
    }
    return faulty
  }
}

extension Message {
  static func setupCircle(_ circle: [String]) -> Message {
    Message(
      "lesson.setup.circle",
      "setups use each other in a circle: \(circle.joined(separator: " → "))")
  }

  static func setupUnused(_ name: String) -> Message {
    Message(
      "lesson.setup.unused",
      "setup '\(name)' is used by no example, so it is never compiled: name it in an example's uses=, or make the block a fragment"
    )
  }
}
