/// One goal of an exercise, judged on a program's runs: the reader's answer, or the book's
/// starter or solution.
public struct GoalResult: Sendable, Hashable {
  /// What a hint's `for=` names: `time` or a claim's label, `output`, `stderr` or `exit`.
  public var goal: String
  /// The goal in words: the claim's text, or what the program must print or how it must end.
  public var text: String
  /// Where the lesson states it.
  public var location: SourceLocation
  public var met: Bool
  /// What was measured or seen, in words.
  public var detail: String?

  public init(
    goal: String, text: String, location: SourceLocation, met: Bool, detail: String? = nil
  ) {
    self.goal = goal
    self.text = text
    self.location = location
    self.met = met
    self.detail = detail
  }
}

extension Judge {
  /// The goals of `exercise` judged on the runs of `program`, a build of the exercise (the
  /// reader's answer, checked under the exercise's own name), and on the goals' claim
  /// results: how it must end, what it must print, then each claim, in the lesson's order.
  public static func goals(
    of exercise: Exercise, in lesson: Lesson, program: ExampleReport, claims: [ClaimResult]
  ) -> [GoalResult] {
    guard let solution = lesson.example(named: exercise.name) else { return [] }
    var results: [GoalResult] = []
    let runs = program.runs
    let endingText = solution.expectedEnding.map { "it \($0)" } ?? "it exits with status 0"
    let badEnding = runs.first { run in
      solution.expectedEnding.map { !$0.matches(run.ending) } ?? !run.succeeded
    }
    results.append(
      GoalResult(
        goal: "exit", text: endingText, location: exercise.location,
        met: !runs.isEmpty && badEnding == nil,
        detail: runs.isEmpty
          ? "it did not run" : badEnding.map { "it \($0.ending.sentence)" }))
    let ended = runs.filter { run in
      solution.expectedEnding.map { $0.matches(run.ending) } ?? run.succeeded
    }
    // Standard error as a reader sees it: without the span markers.
    let texts: [(String, ExpectedText?, (RunRecord) -> String, String)] = [
      ("output", solution.expectedOutput, \.stdout, "it prints what the lesson expects"),
      (
        "stderr", solution.expectedStderr, { withoutMarkers($0.stderr, map: SourceMap()) },
        "it writes what the lesson expects on standard error"
      ),
    ]
    for (goal, expected, printed, text) in texts {
      guard let expected else { continue }
      let mismatch = ended.lazy.compactMap { run in
        OutputMatcher.mismatch(expected: expected, actual: printed(run))
      }.first
      results.append(
        GoalResult(
          goal: goal, text: text,
          location: SourceLocation(
            file: expected.location.file, line: max(1, expected.location.line - 1)),
          met: !ended.isEmpty && mismatch == nil,
          detail: ended.isEmpty ? "no run ended as it should" : mismatch))
    }
    // `check` runs an example no more once its runs settle a miss (`settled`): it then has
    // no more than its own runs and none again, and each goal it missed says after how many.
    let stoppedEarly =
      runs.count <= solution.runs
      && settled(claims, examples: [program]).contains(program.name)
    let after = "after \(runs.count) run\(runs.count == 1 ? "" : "s"); not run again"
    for goal in exercise.goals {
      // The goal's claim as judged on the program, which stands where the solution stood.
      guard
        let result = claims.first(where: {
          $0.goalOfStarter == nil && $0.claim.location == goal.claim.location
            && $0.claim.examples == [program.name]
        })
      else { continue }
      let claim = result.claim
      let measured = result.measured.map { Format.value($0, claim.expectation.dimension) }
      var early = ""
      if stoppedEarly && result.verdict == .failed {
        early =
          isFarMiss(result, in: [program])
          ? ": missed by far \(after)" : ": missed \(after), as another goal is clearly missed"
      }
      results.append(
        GoalResult(
          goal: goal.names.first ?? "time", text: "“\(claim.text)” (claim:\(claim.target))",
          location: claim.location,
          met: result.verdict == .passed || result.verdict == .skipped,
          detail: (measured.map { "measured \($0)" } ?? result.reason ?? "not measured")
            + ", holds for \(Format.range(claim.expectation))"
            + (result.verdict == .skipped
              ? " (skipped: \(result.reason ?? "not judged here"))" : "") + early))
    }
    return results
  }

  /// Every hint that fits what was missed, the best first: the hints for each missed goal
  /// in the order of the goals, then the general hints. Empty when every goal is met.
  public static func hints(for results: [GoalResult], of exercise: Exercise) -> [Hint] {
    var missed = results.filter { !$0.met }
    guard !missed.isEmpty else { return [] }
    // A program that did not end as it should missed the other goals because of that:
    // hints about its output or its time would send the reader the wrong way.
    if let ending = missed.first(where: { $0.goal == "exit" }) { missed = [ending] }
    var found: [Hint] = []
    for goal in missed {
      for hint in exercise.hints where hint.goal == goal.goal && !found.contains(hint) {
        found.append(hint)
      }
    }
    return found + exercise.hints.filter { $0.goal == nil }
  }

  /// The hint that fits best: the first of `hints(for:of:)`; nil when every goal is met.
  public static func hint(for results: [GoalResult], of exercise: Exercise) -> Hint? {
    hints(for: results, of: exercise).first
  }
}
