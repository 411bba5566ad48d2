import Foundation
import Testing

@testable import LessonKit

/// The margins kept across runs, and the claims nearest their edge.
@Suite struct MarginHistoryTests {
  func report(date: String, margins: [Double?]) -> LessonReport {
    LessonReport(
      lesson: "lessons/09-test.md", number: 9, title: "T", sourceHash: "0", status: .passed,
      environment: RunEnvironment(swiftVersion: "6.3.1", os: "Linux", cores: 2, date: date),
      diagnostics: [], examples: [],
      claims: margins.enumerated().map { i, m in
        var c = ClaimReport(
          ClaimResult(
            claim: Claim(
              text: "about 1 s",
              location: SourceLocation(file: "lessons/09-test.md", line: 10 + i),
              target: "e\(i)", quantity: .single(Measure(example: "e\(i)")),
              expectation: LessonKit.Expectation(
                relation: .approximately, value: 1, dimension: .time)),
            measured: 1, verdict: .passed))
        c.margin = m
        return c
      })
  }

  @Test func keepsTheLatestRunsAndFindsEachClaimsWorst() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "margins-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var history = MarginHistory(directory: folder)
    history.kept = 3
    try history.append(report(date: "1", margins: [0.9, 0.1]), stem: "09-test")
    try history.append(report(date: "2", margins: [0.2, 0.8]), stem: "09-test")
    try history.append(report(date: "3", margins: [0.7, nil]), stem: "09-test")
    try history.append(report(date: "4", margins: [0.6, 0.5]), stem: "09-test")
    let runs = history.runs("09-test")
    #expect(runs.map(\.date) == ["2", "3", "4"])
    let worst = MarginHistory.worst(runs)
    // The second claim's 0.1 has left the history; the first claim's 0.2 is the worst.
    #expect(worst.map(\.entry.line) == [10, 11])
    #expect(worst.map(\.entry.margin) == [0.2, 0.5])
    #expect(worst.map(\.runs) == [3, 2])
    #expect(worst[0].median == 0.6)
  }

  @Test func aClaimNoLongerInTheLessonIsNotListed() {
    let entry = { (line: Int, margin: Double) in
      MarginHistory.Entry(
        file: "lessons/09-test.md", line: line, column: 1, text: "about 1 s", target: "e",
        margin: margin, verdict: "passed")
    }
    let runs = [
      MarginHistory.Run(date: "1", claims: [entry(10, 0.05)]),
      MarginHistory.Run(date: "2", claims: [entry(12, 0.5)]),
    ]
    // The claim moved from line 10 to line 12: its old line's margin is not listed.
    #expect(MarginHistory.worst(runs).map(\.entry.line) == [12])
  }

  @Test func aCutLineIsPassedOver() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "margins-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let history = MarginHistory(directory: folder)
    try history.append(report(date: "1", margins: [0.4]), stem: "09-test")
    let handle = try FileHandle(forWritingTo: history.url(for: "09-test"))
    handle.seekToEndOfFile()
    handle.write(Data("{\"date\":\"2\",\"cla".utf8))
    try handle.close()
    #expect(history.runs("09-test").map(\.date) == ["1"])
    try history.append(report(date: "3", margins: [0.3]), stem: "09-test")
    #expect(history.runs("09-test").map(\.date) == ["1", "3"])
  }
}
