import CommonMark
import Testing

@testable import LessonKit

/// The parser hands on every fenced block with what it is, so that no later stage reads an
/// info string again.
@Suite struct BlockListTests {
  @Test func everyFencedBlockHasTheRoleTheParserFound() throws {
    let fence = "```"
    let source = """
      # Blocks

      \(fence)swift setup=clock
      let start = 1
      \(fence)

      \(fence)swift example=tick uses=clock
      print(start)
      \(fence)

      \(fence)output example=tick
      1
      \(fence)

      \(fence)swift fragment
      let shownOnly = true
      \(fence)

      \(fence)text
      just prose
      \(fence)

          indented code is no fenced block

      \(fence)swift example=pace starter
      print("slow")
      \(fence)

      \(fence)swift example=pace solution
      print("fast")
      \(fence)

      \(fence)output example=pace
      fast
      \(fence)

      \(fence)hint example=pace
      Print sooner.
      \(fence)

      It ticks in [under 1 s](claim:tick).
      """
    let lesson = try LessonParser.parse(source: source, path: "b.md", fileName: "b.md")
    #expect(
      lesson.blocks.map(\.role) == [
        .setup(name: "clock"), .example(name: "tick", version: nil), .output(example: "tick"),
        .fragment, .prose, .example(name: "pace", version: .starter),
        .example(name: "pace", version: .solution), .output(example: "pace"),
        .hint(exercise: "pace"),
      ])
    #expect(
      lesson.blocks.map(\.language).prefix(5) == ["swift", "swift", "output", "swift", "text"])
    #expect(lesson.blocks.filter(\.isSolution).map(\.fence.line) == [29])
    // Every fenced node of the tree is found by where it starts; the indented one is not.
    let codeNodes = lesson.document.descendants.filter {
      if case .codeBlock = $0.kind { return true }
      return false
    }
    #expect(codeNodes.count == 10)
    #expect(codeNodes.compactMap { lesson.block(at: $0.start) } == lesson.blocks)
  }
}
