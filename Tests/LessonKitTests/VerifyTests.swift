import Testing

@testable import LessonKit

func run(wall: Double, stdout: String = "") -> RunRecord {
  RunRecord(
    ending: .exited(0), wallSeconds: wall, cpuSeconds: 0, stdout: stdout, stderr: "", lines: [])
}

@Suite struct ClaimCheckerTests {
  let here = SourceLocation(file: "l.md", line: 3, column: 5)

  func check(
    _ text: String, _ target: String, _ title: String = "", runs: [String: [RunRecord]],
    cores: Int = 2
  )
    throws -> ClaimResult
  {
    ClaimChecker.check(
      try ClaimParser.parse(text: text, target: target, title: title, at: here), runs: runs,
      cores: cores)
  }

  @Test func wallTimeUsesTheMedian() throws {
    let runs = ["a": [run(wall: 2.0), run(wall: 9.0), run(wall: 2.1)]]
    let r = try check("about 2 s", "a", runs: runs)
    #expect(r.verdict == .passed)
    #expect(r.measured == 2.1)
    #expect(try check("about 3 s", "a", runs: runs).verdict == .failed)
  }

  @Test func ratioOfTwoExamples() throws {
    let runs = ["seq": [run(wall: 3.0)], "par": [run(wall: 2.0)]]
    #expect(try check("about 1.5 times as long", "seq/par", runs: runs).verdict == .passed)
    #expect(try check("about 2.25 times as long", "seq/par", runs: runs).verdict == .failed)
    #expect(try check("about 0.9 times", "seq/par", runs: runs).verdict == .failed)
  }

  @Test func printedMetrics() throws {
    let runs = ["s": [run(wall: 1, stdout: "tick\nmax heartbeat gap: 1.05 s\nthreads: 2\n")]]
    #expect(try check("more than 0.5 s", "s@max-heartbeat-gap", runs: runs).verdict == .passed)
    #expect(try check("less than 0.5 s", "s@max-heartbeat-gap", runs: runs).verdict == .failed)
    #expect(try check("about 2", "s@threads/s@threads", runs: runs).verdict == .failed)
    let missing = try check("about 1 s", "s@lateness", runs: runs)
    #expect(missing.verdict == .unmeasured)
    #expect(missing.reason?.contains("lateness") == true)
    #expect(try check("about 2 s", "s@threads", runs: runs).verdict == .unmeasured)
  }

  @Test func tooFewCoresSkipsAndNeverPasses() throws {
    let runs = ["a": [run(wall: 1.0)], "b": [run(wall: 2.0)]]
    let r = try check("about half the time", "a/b", "needs 4 cores", runs: runs, cores: 2)
    #expect(r.verdict == .skipped)
    #expect(r.reason?.contains("4 cores") == true)
  }

  @Test func noRunMeansUnmeasured() throws {
    #expect(try check("about 1 s", "a", runs: ["a": []]).verdict == .unmeasured)
  }
}

@Suite struct OutputMatcherTests {
  let at = SourceLocation(file: "l.md", line: 10)

  func mismatch(_ expected: String, _ actual: String, unordered: Bool = false) -> String? {
    OutputMatcher.mismatch(
      expected: ExpectedText(text: expected, location: at, unordered: unordered), actual: actual)
  }

  @Test func exactAfterTrimming() {
    #expect(mismatch("a\nb\n", "\na  \nb\n\n") == nil)
    #expect(mismatch("a\nb\n", "a\nc\n")?.contains("line 11") == true)
    #expect(mismatch("a\n", "a\nb\n")?.contains("goes on") == true)
    #expect(mismatch("a\nb\n", "a\n")?.contains("ends before") == true)
  }

  @Test func wildcards() {
    #expect(mismatch("took … s\n", "took 2.003 s\n") == nil)
    #expect(mismatch("start\n…\nend\n", "start\nx\ny\nend\n") == nil)
    #expect(mismatch("start\n…\nend\n", "start\nend\n") == nil)
    #expect(mismatch("start\n…\nend\n", "start\nx\n") != nil)
    #expect(mismatch("a…c…e", "abcde") == nil)
    #expect(mismatch("a…c…e", "abde") != nil)
  }

  @Test func unordered() {
    #expect(mismatch("b\na\n", "a\nb\n", unordered: true) == nil)
    #expect(mismatch("b\na\n", "a\nc\n", unordered: true) != nil)
    #expect(mismatch("a\n", "a\na\n", unordered: true) != nil)
  }
}

@Suite struct MetricsTests {
  @Test func labelsAndUnits() {
    let out = "speed-up: 1.93\nMax Heartbeat Gap: 250 ms\nmax heartbeat gap: 1.5 s\n"
    #expect(Metrics.value(of: "speed-up", in: out)?.0 == 1.93)
    #expect(Metrics.value(of: "max-heartbeat-gap", in: out)?.0 == 1.5)
    #expect(Metrics.value(of: "max-heartbeat-gap", in: out)?.1 == .time)
    #expect(Metrics.value(of: "absent", in: out) == nil)
  }
}

@Suite struct SharpnessTests {
  func expectation(_ text: String, _ title: String = "", target: String = "a") throws
    -> LessonKit.Expectation
  {
    try ClaimParser.parse(
      text: text, target: target, title: title, at: SourceLocation(file: "l.md", line: 1)
    ).expectation
  }

  @Test func defaultToleranceIsSharpForSecondsButNotForTinyTimes() throws {
    #expect(try expectation("about 2 s").isSharp(around: 2.05))
    // ±50 ms around 0.06 s still holds 0.1 s: a claim that proves little.
    #expect(try !expectation("about 100 ms").isSharp(around: 0.1))
    #expect(try expectation("about 100 ms", "±20%").isSharp(around: 0.1))
  }

  @Test func wideToleranceIsLoose() throws {
    #expect(try !expectation("about 2 s", "±60%").isSharp(around: 2))
  }

  @Test func boundsAreTestedInTheDirectionThatMakesThemFalse() throws {
    #expect(try expectation("more than 0.5 s").isSharp(around: 1.05))
    #expect(try expectation("less than 0.8 times", target: "a/b").isSharp(around: 0.5))
  }
}

@Suite struct BusyMachineTests {
  func run(wall: Double, others: Double) -> RunRecord {
    var r = RunRecord(
      ending: .exited(0), wallSeconds: wall, cpuSeconds: 0, stdout: "", stderr: "", lines: [])
    r.otherCPUSeconds = others
    return r
  }

  func check(_ runs: [String: [RunRecord]]) throws -> ClaimResult {
    let claim = try ClaimParser.parse(
      text: "about half the time", target: "two/one", title: "±20%, needs 2 cores",
      at: SourceLocation(file: "l.md", line: 1))
    return ClaimChecker.check(claim, runs: runs, cores: 2)
  }

  @Test func aFalseClaimOnAnIdleMachineFails() throws {
    let r = try check(["two": [run(wall: 1.0, others: 0.02)], "one": [run(wall: 1.0, others: 0)]])
    #expect(r.verdict == .failed)
  }

  @Test func aFailureWhileOthersHeldACoreIsSkippedNotPassed() throws {
    let r = try check(["two": [run(wall: 0.8, others: 0.7)], "one": [run(wall: 1.0, others: 0.9)]])
    #expect(r.verdict == .skipped)
    #expect(r.reason?.contains("free cores") == true)
  }

  @Test func aPassWhileBusyStillPasses() throws {
    let r = try check(["two": [run(wall: 0.5, others: 0.5)], "one": [run(wall: 1.0, others: 0.9)]])
    #expect(r.verdict == .passed)
  }
}

@Suite struct FormatTests {
  @Test func timesBelowAMillisecondKeepTheirDigits() {
    #expect(Format.value(51.2e-6, .time) == "51.2 µs")
    #expect(Format.value(640e-9, .time) == "640 ns")
    #expect(Format.value(0.21, .time) == "210 ms")
    #expect(Format.value(2.003, .time) == "2 s")
  }
}
