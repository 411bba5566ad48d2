/// Gives each claim the settings of the examples it names, and the platforms it holds on:
/// a claim about an example that runs on some platforms only holds there only.
enum ClaimAssembler {
  static func complete(examples: [Example], _ state: inout ParseState) {
    for i in state.claims.indices {
      state.claims[i].settings = state.claims[i].examples.compactMap { name in
        examples.first { $0.name == name }?.setting.name
      }
      var platforms = state.claims[i].platforms
      for name in state.claims[i].examples {
        guard let only = examples.first(where: { $0.name == name })?.platforms else { continue }
        platforms = (platforms ?? only).filter(only.contains)
        if platforms?.isEmpty == true {
          state.error(
            .claimHoldsNowhere(state.claims[i].text, name, only), at: state.claims[i].location)
        }
      }
      state.claims[i].platforms = platforms
    }
  }
}

extension Message {
  static func claimHoldsNowhere(_ text: String, _ name: String, _ only: [Platform]) -> Message {
    Message(
      "lesson.claim.no-platform",
      "claim '\(text)' holds on no platform: example '\(name)' runs on \(Platform.words(only)) only"
    )
  }
}
