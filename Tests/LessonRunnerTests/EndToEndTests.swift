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
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "md")?.path
      ?? "Tests/LessonRunnerTests/Fixtures/\(name).md"
  }

  /// How the runner names a fixture in diagnostics: relative to the package.
  func shown(_ name: String) -> String {
    Workspace(root: packageRoot).displayPath(URL(fileURLWithPath: fixture(name)))
  }

  @Test func pythonExamplesRunWithTheirOwnOutputsClaimsAndLines() throws {
    let out = try runner([fixture("python"), "--json"])
    #expect(out.status == 1, "\(out.stderr)")
    let report = try #require(out.reports.first)
    let status = Dictionary(uniqueKeysWithValues: report.examples.map { ($0.name, $0.status) })
    #expect(status == ["nap": .passed, "quick": .passed, "raises": .failed])
    // The true claim holds; the false one fails like a Swift example's would.
    #expect(report.claims.map(\.verdict) == [.passed, .failed])
    let nap = try #require(report.examples.first { $0.name == "nap" }?.runs.first)
    #expect(nap.stdout.hasPrefix("slept: 1.") && nap.stdout.hasSuffix(" s\nawake\n"))
    #expect(nap.lines.contains { $0.stream == .stderr && $0.text.hasPrefix("::span-begin nap") })
    // Python's traceback names the lesson's own line: the tangled file keeps its lines.
    let raised = try #require(report.examples.first { $0.name == "raises" }?.runs.first)
    #expect(raised.stderr.contains("line 34"))
    #expect(raised.stderr.contains("ValueError: the stone fell"))
  }

  @Test func examplesMeantToFailPassOnlyWhenTheyFailAsTheLessonSays() throws {
    let out = try runner([fixture("meant-to-fail"), "--json"])
    #expect(out.status == 1, "\(out.stderr)")
    let report = try #require(out.reports.first)
    let status = Dictionary(uniqueKeysWithValues: report.examples.map { ($0.name, $0.status) })
    #expect(status == ["traps": .passed, "wrong-words": .failed, "no-trap": .failed])
    let words = report.examples.first { $0.name == "wrong-words" }?.diagnostics ?? []
    #expect(words.contains { $0.id == "judge.stderr.differs" })
    let noTrap = report.examples.first { $0.name == "no-trap" }?.diagnostics ?? []
    #expect(noTrap.contains { $0.id == "run.wrong-ending" })
    #expect(noTrap.contains { $0.message.contains("but it exited with status 0") })
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

  @Test func oneExampleUnderTwoSettingsIsTwoBuildsAndAWrongClaimOnOneFails() throws {
    let out = try runner([fixture("settings"), "--json"])
    #expect(out.status == 1, "\(out.stderr)")
    let report = try #require(out.reports.first)
    let builds = report.examples.map { "\($0.name) \($0.family ?? "-") \($0.setting ?? "-")" }
    #expect(
      builds == [
        "beat:default beat default", "beat:nonsending beat nonsending",
        "score:default score default", "score:main-actor score main-actor",
      ])
    // Each build printed what its own block expects: the setting moved `work`.
    #expect(report.examples.allSatisfy { $0.status == .passed }, "\(out.stderr)")
    #expect(report.examples[2].mode == .compileFail)
    #expect(report.examples[3].mode == .run)
    let claims = report.claims.map { "\($0.target) \($0.settings ?? []) \($0.verdict)" }
    #expect(claims.count == 4)
    // The true claims hold (or are skipped on one core); the false one about one setting fails.
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let sided: Verdict = cores >= 2 ? .passed : .skipped
    #expect(report.claims.map(\.verdict) == [sided, .passed, sided, .failed], "\(claims)")
    #expect(report.claims[2].settings == ["nonsending", "default"])
    #expect(out.stderr.contains("settings.md:50"), "\(out.stderr)")
  }

  @Test func falseClaimAndWrongOutputExitOne() throws {
    let out = try runner([fixture("false-claim"), "--json"])
    #expect(out.status == 1)
    let report = try #require(out.reports.first)
    #expect(report.claims.first?.verdict == .failed)
    // A failing claim is judged again on the median of three more runs.
    #expect(report.examples.first?.runs.count == 4)
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

  @Test func malformedLessonKeepsItsDiagnosticsInTheJSONReport() throws {
    let out = try runner([fixture("malformed"), "--json"])
    #expect(out.status == 2)
    #expect(out.reports.map(\.status) == [.error], "\(out.stdout)")
    let malformed = try #require(out.reports.first)
    #expect(malformed.lesson == shown("malformed"))
    #expect(malformed.examples.isEmpty && malformed.claims.isEmpty)
    let places = malformed.diagnostics.map { "\($0.location.line):\($0.location.column)" }
    for location in ["3:22", "7:10", "9:1"] {
      #expect(places.contains(location), "no diagnostic at \(location): \(places)")
    }
    #expect(malformed.diagnostics.allSatisfy { $0.location.file == shown("malformed") })
    // Each diagnostic says which message it is, beside where: a tool need not read its words.
    #expect(
      malformed.diagnostics.map(\.id) == [
        "lesson.attribute.unknown", "lesson.tolerance.unreadable", "lesson.fence.not-closed",
      ])
    let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]]
    let written = (json?.first?["diagnostics"] as? [[String: Any]])?.map { $0["id"] as? String }
    #expect(written?.first == "lesson.attribute.unknown")
  }

  @Test func misbehavingExamplesAreReportedAndTheRunGoesOn() throws {
    let out = try runner([fixture("misbehaving"), "--json"])
    #expect(out.status == 2)
    let report = try #require(out.reports.first)
    let status = Dictionary(uniqueKeysWithValues: report.examples.map { ($0.name, $0.status) })
    #expect(
      status == [
        "fine": .passed, "broken": .buildFailed, "also-broken": .buildFailed, "crash": .failed,
        "hang": .failed, "flood": .failed,
      ])
    // Build failures are reported in the lesson's order, every time.
    let unbuilt = report.diagnostics.filter { $0.id == "build.does-not-compile" }.map(\.message)
    #expect(unbuilt.count == 2)
    #expect(unbuilt.first?.hasPrefix("example 'broken' does not compile") == true)
    #expect(unbuilt.last?.hasPrefix("example 'also-broken' does not compile") == true)
    let path = shown("misbehaving")
    #expect(
      out.stderr.contains(
        "\(path):8:18: error: cannot convert value of type 'String' to specified type 'Int'"))
    // A crash is shown at the lesson's line, through the line table, with the runtime's words.
    #expect(out.stderr.contains("'crash' crashed at \(path):19:"))
    #expect(out.stderr.contains("Fatal error: Index out of range"))
    let crash = try #require(report.examples.first { $0.name == "crash" }?.diagnostics.first)
    #expect(crash.location.file == path && crash.location.line == 17)
    #expect(out.stderr.contains("'hang' did not finish within 1 s"))
    #expect(out.stderr.contains("'flood' printed more than"))
    let hang = try #require(report.examples.first { $0.name == "hang" }?.runs.first)
    #expect(hang.wallSeconds < 5)
  }

  @Test func strictFailsALooseClaimAndSaysSoPerLesson() throws {
    let relaxed = try runner([fixture("loose"), "--json"])
    #expect(relaxed.status == 0, "\(relaxed.stderr)")
    #expect(relaxed.reports.first?.claims.first?.sharp == false)
    let strict = try runner([fixture("loose"), "--strict"])
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("but loose"))
    // --strict ends with each lesson's count of examples and claims.
    #expect(strict.stdout.contains("\(shown("loose")): 1 example, 1 claim"))
    #expect(strict.stdout.contains("0 of 1 lesson passed, strictly"))
  }

  @Test func noControlCodesIntoAPipe() throws {
    // NO_COLOR is empty here, which counts as unset: the pipe alone must keep colour out.
    let out = try runner([fixture("false-claim")], environment: ["NO_COLOR": ""])
    #expect(out.status == 1)
    #expect(!out.stdout.contains("\u{1B}"))
    #expect(out.stdout.contains("Claims"))
  }

  @Test func aChangeToOneExampleBuildsThatExampleAlone() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "one-change-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let draft = folder.appendingPathComponent("one-change-\(getpid()).md")
    func lesson(_ b: String, prose: String = "Two examples.") -> String {
      """
      # One change

      \(prose)

      ```swift example=a
      print("a")
      ```

      ```output example=a
      a
      ```

      ```swift example=b
      print("\(b)")
      ```

      ```output example=b
      \(b)
      ```
      """
    }
    func verify(_ text: String) throws -> String {
      try text.write(to: draft, atomically: true, encoding: .utf8)
      let out = try runner([draft.path])
      #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
      return out.stdout
    }
    _ = try verify(lesson("b"))
    // The same lesson again: nothing is compiled.
    #expect(try verify(lesson("b")).contains("2 examples already built"))
    // Prose moves every line of code down: still nothing to compile.
    #expect(
      try verify(lesson("b", prose: "Two examples,\n\nand a new paragraph."))
        .contains("2 examples already built"))
    // One example's code changes: that one is compiled, and it alone.
    let changed = try verify(lesson("b2"))
    #expect(changed.contains("Built 1 of 2 examples (b; the other had not changed)"), "\(changed)")
  }

  @Test func whatHoldsOnAnotherPlatformIsSkippedHereAndSaysSo() throws {
    let out = try runner([fixture("platforms"), "--json"])
    #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
    let report = try #require(out.reports.first)
    let elsewhere = try #require(report.examples.first { $0.name == "elsewhere" })
    #expect(elsewhere.status == .otherPlatform)
    #expect(elsewhere.runs.isEmpty)
    #expect(elsewhere.diagnostics.map(\.id) == ["run.other-platform"])
    #expect(elsewhere.diagnostics.first?.message.contains("not on this platform") == true)
    #expect(report.examples.first { $0.name == "everywhere" }?.status == .passed)
    #expect(report.claims.map(\.verdict) == [.skipped, .skipped, .passed])
    #expect(report.claims[0].reason?.contains("it holds on macOS, and this is Linux") == true)
    #expect(report.claims[0].platforms == [.macOS])
    #expect(report.claims[1].platforms == [.macOS])
    #expect(report.claims[2].platforms == [.linux, .macOS])
    // Nothing for another system is compiled.
    #expect(
      out.stderr.contains("Built 1 example") || out.stderr.contains("1 example already built"))
  }

  @Test func unknownLessonIsAClearError() throws {
    let out = try runner(["no-such-lesson"])
    #expect(out.status == 2)
    #expect(out.stderr.contains("no lesson 'no-such-lesson'"))
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptLeavesNoExampleRunningAndTheResultsIntact(signal: Int32) throws {
    let binary = packageRoot.appendingPathComponent(".build/debug/lesson-runner")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path))
    let workspace = Workspace(root: packageRoot)
    let lesson = try workspace.load(URL(fileURLWithPath: fixture("sleeper"))).get()
    // A previous run's results, which the interrupted run must leave as they are.
    let previous = Judge.report(
      of: lesson,
      environment: RunEnvironment(swiftVersion: "6", os: "Linux", cores: 2, date: "2026"),
      examples: [], claims: [], strict: false)
    try workspace.results.write(previous, stem: lesson.fileStem)
    let before = try Data(contentsOf: workspace.results.url(for: lesson.fileStem))

    let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sleeper-\(UUID().uuidString).pid")
    defer { try? FileManager.default.removeItem(at: pidFile) }
    let process = Process()
    process.executableURL = binary
    process.arguments = [fixture("sleeper")]
    process.currentDirectoryURL = packageRoot
    process.environment = ProcessInfo.processInfo.environment.merging([
      "NO_COLOR": "1", "TWO_STONES_PID_FILE": pidFile.path,
    ]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The first run of a draft builds it: wait for the example to say who it is.
    var example: pid_t?
    let deadline = Date().addingTimeInterval(600)
    while example == nil, process.isRunning, Date() < deadline {
      example = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0) }
      if example == nil { usleep(50_000) }
    }
    let pid = try #require(example, "the example never started")
    #expect(kill(pid, 0) == 0)

    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 128 + signal)
    #expect(isGone(pid), "example \(pid) is still running")
    let after = try Data(contentsOf: workspace.results.url(for: lesson.fileStem))
    #expect(after == before)
    guard case .success = ResultsFile.decode(after, file: "sleeper.json") else {
      Issue.record("the results file no longer decodes")
      return
    }
  }

  /// A claim that fails only because other runs shared the machine is judged again alone,
  /// and passes as "passed alone"; a false claim fails alone too.
  @Test func aClaimSpoiledByACrowdPassesAloneAndAFalseOneStillFails() throws {
    let workspace = Workspace(root: packageRoot)
    let lesson = try workspace.load(URL(fileURLWithPath: fixture("crowded"))).get()
    try? FileManager.default.removeItem(at: workspace.results.url(for: lesson.fileStem))
    let crowd = FileManager.default.temporaryDirectory.appendingPathComponent(
      "crowd-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: crowd) }
    let environment = ["NO_COLOR": "1", "CROWD_DIR": crowd.path]

    // Never measured, every example runs alone: shy is quick, slow is not.
    let first = try runner([fixture("crowded"), "--json"], environment: environment)
    #expect(first.status == 1, "\(first.stderr)")
    let alone = try #require(first.reports.first)
    #expect(alone.claims.map(\.words) == ["passed", "failed"])
    #expect(alone.examples.allSatisfy { $0.schedule?.sideBySide == false })

    // Measured as mostly waiting, they now run side by side, and shy sees the others.
    let second = try runner([fixture("crowded"), "--json"], environment: environment)
    #expect(second.status == 1, "\(second.stderr)")
    let report = try #require(second.reports.first)
    let shy = try #require(report.examples.first { $0.name == "shy" })
    #expect(shy.schedule?.sideBySide == true, "\(String(describing: shy.schedule))")
    #expect(shy.schedule?.reason.hasPrefix("mostly waits") == true)
    #expect(shy.runs.first?.sideBySide == true)
    #expect(shy.runs.dropFirst().allSatisfy { $0.sideBySide == nil })
    let claims = report.claims
    #expect(claims.map(\.words) == ["passed alone", "failed"])
    #expect(claims[0].verdict == .passed)
    #expect(claims[0].rerun?.firstVerdict == .failed)
    #expect((claims[0].rerun?.firstMeasured ?? 0) > 0.5)
    #expect((claims[0].measured ?? 1) < 0.3)
    #expect(claims[1].verdict == .failed)
    #expect(claims[1].rerun?.runsAlone ?? 0 >= 3)
    #expect(second.stderr.contains("passed alone; first failed side by side"))
  }
}
