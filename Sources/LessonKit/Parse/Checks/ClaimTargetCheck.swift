/// Every example a claim names is one that runs: it exists, under the setting the claim
/// names, and is not compile-only or compile-fail.
enum ClaimTargetCheck {
  static func check(_ examples: [Example], _ state: inout ParseState) {
    for claim in state.claims {
      for name in claim.examples {
        let family = Example.family(of: name)
        if state.broken.examples.contains(family) { continue }
        guard let example = examples.first(where: { $0.name == name }) else {
          let builds = examples.filter { $0.isVariant && $0.family == family }
          let single = examples.first { $0.name == family }
          if let first = builds.first {
            let names = builds.map(\.setting.name).joined(separator: ", ")
            state.error(
              name == family
                ? .claimNeedsSetting(claim.text, name, names, first.name)
                : .claimSettingNotBuilt(claim.text, name, family, names), at: claim.location)
          } else if let single {
            state.error(
              .claimNamesOneSetting(claim.text, name, family, single.setting.name),
              at: claim.location)
          } else {
            state.error(.claimNoExample(claim.text, name), at: claim.location)
          }
          continue
        }
        if example.mode != .run {
          state.error(.claimExampleNeverRun(claim.text, name), at: claim.location)
        }
      }
    }
  }
}

extension Message {
  static func claimNeedsSetting(_ text: String, _ name: String, _ names: String, _ first: String)
    -> Message
  {
    Message(
      "lesson.claim.needs-setting",
      "claim '\(text)' names example '\(name)', which is built under several settings (\(names)): name the one it is about, as claim:\(first)"
    )
  }

  static func claimSettingNotBuilt(
    _ text: String, _ name: String, _ family: String, _ names: String
  ) -> Message {
    Message(
      "lesson.claim.setting-not-built",
      "claim '\(text)' names example '\(name)', but '\(family)' is not built under that setting; its settings are \(names)"
    )
  }

  static func claimNamesOneSetting(
    _ text: String, _ name: String, _ family: String, _ setting: String
  ) -> Message {
    Message(
      "lesson.claim.one-setting",
      "claim '\(text)' names example '\(name)', but '\(family)' is built under one setting (\(setting)): name it claim:\(family)"
    )
  }

  static func claimNoExample(_ text: String, _ name: String) -> Message {
    Message(
      "lesson.claim.no-example",
      "claim '\(text)' names example '\(name)', which no swift block defines")
  }

  static func claimExampleNeverRun(_ text: String, _ name: String) -> Message {
    Message(
      "lesson.claim.example-never-run",
      "claim '\(text)' names example '\(name)', which is never run")
  }
}
