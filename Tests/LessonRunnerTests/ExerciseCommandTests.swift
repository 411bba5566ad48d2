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

  /// How many runs of `example` the terminal showed: the first under its header, each
  /// later one as "NAME: run N of M".
  func runs(of example: String, in output: String) -> Int {
    output.split(separator: "\n").filter { line in
      line.hasPrefix("▶ \(example)  ") || line.hasPrefix("  \(example): run ")
    }.count
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
    #expect(done.contains { $0.id == "judge.goal.starter-meets-every-goal" })
    let missed = report.examples.first { $0.name == "overlap-starter" }?.diagnostics ?? []
    #expect(
      missed.contains {
        $0.severity == .note && $0.id == "judge.goal.not-met"
          && $0.message.contains("at most 0.8 s")
      })
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
    #expect(runs(of: "overlap", in: wrong.output) == 4, "\(wrong.output)")
    #expect(!wrong.output.contains("not run again"), "\(wrong.output)")

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
    #expect(runs(of: "overlap", in: far.output) == 1, "\(far.output)")
    #expect(far.output.contains("holds for ≤ 800 ms: missed by far after 1 run; not run again"))

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
    #expect(runs(of: "overlap", in: right.output) == 1, "\(right.output)")

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

  /// A check stops after one run only when that run settles a miss: a goal missed by far,
  /// or a wrong output. A pass and a near miss get every run the book would give them.
  @Test func aClearMissIsJudgedAfterOneRunAndEverythingElseOnEveryRun() throws {
    let settled =
      Bundle.module.url(forResource: "Fixtures/settled", withExtension: "md")?.path
      ?? "Tests/LessonRunnerTests/Fixtures/settled.md"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "settled-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let copied = try runner(["exercise", settled, "thrice", "--folder", folder.path])
    #expect(copied.status == 0, "\(copied.output)")
    let file = folder.appendingPathComponent("settled/thrice.swift")
    func check(_ code: String) throws -> Outcome {
      try code.write(to: file, atomically: true, encoding: .utf8)
      return try runner(["check", settled, "thrice", "--folder", folder.path])
    }

    // Four stones one by one take 2 s against at most 0.8 s: the first of three runs says so.
    let far = try check(
      """
      for name in ["A", "B", "C", "D"] { _ = try await stone(name) }
      print("A and B are back")
      print("took: \\(took())")

      """)
    #expect(far.status == 1, "\(far.output)")
    #expect(runs(of: "thrice", in: far.output) == 1, "\(far.output)")
    #expect(far.output.contains("missed by far after 1 run; not run again"), "\(far.output)")
    #expect(!far.output.contains("judging them again"))

    // A wrong output is missed whatever more runs would print: one run, and the time goal
    // near its edge says it was not run again because of it.
    let wrong = try check(
      """
      let a = try await stone("A")
      let b = try await stone("B")
      print("\\(b) and \\(a) are back")
      print("took: \\(took())")

      """)
    #expect(wrong.status == 1, "\(wrong.output)")
    #expect(runs(of: "thrice", in: wrong.output) == 1, "\(wrong.output)")
    #expect(wrong.output.contains("✗ it prints what the lesson expects"))
    #expect(
      wrong.output.contains("missed after 1 run; not run again, as another goal is clearly missed"),
      "\(wrong.output)")

    // 1 s is near the edge: the example's three runs, then three more alone.
    let near = try check(
      """
      let a = try await stone("A")
      let b = try await stone("B")
      print("\\(a) and \\(b) are back")
      print("took: \\(took())")

      """)
    #expect(near.status == 1, "\(near.output)")
    #expect(near.output.contains("judging them again after 3 more runs"))
    #expect(runs(of: "thrice", in: near.output) == 6, "\(near.output)")
    #expect(!near.output.contains("not run again"), "\(near.output)")

    // A right answer is judged on all three runs, as before.
    let right = try check(
      """
      async let a = stone("A")
      async let b = stone("B")
      print("\\(try await a) and \\(try await b) are back")
      print("took: \\(took())")

      """)
    #expect(right.status == 0, "\(right.output)")
    #expect(runs(of: "thrice", in: right.output) == 3, "\(right.output)")
    #expect(!right.output.contains("not run again"))
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
