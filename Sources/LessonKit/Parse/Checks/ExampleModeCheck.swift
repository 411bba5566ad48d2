/// An example's expected blocks fit its mode: a compile-fail example has a diagnostic block
/// and only it does; an example that never runs has no output or stderr block.
enum ExampleModeCheck {
  static func check(_ examples: [Example], _ state: inout ParseState) {
    for example in examples {
      if example.mode == .compileFail && example.expectedDiagnostics == nil
        && !state.broken.diagnostics.contains(example.name)
      {
        state.error(.compileFailNeedsDiagnostic(example.name), at: example.location)
      }
      if example.mode != .compileFail, let d = example.expectedDiagnostics {
        state.error(.diagnosticNotCompileFail(example.name), at: d.location)
      }
      if example.mode != .run, let o = example.expectedOutput {
        state.error(.neverRunHasOutput(example.name), at: o.location)
      }
      if example.mode != .run, let e = example.expectedStderr {
        state.error(.neverRunHasStderr(example.name), at: e.location)
      }
    }
  }
}

extension Message {
  static func compileFailNeedsDiagnostic(_ name: String) -> Message {
    Message(
      "lesson.example.compile-fail-needs-diagnostic",
      "compile-fail example '\(name)' needs a 'diagnostic example=\(name)' block saying what the compiler must report"
    )
  }

  static func diagnosticNotCompileFail(_ name: String) -> Message {
    Message(
      "lesson.example.diagnostic-not-compile-fail",
      "a diagnostic block belongs to a compile-fail example, and '\(name)' is not one")
  }

  static func neverRunHasOutput(_ name: String) -> Message {
    Message(
      "lesson.example.never-run-has-output",
      "example '\(name)' is never run, so it cannot have an output block")
  }

  static func neverRunHasStderr(_ name: String) -> Message {
    Message(
      "lesson.example.never-run-has-stderr",
      "example '\(name)' is never run, so it cannot have a stderr block")
  }
}
