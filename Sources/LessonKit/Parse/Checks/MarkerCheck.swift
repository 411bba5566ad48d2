/// A lesson that says it checks nothing must check nothing.
enum MarkerCheck {
  static func check(_ state: inout ParseState) {
    guard let marker = state.marker else { return }
    let exampleCount = Set(state.exampleBlocks.map(\.name)).union(state.broken.examples).count
    if exampleCount > 0 || state.claimLinks > 0 {
      state.error(.markerButChecks(examples: exampleCount, claims: state.claimLinks), at: marker)
    }
  }
}

extension Message {
  static func markerButChecks(examples: Int, claims: Int) -> Message {
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    return Message(
      "lesson.marker.checks-something",
      "this lesson says it checks nothing, but it has \(plural(examples, "example")) and \(plural(claims, "claim")): remove the marker"
    )
  }
}
