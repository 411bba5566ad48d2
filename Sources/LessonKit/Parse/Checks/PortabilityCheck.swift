/// An example whose code reads `/proc` or calls `prctl` must say it runs on Linux only:
/// elsewhere it would fail for a reason that has nothing to do with its lesson. Code that
/// keeps those lines in the Linux branch of `#if os(Linux)` … `#else` … `#endif`, with a
/// branch for the other platforms beside it, runs everywhere and need not say so.
enum PortabilityCheck {
  /// What only Linux has, which an example may use only if it runs on Linux alone.
  static let linuxOnly = [(code: "/proc/", name: "/proc"), (code: "prctl(", name: "prctl")]

  static func check(_ examples: [Example], _ state: inout ParseState) {
    var reported: Set<String> = []
    for example in examples where example.platforms != [.linux] {
      guard !reported.contains(example.family),
        let used = linuxOnly.first(where: { word in
          example.chunks.contains { unguardedUse(of: word.code, in: $0.code) }
        })
      else { continue }
      reported.insert(example.family)
      state.error(.linuxOnly(example.family, used.name), at: example.location)
    }
  }

  /// Whether a line of `code` that uses `word` lies outside the Linux branch of an
  /// `#if os(Linux)` that has an `#else` or `#elseif` beside it.
  static func unguardedUse(of word: String, in code: String) -> Bool {
    guard code.contains(word) else { return false }
    /// An open `#if`: whether it is `#if os(Linux)` and is still in that branch, whether it
    /// has another branch, and whether a use sits in its Linux branch.
    struct Conditional {
      var isLinux: Bool
      var inLinuxBranch: Bool
      var hasOtherBranch = false
      var guardsUse = false
    }
    var open: [Conditional] = []
    for line in LessonSource.lines(code) {
      let text = line.trimmingSpaces
      if text.hasPrefix("#if") && !text.hasPrefix("#ifdef") {
        let condition = text.dropFirst(3).prefix { $0 != "/" }.trimmingSpaces
        let isLinux = condition == "os(Linux)"
        open.append(Conditional(isLinux: isLinux, inLinuxBranch: isLinux))
      } else if text.hasPrefix("#else") || text.hasPrefix("#elseif"), !open.isEmpty {
        open[open.count - 1].inLinuxBranch = false
        open[open.count - 1].hasOtherBranch = true
      } else if text.hasPrefix("#endif"), let closed = open.popLast() {
        if closed.guardsUse && !closed.hasOtherBranch { return true }
      } else if line.contains(word) {
        guard let index = open.lastIndex(where: \.inLinuxBranch) else { return true }
        open[index].guardsUse = true
      }
    }
    // An `#if` never closed guards nothing.
    return open.contains(where: \.guardsUse)
  }
}

extension Message {
  static func linuxOnly(_ family: String, _ used: String) -> Message {
    Message(
      "lesson.example.linux-only",
      "example '\(family)' uses \(used), which only Linux has: say platforms=linux on it")
  }
}
