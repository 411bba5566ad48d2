import Foundation
import Testing

@testable import LessonKit

/// A lesson with one example of each kind, read by the real parser.
private func judgeLesson() throws -> Lesson {
  try LessonParser.parse(
    source: """
      # Judging

      ```swift example=greet
      print("hello")
      ```

      ```output example=greet
      hello
      ```

      It takes [about 1 s](claim:greet).

      ```swift example=racy compile-fail
      var count = 0
      ```

      ```diagnostic example=racy
      error: …mutable state…
      ```
      """, path: "lessons/05-judging.md", fileName: "05-judging.md")
}

private func record(
  _ ending: RunRecord.Ending, wall: Double = 1, stdout: String = "", stderr: String = ""
) -> RunRecord {
  RunRecord(
    ending: ending, wallSeconds: wall, cpuSeconds: 0, stdout: stdout, stderr: stderr, lines: [])
}

@Suite struct JudgeTests {
  @Test func outputIsJudgedAtTheOutputBlocksFence() throws {
    let lesson = try judgeLesson()
    let greet = try #require(lesson.example(named: "greet"))
    #expect(Judge.problem(with: record(.exited(0), stdout: "hello\n"), of: greet) == nil)
    let wrong = try #require(Judge.problem(with: record(.exited(0), stdout: "bye\n"), of: greet))
    #expect(wrong.location == SourceLocation(file: "lessons/05-judging.md", line: 7))
    #expect(wrong.id == "judge.output.differs")
    let exit = try #require(Judge.problem(with: record(.exited(3)), of: greet))
    #expect(exit.location == greet.location)
    #expect(exit.id == "run.exit-status")
    #expect(exit.description.hasSuffix("error: example 'greet' exited with status 3"))
  }

  @Test func aFailedRunFailsTheExampleOnceWhateverTheNumberOfRuns() throws {
    let lesson = try judgeLesson()
    let greet = try #require(lesson.example(named: "greet"))
    var report = Judge.emptyReport(of: greet)
    Judge.add(record(.timedOut), of: greet, to: &report)
    Judge.add(record(.timedOut), of: greet, to: &report)
    #expect(report.status == .failed)
    #expect(report.runs.count == 2)
    #expect(report.diagnostics.count == 1)
  }

  @Test func aCrashIsShownAtTheLessonLineWithTheRuntimesWords() throws {
    let lesson = try judgeLesson()
    let greet = try #require(lesson.example(named: "greet"))
    let map = SourceMap([Tangler.lineTable(for: lesson)])
    let stderr = """
      Swift/ContiguousArrayBuffer.swift:691: Fatal error: Index out of range

      💣 Program crashed: Illegal instruction at 0x00007f0c2a1b2c3d

      Thread 0 crashed:

      0 0x00007f0c2a1b2c3d _assertionFailure(_:_:file:line:flags:) + 264 in libswiftCore.so
      1 0x000055d0c0ffee00 main + 120 in Lesson05Greet at /book/Sources/Lessons/05-judging/greet/main.swift:3:7

      Registers:
      rax 0x0000000000000000  0
      rdx 0x00007ffd5b0c7e30  00 00 00 00
      """
    let crash = Judge.Crash(stderr: stderr, map: map, lesson: lesson.path)
    #expect(crash.location == SourceLocation(file: "lessons/05-judging.md", line: 4, column: 7))
    #expect(crash.message == "Fatal error: Index out of range")
    #expect(crash.excerpt.contains { $0.contains("lessons/05-judging.md:4:7") })
    #expect(!crash.excerpt.contains { $0.contains("rax") || $0.contains("Registers") })
    let problem = try #require(
      Judge.problem(with: record(.signalled(4), stderr: stderr), of: greet, map: map))
    #expect(
      problem.message
        == "example 'greet' crashed at lessons/05-judging.md:4:7: Fatal error: Index out of range (signal 4, SIGILL: a Swift runtime trap)"
    )
  }

  @Test func compilerOutputIsReadInOnePlaceAndMappedToTheLesson() throws {
    let lesson = try judgeLesson()
    let map = SourceMap([Tangler.lineTable(for: lesson)])
    let output = """
      Building for debugging...
      /book/Sources/Lessons/05-judging/greet/main.swift:3:18: error: cannot find 'x' in scope
        3 | print(x)
          |       `- error: cannot find 'x' in scope
      /book/Sources/Lessons/05-judging/greet/main.swift:3:18: error: cannot find 'x' in scope
      /elsewhere/Other.swift:10:2: warning: unused
      error: fatalError
      """
    let found = CompilerOutput.diagnostics(in: output, map: map)
    #expect(
      found.map(\.description) == [
        "lessons/05-judging.md:4:18: error: cannot find 'x' in scope",
        "/elsewhere/Other.swift:10:2: warning: unused",
      ])
    let greet = try #require(lesson.example(named: "greet"))
    #expect(Judge.buildFailure(of: greet, output: output, map: map).count == 1)
    let silent = Judge.buildFailure(of: greet, output: "linker died\n", map: map)
    #expect(silent.first?.location == greet.location)
    #expect(silent.map(\.id) == ["build.failed"])
    #expect(silent.first?.message.contains("linker died") == true)
  }

  @Test func compileFailExamplesMustFailSayingWhatTheLessonExpects() throws {
    let lesson = try judgeLesson()
    let racy = try #require(lesson.example(named: "racy"))
    let said =
      "/b/Sources/Lessons/05-judging/compile-fail/racy.swift:3:5: error: var 'count' is not concurrency-safe because it is nonisolated global shared mutable state\n"
    #expect(Judge.compileFailure(record(.exited(1), stderr: said), of: racy).isEmpty)
    let other = Judge.compileFailure(
      record(.exited(1), stderr: "/b/x.swift:1:1: error: something else\n"), of: racy)
    #expect(other.map(\.id) == ["build.compiler-never-said", "build.compiler-said"])
    #expect(other.first?.message == "the compiler never said 'error: …mutable state…'")
    #expect(other.first?.location.line == 18)
    #expect(other.last?.severity == .note)
    #expect(
      Judge.compileFailure(record(.exited(0)), of: racy).first?.message
        == "example 'racy' must not compile, but it does")
  }

  @Test func strictFailsALooseClaimThatOtherwisePasses() throws {
    let lesson = try judgeLesson()
    let greet = try #require(lesson.example(named: "greet"))
    var report = Judge.emptyReport(of: greet)
    Judge.add(record(.exited(0), wall: 1.0, stdout: "hello\n"), of: greet, to: &report)
    var results = Judge.claims(of: lesson, examples: [report], cores: 2)
    #expect(results.first?.verdict == .passed)
    results[0].sharp = false
    let plain = Judge.report(
      of: lesson, environment: env, examples: [report], claims: results, strict: false)
    let strict = Judge.report(
      of: lesson, environment: env, examples: [report], claims: results, strict: true)
    #expect(plain.status == .passed)
    #expect(strict.status == .failed)
  }

  @Test func statusIsAnErrorForABuildFailureAndAFailureForAFalseClaim() throws {
    let lesson = try judgeLesson()
    let greet = try #require(lesson.example(named: "greet"))
    var report = Judge.emptyReport(of: greet)
    report.status = .buildFailed
    #expect(Judge.status(diagnostics: [], examples: [report], claims: [], strict: false) == .error)
    Judge.add(record(.exited(0), wall: 3, stdout: "hello\n"), of: greet, to: &report)
    report.status = .passed
    let results = Judge.claims(of: lesson, examples: [report], cores: 2)
    #expect(results.first?.verdict == .failed)
    #expect(Judge.examplesToRunAgain(results) == ["greet"])
    #expect(
      Judge.status(
        diagnostics: [], examples: [report], claims: results.map(ClaimReport.init), strict: false)
        == .failed)
  }

  let env = RunEnvironment(
    swiftVersion: "6.3.1", os: "Linux", cores: 2, date: "2026-01-01T00:00:00Z")

  @Test func resultsFilesKeepTheirVersionAndSayWhyTheyCannotBeRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "results-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let results = ResultsFile(directory: folder)
    let lesson = try judgeLesson()
    let report = Judge.report(
      of: lesson, environment: env, examples: [], claims: [], strict: false)
    try results.write(report, stem: "05-judging")
    guard case .success(let read) = results.read("05-judging") else {
      Issue.record("a written report must read back")
      return
    }
    #expect(read.sourceHash == report.sourceHash)
    #expect(results.read("06-none") == .failure(.missing))

    try Data(#"{"lesson": "x"}"#.utf8).write(to: results.url(for: "old"))
    guard case .failure(.unreadable(_, let why)) = results.read("old") else {
      Issue.record("a file without a version is unreadable, not missing")
      return
    }
    #expect(why.contains("format"))
    try Data(#"{"formatVersion": \#(ResultsFile.formatVersion), "report": {"lesson": 3}}"#.utf8)
      .write(to: results.url(for: "bad"))
    guard case .failure(.unreadable(_, let reason)) = results.read("bad") else {
      Issue.record("a report that does not decode is unreadable")
      return
    }
    #expect(reason.contains("report"))
  }
}

extension Result where Success == LessonReport, Failure == ResultsFile.Failure {
  static func == (lhs: Self, rhs: Self) -> Bool {
    switch (lhs, rhs) {
    case (.failure(let a), .failure(let b)): return a == b
    default: return false
    }
  }
}
