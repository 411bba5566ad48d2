import Foundation
import LessonKit
import Testing

@testable import LessonRun

/// A reader's round: `lesson-runner exercise` copies a starter, `lesson-runner check`
/// judges the file, wrong and right; and the book's side: a starter must miss a goal.
@Suite(.serialized) struct ExerciseCommandTests {
  struct Outcome {
    var status: Int32
    /// Standard output and error together, as a reader sees them.
    var output: String
    var stdout = ""
  }

  func runner(_ arguments: [String]) throws -> Outcome {
    let binary = packageRoot.appendingPathComponent(".build/debug/lesson-runner").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build lesson-runner first")
    let record = ChildProcess.run(
      binary,
      .init(
        arguments: arguments, environment: ["NO_COLOR": "1"], timeout: .seconds(600),
        outputLimit: 64 << 20))
    guard case .exited(let status) = record.ending else {
      Issue.record("lesson-runner ended with \(record.ending)")
      return Outcome(status: -1, output: record.stdout + record.stderr)
    }
    return Outcome(
      status: status, output: record.stdout + record.stderr, stdout: record.stdout)
  }

  var lesson: String {
    Bundle.module.url(forResource: "Fixtures/exercises", withExtension: "md")?.path
      ?? "Tests/LessonRunnerTests/Fixtures/exercises.md"
  }

  @Test func theBooksStartersMustMissAGoalAndItsSolutionsMeetThemAll() throws {
    let out = try runner([lesson, "--json"])
    #expect(out.status == 1, "\(out.output)")
    let reports = try JSONDecoder().decode([LessonReport].self, from: Data(out.stdout.utf8))
    let report = try #require(reports.first)
    let status = Dictionary(uniqueKeysWithValues: report.examples.map { ($0.name, $0.status) })
    #expect(
      status == [
        "overlap-starter": .passed, "overlap": .passed, "already-done-starter": .failed,
        "already-done": .passed,
      ])
    let done = report.examples.first { $0.name == "already-done-starter" }?.diagnostics ?? []
    #expect(done.contains { $0.message.contains("already meets every goal") })
    let missed = report.examples.first { $0.name == "overlap-starter" }?.diagnostics ?? []
    #expect(missed.contains { $0.severity == .note && $0.message.contains("at most 0.8 s") })
  }

  @Test func aReaderCopiesTheStarterAndTheCheckJudgesWrongAndRightAnswers() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "exercise-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("exercises/overlap.swift")

    // The starter, copied with a word on how to check it.
    let copied = try runner(["exercise", lesson, "overlap", "--folder", folder.path])
    #expect(copied.status == 0, "\(copied.output)")
    #expect(copied.output.contains("lesson-runner check"))
    let starter = try String(contentsOf: file, encoding: .utf8)
    #expect(starter.contains("let a = try await stone(\"A\")"))
    #expect(!starter.contains("async let"), "the solution must not leak into the starter")

    // Copying again keeps the reader's work.
    try (starter + "// mine\n").write(to: file, atomically: true, encoding: .utf8)
    let again = try runner(["exercise", lesson, "overlap", "--folder", folder.path])
    #expect(again.status == 0)
    #expect(again.output.contains("already there"))
    #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("// mine\n"))

    // The starter as it is misses the time goal, and the hint for that goal is shown.
    let wrong = try runner(["check", lesson, "overlap", "--folder", folder.path])
    #expect(wrong.status == 1, "\(wrong.output)")
    #expect(wrong.output.contains("✗ “at most 0.8 s” (claim:overlap@took)"))
    #expect(wrong.output.contains("✓ it prints what the lesson expects"))
    #expect(wrong.output.contains("Each `try await` waits for its stone"))
    #expect(wrong.output.contains("Not yet: 1 of 3 goals missed"))
    // 1 s against at most 0.8 s is near enough to the edge to deserve more runs.
    #expect(wrong.output.contains("judging them again after 3 more runs"))

    // Four stones one by one take 2 s, far past the goal: one run says so.
    try """
    for name in ["A", "B", "C", "D"] { _ = try await stone(name) }
    print("A and B are back")
    print("took: \\(took())")

    """.write(to: file, atomically: true, encoding: .utf8)
    let far = try runner(["check", lesson, "overlap", "--folder", folder.path])
    #expect(far.status == 1, "\(far.output)")
    #expect(far.output.contains("✗ “at most 0.8 s” (claim:overlap@took)"))
    #expect(!far.output.contains("judging them again"), "\(far.output)")

    // A right answer meets every goal.
    try """
    async let a = stone("A")
    async let b = stone("B")
    print("\\(try await a) and \\(try await b) are back")
    print("took: \\(took())")

    """.write(to: file, atomically: true, encoding: .utf8)
    let right = try runner(["check", lesson, "overlap", "--folder", folder.path])
    #expect(right.status == 0, "\(right.output)")
    #expect(right.output.contains("Solved"))

    // A file that does not compile is reported at its own line.
    try "print(\"A\")\nlet b: Int = \"B\"\n".write(to: file, atomically: true, encoding: .utf8)
    let broken = try runner(["check", lesson, "overlap", "--folder", folder.path])
    #expect(broken.status == 2, "\(broken.output)")
    #expect(broken.output.contains("\(file.path):2:"), "\(broken.output)")
    #expect(broken.output.contains("does not build"))

    // --reset starts again and keeps the reader's file beside it.
    let reset = try runner(["exercise", lesson, "overlap", "--folder", folder.path, "--reset"])
    #expect(reset.status == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == starter)
    let backup = file.appendingPathExtension("bak")
    #expect(try String(contentsOf: backup, encoding: .utf8).contains("let b: Int = \"B\""))
  }

  @Test func namingAnExerciseThatIsNotThereSaysWhichAre() throws {
    let out = try runner(["check", lesson, "nope"])
    #expect(out.status == 2)
    #expect(out.output.contains("has no exercise 'nope'; its exercises: overlap, already-done"))
    let unnamed = try runner(["exercise", lesson])
    #expect(unnamed.status == 2)
    #expect(unnamed.output.contains("has 2 exercises: name one of overlap, already-done"))
  }
}
