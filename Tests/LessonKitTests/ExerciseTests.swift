import Foundation
import Testing

@testable import LessonKit

/// An exercise as a lesson writes it: a starter, goals, hints and a solution.
private let exerciseLesson = """
  # Exercises

  ```swift setup=clock
  let start = ContinuousClock.now
  ```

  ```swift example=overlap starter uses=clock
  print("A")
  ```

  It takes [at most 0.8 s](claim:overlap@took) and [about 0.5 s](claim:overlap).

  ```output example=overlap
  A and B
  …
  ```

  ```hint example=overlap for=took
  Throw both before either lands.
  ```

  ```hint example=overlap
  Reread `async let`.
  ```

  ```swift example=overlap solution
  print("A and B")
  ```
  """

private func record(_ ending: RunRecord.Ending, wall: Double, stdout: String) -> RunRecord {
  RunRecord(ending: ending, wallSeconds: wall, cpuSeconds: 0, stdout: stdout, stderr: "", lines: [])
}

@Suite struct ExerciseParsingTests {
  @Test func anExerciseIsAStarterAndASolutionWithTheSameGoals() throws {
    let parsed = try lesson(exerciseLesson)
    #expect(parsed.examples.map(\.name) == ["overlap-starter", "overlap"])
    let starter = try #require(parsed.example(named: "overlap-starter"))
    let solution = try #require(parsed.example(named: "overlap"))
    #expect(starter.exercise == ExercisePart(.starter, of: "overlap"))
    #expect(solution.exercise == ExercisePart(.solution, of: "overlap"))
    // Both versions get the setup and the expected output.
    #expect(starter.chunks.map(\.role) == [.setup, .code])
    #expect(solution.chunks.map(\.role) == [.setup, .code])
    #expect(starter.expectedOutput?.text == "A and B\n…\n")
    #expect(solution.expectedOutput == starter.expectedOutput)

    let exercise = try #require(parsed.exercise(named: "overlap"))
    #expect(exercise.hints.map(\.goal) == ["took", nil])
    #expect(exercise.hints.first?.text == "Throw both before either lands.\n")
    // The goals as stated, each judged on the solution and on the starter; the lesson's
    // claims are the stated ones alone.
    #expect(parsed.claims.map(\.target) == ["overlap@took", "overlap"])
    #expect(exercise.goals.map(\.claim) == parsed.claims)
    #expect(exercise.goals.map(\.onStarter.target) == ["overlap-starter@took", "overlap-starter"])
    #expect(exercise.goals.map(\.names) == [["took"], ["time"]])
    #expect(
      parsed.judgedClaims.map(\.claim.target) == [
        "overlap@took", "overlap", "overlap-starter@took", "overlap-starter",
      ])
    #expect(parsed.judgedClaims.map(\.goalOfStarter) == [nil, nil, "overlap", "overlap"])
  }

  @Test(arguments: [
    (
      "```swift example=x starter\nprint(1)\n```\n\n```swift example=x\nprint(2)\n```\n",
      "lesson.exercise.block-needs-version"
    ),
    (
      "```swift example=x starter solution\nprint(1)\n```\n", "lesson.exercise.starter-and-solution"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n[about 1 s](claim:x)\n",
      "lesson.exercise.missing-version"
    ),
    (
      "```swift example=x solution\nprint(1)\n```\n[about 1 s](claim:x)\n",
      "lesson.exercise.missing-version"
    ),
    (
      "```swift example=x starter hidden\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n",
      "lesson.exercise.hidden"
    ),
    (
      "```swift example=x starter compile-fail\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n",
      "lesson.exercise.not-run"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n",
      "lesson.exercise.no-goal"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n```swift example=x-starter\nprint(1)\n```\n[about 1 s](claim:x)\n",
      "lesson.exercise.starter-name-taken"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n[about 1 s](claim:x-starter)\n",
      "lesson.goal.names-starter"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n```swift example=y\nprint(1)\n```\n[about twice as long](claim:x/y)\n",
      "lesson.goal.compares-exercise"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n[about 1 s](claim:x)\n```hint example=x for=output\nno\n```\n",
      "lesson.hint.no-such-goal"
    ),
    (
      "```swift example=y\nprint(1)\n```\n```hint example=y\nno\n```\n",
      "lesson.hint.for-example"
    ),
    ("```hint example=z\nno\n```\n", "lesson.hint.no-such-exercise"),
    ("```hint\nno\n```\n", "lesson.hint.no-exercise"),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n[about 1 s](claim:x)\n```hint example=x\nIt takes [about 1 s](claim:x).\n```\n",
      "lesson.hint.claim-inside"
    ),
    (
      "```swift example=x starter\nprint(1)\n```\n```swift example=x solution\nprint(1)\n```\n[about 1 s](claim:x)\n```hint example=x\n\n```\n",
      "lesson.hint.empty"
    ),
  ])
  func malformedExercisesAreReported(source: String, id: String) {
    let found = errors("# T\n\n" + source)
    #expect(found.contains { $0.id == MessageID(id) }, "expected \(id) in \(found.map(\.id))")
  }
}

@Suite struct ExerciseJudgingTests {
  /// The report of `example` after `runs`.
  private func report(_ lesson: Lesson, _ name: String, _ runs: [RunRecord]) throws
    -> ExampleReport
  {
    let example = try #require(lesson.example(named: name))
    var report = Judge.emptyReport(of: example)
    for run in runs { Judge.add(run, of: example, to: &report) }
    return report
  }

  private func verdict(starter: [RunRecord], solution: [RunRecord]) throws -> LessonReport {
    let parsed = try lesson(exerciseLesson)
    let examples = [
      try report(parsed, "overlap-starter", starter), try report(parsed, "overlap", solution),
    ]
    let claims = Judge.claims(of: parsed, examples: examples, cores: 2)
    return Judge.report(
      of: parsed,
      environment: RunEnvironment(swiftVersion: "6.3.1", os: "Linux", cores: 2, date: ""),
      examples: examples, claims: claims, strict: true)
  }

  private let good = record(.exited(0), wall: 0.5, stdout: "A and B\ntook: 0.5 s\n")
  private let slow = record(.exited(0), wall: 1.0, stdout: "A and B\ntook: 1.0 s\n")

  @Test func aStarterThatMissesAGoalPassesAndSaysWhichItMissed() throws {
    let report = try verdict(starter: [slow], solution: [good])
    #expect(report.status == .passed)
    let starter = try #require(report.examples.first { $0.name == "overlap-starter" })
    #expect(starter.status == .passed)
    #expect(starter.starterOf == "overlap")
    #expect(starter.diagnostics.allSatisfy { $0.severity == .note })
    #expect(
      starter.diagnostics.contains {
        $0.message.contains("goal “at most 0.8 s” not met: measured 1 s")
      })
    // The starter's misses are not the lesson's failures.
    #expect(report.starterGoals.map(\.verdict) == [.failed, .failed])
  }

  @Test func aStarterWithTheWrongOutputMissesAGoalToo() throws {
    let wrong = record(.exited(0), wall: 0.5, stdout: "B and A\ntook: 0.5 s\n")
    let report = try verdict(starter: [wrong], solution: [good])
    #expect(report.status == .passed)
    let starter = try #require(report.examples.first { $0.name == "overlap-starter" })
    #expect(starter.diagnostics.contains { $0.id == "judge.output.differs" })
  }

  @Test func aStarterThatMeetsEveryGoalFailsTheLesson() throws {
    let report = try verdict(starter: [good], solution: [good])
    #expect(report.status == .failed)
    let starter = try #require(report.examples.first { $0.name == "overlap-starter" })
    #expect(starter.status == .failed)
    #expect(starter.diagnostics.map(\.id) == ["judge.goal.starter-meets-every-goal"])
  }

  @Test func aSolutionThatMissesAGoalFailsTheLesson() throws {
    let report = try verdict(starter: [slow], solution: [slow])
    #expect(report.status == .failed)
    #expect(report.examples.first { $0.name == "overlap" }?.status == .passed)
    #expect(report.claims.map(\.verdict) == [.failed, .failed])
  }

  @Test func aStartersMissedGoalsAreNeverRunAgain() throws {
    let parsed = try lesson(exerciseLesson)
    let examples = [
      try report(parsed, "overlap-starter", [slow]), try report(parsed, "overlap", [good]),
    ]
    let claims = Judge.claims(of: parsed, examples: examples, cores: 2)
    #expect(Judge.examplesToRunAgain(claims).isEmpty)
  }

  @Test func goalsSayWhatWasMetAndTheHintFitsTheFirstMissed() throws {
    let parsed = try lesson(exerciseLesson)
    let exercise = try #require(parsed.exercise(named: "overlap"))
    // The reader's answer is judged under the exercise's own name.
    let answer = try report(parsed, "overlap", [slow])
    let claims = Judge.claims(of: parsed, examples: [answer], cores: 2)
    let goals = Judge.goals(of: exercise, in: parsed, program: answer, claims: claims)
    #expect(goals.map(\.goal) == ["exit", "output", "took", "time"])
    #expect(goals.map(\.met) == [true, true, false, false])
    #expect(Judge.hint(for: goals, of: exercise)?.goal == "took")
    // All that fit: the one for the missed label, then the general one.
    #expect(Judge.hints(for: goals, of: exercise).map(\.goal) == ["took", nil])

    let wrong = try report(
      parsed, "overlap", [record(.exited(0), wall: 0.5, stdout: "B\ntook: 0.5 s\n")])
    let wrongGoals = Judge.goals(
      of: exercise, in: parsed, program: wrong,
      claims: Judge.claims(of: parsed, examples: [wrong], cores: 2))
    #expect(wrongGoals.map(\.met) == [true, false, true, true])
    // No hint is for the output: the general one.
    #expect(Judge.hint(for: wrongGoals, of: exercise)?.goal == nil)
    #expect(Judge.hint(for: wrongGoals, of: exercise)?.text == "Reread `async let`.\n")

    let solved = try report(parsed, "overlap", [good])
    let solvedGoals = Judge.goals(
      of: exercise, in: parsed, program: solved,
      claims: Judge.claims(of: parsed, examples: [solved], cores: 2))
    #expect(solvedGoals.allSatisfy { $0.met })
    #expect(Judge.hint(for: solvedGoals, of: exercise) == nil)
    #expect(Judge.hints(for: solvedGoals, of: exercise).isEmpty)

    let crashed = try report(parsed, "overlap", [record(.signalled(4), wall: 0.1, stdout: "")])
    let crashGoals = Judge.goals(
      of: exercise, in: parsed, program: crashed,
      claims: Judge.claims(of: parsed, examples: [crashed], cores: 2))
    #expect(crashGoals.first?.met == false)
    #expect(crashGoals.first?.detail?.contains("signal 4") == true)
    // A crash misses every goal, but only a hint for the ending, or a general one, fits.
    #expect(crashGoals.allSatisfy { !$0.met })
    #expect(Judge.hints(for: crashGoals, of: exercise).map(\.goal) == [nil])
  }
}
