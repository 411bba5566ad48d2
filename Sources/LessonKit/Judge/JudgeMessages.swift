/// The messages of the judge: a run, a build or a goal that did not do what the lesson says.
extension Message {
  static func runWrongEnding(_ named: String, _ wanted: ExpectedEnding, _ ending: RunRecord.Ending)
    -> Message
  {
    Message(
      "run.wrong-ending",
      "\(named) must end as its exit= says (it \(wanted)), but it \(ending.sentence)")
  }

  static func runExitStatus(_ named: String, _ code: Int32) -> Message {
    Message("run.exit-status", "\(named) exited with status \(code)")
  }

  /// `detail` is where and why, as `" at FILE:LINE: message"`, or empty.
  static func runCrashed(_ named: String, _ detail: String, _ signal: Int32) -> Message {
    Message(
      "run.crashed",
      "\(named) crashed\(detail) (signal \(signal)\(RunRecord.Ending.signalName(signal)))")
  }

  static func runTimedOut(_ named: String, _ timeout: Duration) -> Message {
    Message(
      "run.timed-out",
      "\(named) did not finish within \(Format.value(timeout.seconds, .time)) and was stopped (set timeout= on its block if it needs longer)"
    )
  }

  static func runFlooded(_ named: String) -> Message {
    Message(
      "run.flooded", "\(named) printed more than the runner keeps (1 MiB) and was stopped")
  }

  static func runCouldNotStart(_ named: String, _ why: String) -> Message {
    Message("run.could-not-start", "\(named) could not start: \(why)")
  }

  static func outputDiffers(_ name: String, _ mismatch: String) -> Message {
    Message("judge.output.differs", "output of '\(name)' differs: \(mismatch)")
  }

  static func stderrDiffers(_ name: String, _ mismatch: String) -> Message {
    Message("judge.stderr.differs", "standard error of '\(name)' differs: \(mismatch)")
  }

  static func buildFailed(_ name: String, _ tail: String) -> Message {
    Message("build.failed", "example '\(name)' does not build:\n\(tail)")
  }

  static func compileFailCompiled(_ name: String) -> Message {
    Message("build.compile-fail-compiled", "example '\(name)' must not compile, but it does")
  }

  static func compileFailUnfinished(_ name: String) -> Message {
    Message(
      "build.compile-fail-unfinished", "the compiler did not finish type-checking '\(name)'")
  }

  static func compilerNeverSaid(_ line: String) -> Message {
    Message("build.compiler-never-said", "the compiler never said '\(line)'")
  }

  static func compilerSaid(_ said: String) -> Message {
    Message("build.compiler-said", "the compiler said:\n" + said)
  }

  static func goalNotMet(_ result: ClaimResult) -> Message {
    Message(
      "judge.goal.not-met",
      "goal “\(result.claim.text)” not met: "
        + (result.measured.map {
          "measured \(Format.value($0, result.claim.expectation.dimension))"
        } ?? (result.reason ?? "not measured"))
        + ", holds for \(Format.range(result.claim.expectation))")
  }

  static func starterMeetsEveryGoal(_ exercise: String) -> Message {
    Message(
      "judge.goal.starter-meets-every-goal",
      "the starter of exercise '\(exercise)' already meets every goal, so the reader has nothing to do: make it too slow or wrong in the way the exercise asks to fix"
    )
  }

  /// What the compiler said, as it said it, at the lesson's line.
  public static func compiler(_ text: String) -> Message { Message("compiler.diagnostic", text) }
}
