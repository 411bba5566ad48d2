/// An example whose code reads `/proc` or calls `prctl` must say it runs on Linux only:
/// elsewhere it would fail for a reason that has nothing to do with its lesson.
enum PortabilityCheck {
  /// What only Linux has, which an example may use only if it runs on Linux alone.
  static let linuxOnly = [(code: "/proc/", name: "/proc"), (code: "prctl(", name: "prctl")]

  static func check(_ examples: [Example], _ state: inout ParseState) {
    var reported: Set<String> = []
    for example in examples where example.platforms != [.linux] {
      guard !reported.contains(example.family),
        let used = linuxOnly.first(where: { word in
          example.chunks.contains { $0.code.contains(word.code) }
        })
      else { continue }
      reported.insert(example.family)
      state.error(.linuxOnly(example.family, used.name), at: example.location)
    }
  }
}

extension Message {
  static func linuxOnly(_ family: String, _ used: String) -> Message {
    Message(
      "lesson.example.linux-only",
      "example '\(family)' uses \(used), which only Linux has: say platforms=linux on it")
  }
}
