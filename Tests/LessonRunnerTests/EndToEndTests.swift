import Foundation
import LessonKit
import Testing

@testable import LessonRun

/// Runs the built `lesson-runner` on fixture lessons, as a learner or CI would.
@Suite(.serialized) struct EndToEndTests {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
    var reports: [LessonReport]
  }

  func runner(_ arguments: [String], environment: [String: String] = ["NO_COLOR": "1"]) throws
    -> Outcome
  {
    let binary = packageRoot.appendingPathComponent(".build/debug/lesson-runner").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build lesson-runner first")
    let record = ChildProcess.run(
      binary,
      .init(
        arguments: arguments, environment: environment, timeout: .seconds(600),
        outputLimit: 64 << 20))
    guard case .exited(let status) = record.ending else {
      Issue.record("lesson-runner ended with \(record.ending)")
      return Outcome(status: -1, stdout: record.stdout, stderr: record.stderr, reports: [])
    }
    let reports =
      arguments.contains("--json")
      ? (try? JSONDecoder().decode([LessonReport].self, from: Data(record.stdout.utf8))) ?? [] : []
    return Outcome(status: status, stdout: record.stdout, stderr: record.stderr, reports: reports)
  }

  func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "md")!.path
  }

  /// How the runner names a fixture in diagnostics: relative to the package.
  func shown(_ name: String) -> String {
    Workspace(root: packageRoot).displayPath(URL(fileURLWithPath: fixture(name)))
  }

  @Test func passingLessonExitsZeroWithEveryClaimInTheReport() throws {
    let out = try runner([fixture("passing"), "--json"])
    #expect(out.status == 0, "\(out.stderr)")
    let report = try #require(out.reports.first)
    #expect(report.status == .passed)
    #expect(report.claims.map(\.verdict) == [.passed, .passed, .passed, .skipped])
    #expect(report.claims.allSatisfy { $0.line > 0 && $0.file.hasSuffix("passing.md") })
    // Sleeps never end early, so the wall time is at least their sum; how much more is the
    // claim's business, judged with its tolerance.
    #expect(report.claims[0].measured.map { $0 >= 0.4 } == true)
    #expect(report.examples.first { $0.name == "mismatch" }?.status == .passed)
    #expect(report.examples.first { $0.name == "typed" }?.status == .notRun)
    // Lines arrive as they are printed, not when the process ends.
    let lines = try #require(report.examples.first?.runs.first?.lines)
    #expect(lines.count == 3)
    #expect(lines[1].time - lines[0].time > 0.15)
    #expect(out.stderr.contains("first stone up"))
  }

  @Test func falseClaimAndWrongOutputExitOne() throws {
    let out = try runner([fixture("false-claim"), "--json"])
    #expect(out.status == 1)
    let report = try #require(out.reports.first)
    #expect(report.claims.first?.verdict == .failed)
    // A failing claim is judged again on a median of three runs.
    #expect(report.examples.first?.runs.count == 3)
    #expect(out.stderr.contains("\(shown("false-claim")):9:1: error: output of 'nap' differs"))
  }

  @Test func malformedLessonExitsTwoWithEveryLocation() throws {
    let out = try runner([fixture("malformed")])
    #expect(out.status == 2)
    let path = shown("malformed")
    for location in ["3:22", "7:10", "9:1"] {
      #expect(
        out.stdout.contains("\(path):\(location): error:"),
        "no error at \(location) in:\n\(out.stdout)")
    }
    #expect(out.stdout.contains("unknown attribute 'colour'"))
    #expect(out.stdout.contains("never closed"))
  }

  @Test func misbehavingExamplesAreReportedAndTheRunGoesOn() throws {
    let out = try runner([fixture("misbehaving"), "--json"])
    #expect(out.status == 2)
    let report = try #require(out.reports.first)
    let status = Dictionary(uniqueKeysWithValues: report.examples.map { ($0.name, $0.status) })
    #expect(
      status == [
        "fine": .passed, "broken": .buildFailed, "crash": .failed, "hang": .failed,
        "flood": .failed,
      ])
    let path = shown("misbehaving")
    #expect(
      out.stderr.contains(
        "\(path):8:18: error: cannot convert value of type 'String' to specified type 'Int'"))
    #expect(out.stderr.contains("'crash' crashed"))
    #expect(out.stderr.contains("'hang' did not finish within 1 s"))
    #expect(out.stderr.contains("'flood' printed more than"))
    let hang = try #require(report.examples.first { $0.name == "hang" }?.runs.first)
    #expect(hang.wallSeconds < 5)
  }

  @Test func noControlCodesIntoAPipe() throws {
    // NO_COLOR is empty here, which counts as unset: the pipe alone must keep colour out.
    let out = try runner([fixture("false-claim")], environment: ["NO_COLOR": ""])
    #expect(out.status == 1)
    #expect(!out.stdout.contains("\u{1B}"))
    #expect(out.stdout.contains("Claims"))
  }

  @Test func unknownLessonIsAClearError() throws {
    let out = try runner(["no-such-lesson"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("no lesson 'no-such-lesson'"))
  }
}
