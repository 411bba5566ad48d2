/// Decides what runs, builds and claims mean for a lesson: pure logic, no processes.
///
/// The engine that builds and runs lessons asks it, and so do the site's tests: one
/// judgement, wherever a report is made.
public enum Judge {
  // MARK: Runs

  /// What was wrong with one run of `example`, if anything, at the place in the lesson
  /// that a reader fixes.
  public static func problem(
    with record: RunRecord, of example: Example, map: SourceMap = SourceMap()
  ) -> Diagnostic? {
    let named = "example '\(example.name)'"
    if let wanted = example.expectedEnding {
      // An example meant to fail: its ending is its result.
      guard wanted.matches(record.ending) else {
        return Diagnostic(
          .runWrongEnding(named, wanted, record.ending), at: example.location)
      }
      return textProblem(with: record, of: example, map: map)
    }
    switch record.ending {
    case .exited(0):
      return textProblem(with: record, of: example, map: map)
    case .exited(let code):
      return Diagnostic(.runExitStatus(named, code), at: example.location)
    case .signalled(let signal):
      let crash = Crash(stderr: record.stderr, map: map, lesson: example.location.file)
      let place = crash.location.map { " at \($0)" } ?? ""
      let why = crash.message.map { ": \($0)" } ?? ""
      return Diagnostic(.runCrashed(named, place + why, signal), at: example.location)
    case .timedOut:
      return Diagnostic(.runTimedOut(named, example.timeout), at: example.location)
    case .flooded:
      return Diagnostic(.runFlooded(named), at: example.location)
    case .failedToStart(let why):
      return Diagnostic(.runCouldNotStart(named, why), at: example.location)
    }
  }

  /// What an example that ended as it should printed wrong, on standard output or error.
  static func textProblem(
    with record: RunRecord, of example: Example, map: SourceMap
  ) -> Diagnostic? {
    if let expected = example.expectedOutput,
      let mismatch = OutputMatcher.mismatch(expected: expected, actual: record.stdout)
    {
      // The output block's fence: the line before its first line of text.
      return Diagnostic(
        .outputDiffers(example.name, mismatch),
        at: SourceLocation(file: expected.location.file, line: max(1, expected.location.line - 1)))
    }
    if let expected = example.expectedStderr,
      let mismatch = OutputMatcher.mismatch(
        expected: expected, actual: withoutMarkers(record.stderr, map: map))
    {
      return Diagnostic(
        .stderrDiffers(example.name, mismatch),
        at: SourceLocation(file: expected.location.file, line: max(1, expected.location.line - 1)))
    }
    return nil
  }

  /// Standard error as a reader sees it: without the span markers, which belong to the
  /// picture, and with places in tangled files written as places in the lesson.
  static func withoutMarkers(_ stderr: String, map: SourceMap) -> String {
    stderr.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix(Timeline.beginMarker) && !$0.hasPrefix(Timeline.endMarker) }
      .map { map.rewrite(String($0)) }
      .joined(separator: "\n")
  }

  /// Adds a run to the example's report, and what was wrong with it, once.
  public static func add(
    _ record: RunRecord, of example: Example, to report: inout ExampleReport,
    map: SourceMap = SourceMap()
  ) {
    report.runs.append(record)
    guard let problem = problem(with: record, of: example, map: map) else { return }
    report.status = .failed
    if !report.diagnostics.contains(problem) { report.diagnostics.append(problem) }
  }

  /// Where a crash happened in the lesson and the runtime's words for it, read from the
  /// standard error of the crashed process (the Swift runtime's message and backtrace).
  public struct Crash: Sendable, Hashable {
    /// The first frame of the backtrace that lies in the lesson.
    public var location: SourceLocation?
    /// `Fatal error: Index out of range`.
    public var message: String?
    /// The lines a reader needs: the runtime's message and the lesson's frames, without
    /// registers, addresses of other libraries or the memory dump.
    public var excerpt: [String]

    public init(stderr: String, map: SourceMap = SourceMap(), lesson: String) {
      let lines = stderr.split(separator: "\n").map { map.rewrite(String($0)) }
      var location: SourceLocation?
      var message: String?
      var excerpt: [String] = []
      for line in lines {
        if message == nil, let range = line.range(of: "Fatal error") {
          message = String(line[range.lowerBound...])
          excerpt.append(trimmed(line))
        } else if line.contains("Program crashed") {
          excerpt.append(trimmed(line))
        } else if let range = line.range(of: " at \(lesson):") {
          let numbers = line[range.upperBound...].prefix { $0.isNumber || $0 == ":" }
            .split(separator: ":").compactMap { Int($0) }
          if let lineNumber = numbers.first {
            let here = SourceLocation(
              file: lesson, line: lineNumber, column: numbers.dropFirst().first ?? 1)
            if location == nil { location = here }
            if excerpt.count < 8 { excerpt.append(trimmed(line)) }
          }
        }
      }
      self.location = location
      self.message = message
      self.excerpt = excerpt
    }
  }

  static func trimmed(_ line: String) -> String {
    String(line.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  // MARK: Builds

  /// What a failed build of one example said, as diagnostics at the lesson's lines; when the
  /// compiler named no place, the end of its output, at the example.
  public static func buildFailure(
    of example: Example, output: String, map: SourceMap = SourceMap()
  ) -> [Diagnostic] {
    let found = CompilerOutput.diagnostics(in: output, map: map).filter { $0.severity == .error }
    if !found.isEmpty { return found }
    return [
      Diagnostic(.buildFailed(example.name, CompilerOutput.tail(output)), at: example.location)
    ]
  }

  /// What is wrong with a compile-fail example, given the type-check's record: nothing
  /// when it failed as its `diagnostic` block says.
  public static func compileFailure(
    _ record: RunRecord, of example: Example, map: SourceMap = SourceMap()
  ) -> [Diagnostic] {
    if record.succeeded {
      return [
        Diagnostic(.compileFailCompiled(example.name), at: example.location)
      ]
    }
    guard case .exited = record.ending else {
      return [
        Diagnostic(.compileFailUnfinished(example.name), at: example.location)
      ]
    }
    guard let expected = example.expectedDiagnostics else { return [] }
    let said = CompilerOutput.diagnostics(in: record.stdout + "\n" + record.stderr, map: map)
    let messages = said.map { "\($0.severity.rawValue): \($0.message)" }
    var missing: [Diagnostic] = []
    for (i, line) in OutputMatcher.normalizedLines(expected.text).enumerated() where !line.isEmpty {
      let pattern = line.hasPrefix(OutputMatcher.wildcard) ? line : OutputMatcher.wildcard + line
      let full =
        pattern.hasSuffix(OutputMatcher.wildcard) ? pattern : pattern + OutputMatcher.wildcard
      if !messages.contains(where: { OutputMatcher.lineMatches(pattern: full, $0) }) {
        missing.append(
          Diagnostic(
            .compilerNeverSaid(line),
            at: SourceLocation(file: expected.location.file, line: expected.location.line + i)))
      }
    }
    if !missing.isEmpty {
      missing.append(
        Diagnostic(
          .note, .compilerSaid(said.map(\.description).joined(separator: "\n")),
          at: example.location))
    }
    return missing
  }

  // MARK: Claims and the lesson

  /// Each claim of the lesson judged on the successful runs of its examples.
  ///
  /// `first` is the lesson's first judging, when its examples have since run again: a
  /// claim that deserved another look there (`deservesAnotherLook`) is judged on its
  /// examples' runs alone, and keeps what the first judging found in `rerun`. Runs that
  /// shared the machine are left out of that second judging only when it has runs alone
  /// to go on: a claim is never said to fail, nor to pass, on a crowded machine's word
  /// when the machine to itself could say.
  public static func claims(
    of lesson: Lesson, examples: [ExampleReport], cores: Int, first: [ClaimResult]? = nil
  ) -> [ClaimResult] {
    var runs: [String: [RunRecord]] = [:]
    for report in examples { runs[report.name] = report.runs.filter(\.succeeded) }
    return lesson.judgedClaims.enumerated().map { i, judged in
      let claim = judged.claim
      guard let first, first.indices.contains(i), deservesAnotherLook(first[i]) else {
        var result = ClaimChecker.check(claim, runs: runs, cores: cores)
        result.goalOfStarter = judged.goalOfStarter
        return result
      }
      // Runs again are always alone, so a run side by side is one the first judging saw.
      let crowded = claim.examples.contains { name in
        (runs[name] ?? []).contains { $0.sideBySide == true }
      }
      var alone = runs
      for name in claim.examples {
        let solo = (runs[name] ?? []).filter { $0.sideBySide != true }
        if !solo.isEmpty { alone[name] = solo }
      }
      var result = ClaimChecker.check(claim, runs: alone, cores: cores)
      result.goalOfStarter = judged.goalOfStarter
      result.rerun = Rerun(
        firstMeasured: first[i].measured, firstVerdict: first[i].verdict,
        firstSideBySide: crowded,
        runsAlone: claim.examples.map { alone[$0]?.count ?? 0 }.min() ?? 0)
      return result
    }
  }

  /// Whether a claim is judged again on more runs, each with the machine to itself: one
  /// that failed, and one skipped while the machine was busy. A starter is meant to miss
  /// its goals, and missing one once is enough.
  public static func deservesAnotherLook(_ result: ClaimResult) -> Bool {
    result.goalOfStarter == nil
      && (result.verdict == .failed || (result.verdict == .skipped && result.measured != nil))
  }

  /// The examples whose claims deserve another look.
  public static func examplesToRunAgain(_ results: [ClaimResult]) -> Set<String> {
    Set(results.filter(deservesAnotherLook).flatMap(\.claim.examples))
  }

  /// Whether a claim failed by more than its band's half-width (a margin of -1 or less)
  /// on runs that had the machine to themselves: more runs would not change the verdict.
  /// A miss on a run side by side is never far, since its neighbours may have caused it.
  public static func isFarMiss(_ result: ClaimResult, in examples: [ExampleReport]) -> Bool {
    guard result.verdict == .failed, let margin = result.margin, margin <= -1 else { return false }
    return !result.claim.examples.contains { name in
      examples.first { $0.name == name }?.runs.contains { $0.sideBySide == true } ?? false
    }
  }

  /// The examples whose runs so far already settle that they miss: those with a run that
  /// went wrong (a wrong output or ending, which more runs cannot mend), and those of a
  /// claim missed by far (`isFarMiss`). A reader's check runs them no more: neither the
  /// rest of their runs nor the runs again that a claim near its band's edge gets.
  public static func settled(_ results: [ClaimResult], examples: [ExampleReport]) -> Set<String> {
    let wrong = examples.filter { $0.mode == .run && $0.status == .failed }.map(\.name)
    let far = results.filter { isFarMiss($0, in: examples) }.flatMap(\.claim.examples)
    return Set(wrong + far)
  }

  /// Whether a claim counts against the lesson: it failed, could not be measured, or, in
  /// strict mode, would have passed with a wrong number too.
  public static func fails(_ claim: ClaimReport, strict: Bool) -> Bool {
    claim.verdict == .failed || claim.verdict == .unmeasured
      || (strict && claim.sharp == false)
  }

  /// The lesson's status: an error when it is malformed or an example does not build; a
  /// failure when an output or a claim does not hold; otherwise passed.
  public static func status(
    diagnostics: [Diagnostic], examples: [ExampleReport], claims: [ClaimReport], strict: Bool
  ) -> LessonReport.Status {
    if diagnostics.contains(where: { $0.severity == .error })
      || examples.contains(where: { $0.status == .buildFailed })
    {
      return .error
    }
    if examples.contains(where: { $0.status == .failed })
      || claims.contains(where: { fails($0, strict: strict) })
    {
      return .failed
    }
    return .passed
  }

  /// The goals an exercise's starter missed: the failures of its run (an output, an
  /// ending) and the goals judged on it that did not hold.
  public static func goalsMissed(by starter: ExampleReport, claims: [ClaimResult]) -> [Diagnostic] {
    let runs = starter.diagnostics.filter { $0.severity == .error }
    let goals = claims.filter {
      $0.goalOfStarter != nil && $0.goalOfStarter == starter.starterOf
        && ($0.verdict == .failed || $0.verdict == .unmeasured)
    }.map { result in
      Diagnostic(.goalNotMet(result), at: result.claim.location)
    }
    return runs + goals
  }

  /// Each exercise's starter judged as a whole: it passes when it misses at least one goal
  /// (what it missed is kept as notes), and fails when it meets them all, since the reader
  /// would have nothing to do.
  static func judgingStarters(_ examples: [ExampleReport], claims: [ClaimResult])
    -> [ExampleReport]
  {
    examples.map { report in
      guard let exercise = report.starterOf, report.status == .passed || report.status == .failed
      else { return report }
      var report = report
      let missed = goalsMissed(by: report, claims: claims)
      if missed.isEmpty {
        report.status = .failed
        report.diagnostics.append(
          Diagnostic(
            .starterMeetsEveryGoal(exercise),
            at: SourceLocation(file: report.file, line: report.line)))
      } else {
        report.status = .passed
        report.diagnostics = missed.map { $0.with(.note) }
      }
      return report
    }
  }

  /// The whole report of a lesson.
  public static func report(
    of lesson: Lesson, environment: RunEnvironment, diagnostics: [Diagnostic] = [],
    examples: [ExampleReport], claims: [ClaimResult], strict: Bool
  ) -> LessonReport {
    let examples = judgingStarters(examples, claims: claims)
    let stated = claims.filter { $0.goalOfStarter == nil }.map(ClaimReport.init)
    let starterGoals = claims.filter { $0.goalOfStarter != nil }.map(ClaimReport.init)
    return LessonReport(
      lesson: lesson.path, number: lesson.number, title: lesson.title,
      sourceHash: stableHash(lesson.source),
      status: status(
        diagnostics: diagnostics, examples: examples, claims: stated, strict: strict),
      environment: environment, diagnostics: diagnostics, examples: examples, claims: stated,
      starterGoals: starterGoals)
  }

  /// An example's report before anything ran.
  public static func emptyReport(of example: Example) -> ExampleReport {
    var report = ExampleReport(
      name: example.name, file: example.location.file, line: example.location.line,
      mode: example.mode, status: example.mode == .compileOnly ? .notRun : .passed,
      diagnostics: [], runs: [], codeHash: codeHash(of: example),
      starterOf: example.exercise?.version == .starter ? example.exercise?.exercise : nil)
    report.setting = example.setting.name
    report.family = example.isVariant ? example.family : nil
    return report
  }

  /// A hash of the code an example compiles and the setting it is compiled under: runs of
  /// the same program can be compared.
  public static func codeHash(of example: Example) -> String {
    let code = example.chunks.map(\.code).joined(separator: "\u{0}")
    // The book's default adds nothing, so that a hash recorded before settings existed holds.
    return stableHash(
      example.setting.isBookDefault ? code : code + "\u{0}setting:" + example.setting.name)
  }
}
