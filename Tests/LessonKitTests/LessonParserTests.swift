import Testing

@testable import LessonKit

@Suite struct LessonParserTests {
  @Test func readsExamplesOutputsAndClaims() throws {
    let l = try lesson(
      """
      # Two stones

      \(fence)swift setup=clock
      let start = 0
      \(fence)

      \(fence)swift example=throw uses=clock runs=3 timeout=5s
      print("up")
      \(fence)

      Both land in [about 2 s](claim:throw).

      \(fence)swift example=throw hidden
      print("down")
      \(fence)

      \(fence)output example=throw unordered
      up
      down
      \(fence)
      """)
    #expect(l.number == 9)
    #expect(l.slug == "test")
    #expect(l.title == "Two stones")
    let e = try #require(l.examples.first)
    #expect(l.examples.count == 1)
    #expect(e.runs == 3)
    #expect(e.timeout == .seconds(5))
    #expect(e.chunks.map(\.role) == [.setup, .code, .hidden])
    #expect(e.chunks.map(\.location.line) == [4, 8, 14])
    #expect(e.expectedOutput?.unordered == true)
    #expect(
      l.claims.first?.location == SourceLocation(file: "lessons/09-test.md", line: 11, column: 14))
  }

  @Test func unknownAttributePointsAtItsColumn() {
    let d = errors("# T\n\n\(fence)swift example=a colour=red\nprint(1)\n\(fence)\n")
    #expect(d.count == 1)
    #expect(d.first?.location == SourceLocation(file: "lessons/09-test.md", line: 3, column: 20))
    #expect(d.first?.id == "lesson.attribute.unknown")
    #expect(d.first?.message.contains("unknown attribute 'colour'") == true)
  }

  @Test(arguments: ["timeout=abc", "timeout=5", "timeout=-2s", "runs=0", "runs=x", "needs=Vapor"])
  func badSettingsAreErrors(_ attribute: String) {
    let d = errors("# T\n\n\(fence)swift example=a \(attribute)\nprint(1)\n\(fence)\n")
    #expect(d.count == 1)
    #expect(d.first?.location.line == 3)
  }

  @Test func outputOrClaimForUnknownExample() {
    let d = errors(
      "# T\n\n\(fence)output example=ghost\nx\n\(fence)\n\nIt takes [about 1 s](claim:nobody).\n")
    #expect(d.map(\.location.line) == [3, 7])
    #expect(d.map(\.id) == ["lesson.expected.no-such-example", "lesson.claim.no-example"])
    #expect(d[0].message.contains("'ghost'"))
    #expect(d[1].message.contains("'nobody'"))
  }

  @Test func unterminatedFenceIsReported() {
    let d = errors("# T\n\n\(fence)swift example=a\nprint(1)\n\nmore prose\n")
    #expect(d.count == 1)
    #expect(d.first?.location.line == 3)
    #expect(d.first?.id == "lesson.fence.not-closed")
  }

  @Test func duplicatesAreErrors() {
    let twoSetups = errors(
      "# T\n\n\(fence)swift setup=s\nlet a = 1\n\(fence)\n\n\(fence)swift setup=s\nlet b = 1\n\(fence)\n\n\(fence)swift example=e uses=s\nprint(a)\n\(fence)\n"
    )
    #expect(twoSetups.map(\.id) == ["lesson.setup.defined-twice"])
    let twoOutputs = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n\(fence)output example=a\n1\n\(fence)\n\n\(fence)output example=a\n1\n\(fence)\n"
    )
    #expect(twoOutputs.map(\.id) == ["lesson.expected.twice"])
    let clash = errors(
      "# T\n\n\(fence)swift example=a timeout=1s\nprint(1)\n\(fence)\n\n\(fence)swift example=a timeout=2s\nprint(2)\n\(fence)\n"
    )
    #expect(clash.map(\.id) == ["lesson.attribute.differs-between-blocks"])
  }

  @Test func swiftBlockMustSayWhatItIs() {
    let d = errors("# T\n\n\(fence)swift\nprint(1)\n\(fence)\n")
    #expect(d.map(\.id) == ["lesson.swift-block.no-role"])
    #expect(errors("# T\n\n\(fence)swift fragment\nfunc f()\n\(fence)\n").isEmpty)
  }

  @Test func compileFailNeedsDiagnosticBlock() {
    let d = errors("# T\n\n\(fence)swift example=racy compile-fail\nlet x: Int = \"\"\n\(fence)\n")
    #expect(d.map(\.id) == ["lesson.example.compile-fail-needs-diagnostic"])
    #expect(d.first?.message.contains("diagnostic example=racy") == true)
  }

  @Test func claimOnCompileOnlyExampleIsAnError() {
    let d = errors(
      "# T\n\n\(fence)swift example=a compile-only\nprint(1)\n\(fence)\n\nIn [about 1 s](claim:a).\n"
    )
    #expect(d.map(\.id) == ["lesson.claim.example-never-run"])
  }

  @Test func setupsMayUseOtherSetupsOnceEach() throws {
    let l = try lesson(
      """
      # T

      \(fence)swift setup=loop uses=helpers
      let loop = 1
      \(fence)

      \(fence)swift setup=helpers
      let helper = 1
      \(fence)

      \(fence)swift example=a uses=helpers,loop
      print(loop, helper)
      \(fence)
      """)
    #expect(l.examples[0].chunks.map(\.setupName) == ["helpers", "loop", nil])
    let circle = errors(
      "# T\n\n\(fence)swift setup=a uses=b\nlet a = 1\n\(fence)\n\n\(fence)swift setup=b uses=a\nlet b = 1\n\(fence)\n\n\(fence)swift example=x uses=a\nprint(1)\n\(fence)\n"
    )
    #expect(circle.first?.id == "lesson.setup.circle")
  }

  @Test func missingTitle() {
    #expect(errors("no heading\n").map(\.id) == ["lesson.title.missing"])
  }

  @Test func otherLanguagesAreProse() throws {
    let l = try lesson(
      "# T\n\n\(fence)text\nanything=goes\n\(fence)\n\n    indented swift-looking code\n")
    #expect(l.examples.isEmpty)
  }

  @Test func draftNamesHaveNoNumber() {
    #expect(LessonParser.numberAndSlug("03-event-loop.md") == (3, "event-loop"))
    #expect(LessonParser.numberAndSlug("My Draft.md") == (nil, "my-draft"))
  }
}

@Suite struct PlatformTests {
  @Test func anExampleNamesThePlatformsItRunsOnAndItsClaimsHoldThereOnly() throws {
    let l = try lesson(
      """
      # P

      ```swift example=ids platforms=linux
      print(1)
      ```

      It takes [under 1 s](claim:ids), and [under 1 s](claim:ids "on Linux").
      """)
    #expect(l.examples[0].platforms == [.linux])
    #expect(l.claims.map(\.platforms) == [[.linux], [.linux]])
  }

  @Test func anExampleThatReadsProcMustSayItRunsOnLinuxOnly() throws {
    let source = """
      # P

      ```swift example=tid
      import Foundation
      print(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"))
      ```
      """
    #expect(
      errors(source).map(\.description) == [
        "lessons/09-test.md:3:1: error: example 'tid' uses /proc, which only Linux has: say platforms=linux on it"
      ])
    #expect(
      errors(
        source.replacingOccurrences(of: "example=tid", with: "example=tid platforms=linux,macos")
      )
      .count == 1)
    let fixed = try lesson(
      source.replacingOccurrences(of: "example=tid", with: "example=tid platforms=linux"))
    #expect(fixed.examples[0].platforms == [.linux])
  }

  @Test func aPlatformNoneCouldRunOnIsAnErrorAtItsPlace() {
    let bad = errors(
      """
      # P

      ```swift example=a platforms=linux,beos
      print(1)
      ```

      ```swift example=b platforms=linux
      print(1)
      ```

      It takes [under 1 s](claim:b "on macOS").
      """)
    #expect(
      bad.map(\.description) == [
        "lessons/09-test.md:3:20: error: unknown platform 'beos' in platforms=; the book knows Linux, macOS",
        "lessons/09-test.md:11:10: error: claim 'under 1 s' holds on no platform: example 'b' runs on Linux only",
      ])
  }
}
