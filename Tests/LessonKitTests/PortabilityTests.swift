import Testing

@testable import LessonKit

/// An example that uses `/proc` or `prctl` says `platforms=linux`, unless every such line is
/// in the Linux branch of an `#if os(Linux)` that has a branch for the other platforms.
@Suite struct PortabilityTests {
  func source(_ code: String) -> String {
    "# P\n\n\(fence)swift example=tid\nimport Foundation\n\(code)\n\(fence)\n"
  }

  @Test func aLinuxBranchBesideADarwinBranchNeedsNoPlatforms() throws {
    let portable = try lesson(
      source(
        """
        #if os(Linux)
        print(try String(contentsOfFile: "/proc/self/stat", encoding: .utf8))
        _ = prctl(PR_SET_NAME, 0)
        #else
        print(ProcessInfo.processInfo.processIdentifier)
        #endif
        """))
    #expect(portable.examples[0].platforms == nil)
  }

  @Test func aNestedConditionInsideTheLinuxBranchIsStillInIt() throws {
    let portable = try lesson(
      source(
        """
        #if os(Linux)
          #if DEBUG
          print(try String(contentsOfFile: "/proc/self/stat", encoding: .utf8))
          #endif
        #elseif os(macOS)
        print(1)
        #endif
        """))
    #expect(portable.examples[0].platforms == nil)
  }

  @Test(arguments: [
    // No branch for the other platforms: elsewhere the example prints nothing of its point.
    "#if os(Linux)\nprint(\"/proc/self\")\n#endif",
    // The use is in the other branch.
    "#if os(Linux)\nprint(1)\n#else\nprint(\"/proc/self\")\n#endif",
    // The use is after the region.
    "#if os(Linux)\nprint(1)\n#else\nprint(2)\n#endif\nprint(\"/proc/self\")",
    // Another condition is not Linux.
    "#if canImport(Darwin)\nprint(1)\n#else\nprint(\"/proc/self\")\n#endif",
    // An `#if` never closed.
    "#if os(Linux)\nprint(\"/proc/self\")\n#else\nprint(1)",
  ])
  func aUseOutsideAGuardedLinuxBranchMustSayPlatforms(_ code: String) {
    let d = errors(source(code))
    #expect(d.map(\.id) == ["lesson.example.linux-only"])
    #expect(d.first?.location == SourceLocation(file: "lessons/09-test.md", line: 3))
  }

  @Test func prctlIsNamedWhenOnlyItIsUnguarded() {
    let d = errors(
      source(
        "#if os(Linux)\nprint(\"/proc/self\")\n#else\nprint(1)\n#endif\n_ = prctl(PR_SET_NAME, 0)"
      ))
    #expect(d.map(\.id) == ["lesson.example.linux-only"])
    #expect(d.first?.message.contains("uses prctl,") == true)
  }
}
