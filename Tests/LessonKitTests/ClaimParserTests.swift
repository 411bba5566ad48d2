import Testing

@testable import LessonKit

@Suite struct ClaimParserTests {
  let here = SourceLocation(file: "l.md", line: 1, column: 1)

  func claim(_ text: String, _ target: String, _ title: String = "") throws -> Claim {
    try ClaimParser.parse(text: text, target: target, title: title, at: here)
  }

  @Test func approximateTimeWithDefaultTolerance() throws {
    let c = try claim("about 2 s", "two")
    #expect(c.expectation.relation == .approximately)
    #expect(c.expectation.value == 2)
    #expect(c.expectation.dimension == .time)
    #expect(c.expectation.holds(for: 2.4))
    #expect(!c.expectation.holds(for: 2.6))
    #expect(!c.expectation.holds(for: 1.4))
  }

  @Test func smallTimesKeepAFloorOfFiftyMilliseconds() throws {
    let c = try claim("about 100 ms", "x")
    #expect(c.expectation.holds(for: 0.149))
    #expect(!c.expectation.holds(for: 0.151))
  }

  @Test func ratiosAndWords() throws {
    let r = try claim("about 1.5 times as long", "a/b")
    #expect(r.quantity == .ratio(Measure(example: "a"), Measure(example: "b")))
    #expect(r.expectation.value == 1.5)
    #expect(try claim("about half the time", "a/b").expectation.value == 0.5)
    #expect(try claim("twice as long", "a/b").expectation.value == 2)
    #expect(try claim("about two seconds", "a").expectation.value == 2)
    #expect(try claim("half a second", "a").expectation.value == 0.5)
    #expect(try claim("about as long as", "a/b").expectation.value == 1)
    #expect(try claim("about the same time", "a/b").expectation.value == 1)
  }

  @Test func boundsAndOptions() throws {
    let c = try claim("more than 0.5 s", "starve@max-gap", "needs 2 cores")
    #expect(c.quantity == .single(Measure(example: "starve", label: "max-gap")))
    #expect(c.expectation.relation == .moreThan)
    #expect(c.neededCores == 2)
    #expect(!c.expectation.holds(for: 0.5))
    #expect(c.expectation.holds(for: 0.51))
    let uneven = try claim("about 0.5 times", "a/b", "+40%/-20%")
    #expect(uneven.expectation.holds(for: 0.69))
    #expect(!uneven.expectation.holds(for: 0.39))
    let absolute = try claim("about 2 s", "a", "±0.1 s")
    #expect(!absolute.expectation.holds(for: 2.15))
  }

  @Test func aFindingOfSomePlatformsSaysWhichAndIsSkippedElsewhere() throws {
    let c = try claim("about 2 s", "a", "±10%, on Linux")
    #expect(c.platforms == [.linux])
    #expect(try claim("about 2 s", "a").platforms == nil)
    let run = RunRecord(
      ending: .exited(0), wallSeconds: 2, cpuSeconds: 0, stdout: "", stderr: "", lines: [])
    let elsewhere = ClaimChecker.check(c, runs: ["a": [run]], cores: 2, platform: .macOS)
    #expect(elsewhere.verdict == .skipped)
    #expect(elsewhere.reason == "not on this platform: it holds on Linux, and this is macOS")
    #expect(
      ClaimChecker.check(c, runs: ["a": [run]], cores: 2, platform: .linux).verdict == .passed)
  }

  @Test(arguments: [
    ("soon", "a", ""), ("about 2", "a", ""), ("about 2 s", "a/b", ""),
    ("about 2 s", "a", "±1 banana"), ("about 2 s", "a", "needs many cores"),
    ("at least 2 s", "a", "±10%"), ("about 2 s", "A b", ""), ("about 2 s", "a/b/c", ""),
    ("about 2 s", "a", "loud"), ("about 2 s", "a", "on Plan 9"),
    ("about 2 s", "a", "on Linux, on linux"),
  ])
  func malformedClaims(_ text: String, _ target: String, _ title: String) {
    #expect(throws: Diagnostic.self) { try claim(text, target, title) }
  }

  @Test func falsifiedNumbersFailTheDefaultTolerance() throws {
    // A claim whose number is 1.5 or 0.6 times the truth must not hold.
    for truth in [0.2, 1.0, 2.0, 3.0] {
      for factor in [1.5, 0.6] {
        let c = try claim("about \(truth * factor) s", "a")
        #expect(!c.expectation.holds(for: truth), "claim \(truth * factor) s held for \(truth) s")
      }
    }
  }

  /// A claim must be able to fail: a range that reaches 0 can never fail from below.
  @Test(arguments: [
    ("about 2 s", "a", "±100%"), ("about 2 s", "a", "±250%"), ("about 2 s", "a", "+10%/-100%"),
    ("about 0.5 times", "a/b", "+50%/-120%"), ("about 2 s", "a", "±2 s"),
    ("about 2 s", "a", "+1 s/-3 s"), ("about 10 ms", "a", ""), ("about 50 ms", "a", ""),
    ("at least 0 s", "a", ""), ("more than 0 s", "a", ""), ("about 0 s", "a", ""),
    ("about 0 times", "a@n", ""),
  ])
  func claimsThatCannotFail(_ text: String, _ target: String, _ title: String) {
    #expect {
      try claim(text, target, title)
    } throws: { error in
      (error as? Diagnostic)?.message.hasPrefix("claim '\(text)' can never fail: ") == true
    }
  }

  @Test(arguments: [
    ("about 2 s", "a", "±99%"), ("about 2 s", "a", "+200%/-50%"), ("about 10 ms", "a", "±5 ms"),
    ("about 60 ms", "a", ""), ("at least 1 ms", "a", ""), ("less than 0 s", "a", ""),
  ])
  func claimsThatCanFail(_ text: String, _ target: String, _ title: String) throws {
    _ = try claim(text, target, title)
  }

  @Test func cannotFailMessagesSayWhatToWrite() {
    #expect {
      try claim("about 2 s", "a", "±100%")
    } throws: { error in
      (error as? Diagnostic)?.message
        == "claim 'about 2 s' can never fail: its tolerance allows 100% below the number, which reaches 0, and no measurement is less than 0; allow less than 100% below, as in '+100%/-50%'"
    }
    #expect {
      try claim("about 20 ms", "a")
    } throws: { error in
      (error as? Diagnostic)?.id == "lesson.claim.cannot-fail"
        && (error as? Diagnostic)?.message.contains(
          "without a tolerance a time claim allows ±0.05 s")
          == true
    }
  }

  @Test(arguments: [
    ("about 1 times", "a/a", ""), ("about as long", "a@x/a@x", ""),
    ("about 2 s", "a", "±10%, ±20%"),
    ("about 2 s", "a", "needs 2 cores, needs 4 cores"),
    ("about \(String(repeating: "9", count: 400)) s", "a", ""),
    ("about 2 s", "a", "±\(String(repeating: "9", count: 400))%"),
  ])
  func moreMalformedClaims(_ text: String, _ target: String, _ title: String) {
    #expect(throws: Diagnostic.self) { try claim(text, target, title) }
  }
}
