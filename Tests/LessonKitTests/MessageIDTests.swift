import Foundation
import Testing

@testable import LessonKit

/// Every message is a named value, `Message("lesson.setup.unused", …)`, beside its rule: its
/// identifier is what tests and the JSON report tell errors apart by, so it must be one of
/// a kind and well formed.
@Suite struct MessageIDTests {
  /// The identifier of every message defined in the runner's sources, with the file that
  /// defines it, in the order found.
  static func definedIDs() throws -> [(id: String, file: String)] {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
      .compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Lessons/") }
      .sorted()
    let definition = /Message\(\s*"([^"\\]*)"/
    var found: [(id: String, file: String)] = []
    for file in files {
      let text = try String(
        contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: definition) { found.append((String(match.1), file)) }
    }
    return found
  }

  @Test func everyMessageIDIsUniqueAndWellFormed() throws {
    let found = try Self.definedIDs()
    // The parser, the claim parser, the judge and the engine each define messages.
    #expect(found.count > 80, "\(found.count) messages found")
    for (id, file) in found {
      #expect(MessageID(id).isWellFormed, "\(id) in \(file)")
    }
    let counts = Dictionary(grouping: found, by: \.id).filter { $0.value.count > 1 }
    #expect(counts.isEmpty, "defined more than once: \(counts.mapValues { $0.map(\.file) })")
  }

  @Test func aDiagnosticCarriesItsMessagesID() {
    let d = Diagnostic(.setupUnused("lonely"), at: SourceLocation(file: "l.md", line: 3))
    #expect(d.id == "lesson.setup.unused")
    #expect(d.description.hasPrefix("l.md:3:1: error: setup 'lonely' is used by no example"))
  }

  @Test(arguments: [
    ("lesson.setup.unused", true), ("lesson.claim.no-example", true), ("run.exit-status", true),
    ("lesson", false), ("Lesson.setup", false), ("lesson..unused", false),
    ("lesson.setup.", false), ("lesson.setup unused", false), ("lesson.2setup", false),
    ("lesson.setup-", false),
  ])
  func wellFormedIsDottedLowerCaseWords(_ id: String, _ wellFormed: Bool) {
    #expect(MessageID(id).isWellFormed == wellFormed)
  }

  @Test func theIDIsEncodedBesideTheLocationAndAReportWithoutOneStillReads() throws {
    let d = Diagnostic(.titleMissing, at: SourceLocation(file: "l.md", line: 1))
    let json = try JSONEncoder().encode(d)
    let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
    #expect(object?["id"] as? String == "lesson.title.missing")
    #expect(try JSONDecoder().decode(Diagnostic.self, from: json) == d)
    let old = #"{"location":{"file":"l.md","line":1,"column":1},"severity":"error","message":"m"}"#
    let read = try JSONDecoder().decode(Diagnostic.self, from: Data(old.utf8))
    #expect(read.id == MessageID.unnamed)
    #expect(read.message == "m")
  }
}
