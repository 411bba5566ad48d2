/// Gives each claim the settings of the examples it names, and the platforms it holds on:
/// a claim about an example that runs on some platforms only holds there only.
enum ClaimAssembler {
  /// Completes the lesson's claims, then its goals judged on starters.
  static func complete(examples: [Example], _ state: inout ParseState) {
    for i in state.claims.indices {
      var claim = state.claims[i]
      complete(&claim, examples: examples, &state)
      state.claims[i] = claim
    }
    for i in state.goals.indices {
      var claim = state.goals[i].onStarter
      complete(&claim, examples: examples, &state)
      state.goals[i].onStarter = claim
    }
  }

  static func complete(_ claim: inout Claim, examples: [Example], _ state: inout ParseState) {
    claim.settings = claim.examples.compactMap { name in
      examples.first { $0.name == name }?.setting.name
    }
    var platforms = claim.platforms
    for name in claim.examples {
      guard let only = examples.first(where: { $0.name == name })?.platforms else { continue }
      platforms = (platforms ?? only).filter(only.contains)
      if platforms?.isEmpty == true {
        state.error(.claimHoldsNowhere(claim.text, name, only), at: claim.location)
      }
    }
    claim.platforms = platforms
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
