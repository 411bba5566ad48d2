import Foundation
import Testing

@testable import LessonKit

/// Tangling a fixture lesson must give exactly the committed golden files.
/// Re-record them with `RECORD_GOLDEN=1 swift test --filter TanglerTests`.
@Suite struct TanglerTests {
  let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")

  func fixture() throws -> Lesson {
    let source = try String(
      contentsOf: golden.appendingPathComponent("09-golden.md"), encoding: .utf8)
    return try LessonParser.parse(
      source: source, path: "lessons/09-golden.md", fileName: "09-golden.md")
  }

  func compare(_ text: String, golden name: String) throws {
    let url = golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "\(name) differs from the golden file")
  }

  @Test func examplesMatchGoldenFiles() throws {
    let lesson = try fixture()
    let files = Tangler.files(for: lesson)
    #expect(
      files.map(\.path) == [
        "Sources/Lessons/09-golden/wait/main.swift",
        "Sources/Lessons/09-golden/nio-only/main.swift",
        "Sources/Lessons/09-golden/compile-fail/racy.swift",
        "Sources/Lessons/09-golden/Lesson09/main.swift",
      ])
    for file in files {
      try compare(
        file.contents,
        golden: file.path.split(separator: "/").suffix(2).joined(separator: "-") + ".golden")
    }
    try compare(try #require(Tangler.manifest(for: [lesson])), golden: "Package.swift.golden")
  }

  @Test func theLineTableMapsTangledLinesToTheLesson() throws {
    let lesson = try fixture()
    let source = Tangler.source(of: lesson.examples[0], in: lesson)
    // No lesson line numbers in the compiled code: a prose edit changes no source.
    #expect(!source.contains("#sourceLocation"))
    #expect(source.contains("edit the lesson, not this file"))
    let table = Tangler.lineTable(for: lesson)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    let file = "/somewhere/Sources/Lessons/09-golden/wait/main.swift"
    // Each chunk's first line maps to the line after its fence in the lesson.
    let firstOf = { (code: String) in (lines.firstIndex { $0 == code } ?? -1) + 1 }
    #expect(
      table.location(file: file, line: firstOf("import Foundation"), column: 3)
        == SourceLocation(file: "lessons/09-golden.md", line: 4, column: 3))
    #expect(
      table.location(
        file: file, line: firstOf("try await Task.sleep(for: .milliseconds(10))"), column: 1)?.line
        == 9)
    #expect(table.location(file: file, line: 1, column: 1) == nil)
    #expect(
      table.location(
        file: "Lesson09Wait/main.swift", line: firstOf("import Foundation"), column: 1)?.line == 4)
  }

  @Test func prosePushingCodeDownChangesNoSource() throws {
    let lesson = try fixture()
    let moved = try LessonParser.parse(
      source: "A new sentence of prose.\n\n" + lesson.source, path: lesson.path,
      fileName: "09-golden.md")
    let before = Tangler.files(for: lesson).filter { $0.path.hasSuffix(".swift") }
    let after = Tangler.files(for: moved).filter { $0.path.hasSuffix(".swift") }
    #expect(before == after)
    #expect(Tangler.lineTable(for: moved) != Tangler.lineTable(for: lesson))
  }

  @Test func onlyExamplesThatImportALibraryArePackaged() throws {
    let lesson = try fixture()
    let manifest = try #require(Tangler.manifest(for: [lesson]))
    // `wait` imports only Foundation: swiftc builds it, and the package never names it.
    #expect(!manifest.contains("Lesson09Wait"))
    #expect(manifest.contains("name: \"Lesson09NioOnly\""))
    #expect(manifest.contains("dependencies: [\"Lesson09NioOnly\"]"))
    let plain = try LessonParser.parse(
      source: "# T\n\n```swift example=a\nprint(1)\n```\n", path: "lessons/07-t.md",
      fileName: "07-t.md")
    #expect(Tangler.manifest(for: [plain]) == nil)
    #expect(!Tangler.files(for: plain).contains { $0.path.contains("Lesson07/") })
  }

  @Test func packagesComeFromTheOneLibraryTable() throws {
    let lesson = try LessonParser.parse(
      source: """
        # T

        ```swift example=a needs=Hummingbird,NIOCore
        print(1)
        ```

        ```swift example=b needs=AsyncHTTPClient,NIOPosix
        print(2)
        ```
        """, path: "lessons/07-t.md", fileName: "07-t.md")
    let region = try #require(Tangler.manifest(for: [lesson]))
    let packageLines = region.split(separator: "\n").filter { $0.contains(".package(url:") }
    // Each package once, whatever number of its products are needed, in a stable order.
    #expect(
      packageLines == [
        #"    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),"#,
        #"    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),"#,
        #"    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),"#,
      ])
    #expect(region.contains(#".product(name: "Hummingbird", package: "hummingbird")"#))
    #expect(region.contains(#".product(name: "AsyncHTTPClient", package: "async-http-client")"#))
  }
}
