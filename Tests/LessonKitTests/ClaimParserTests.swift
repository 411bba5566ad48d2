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

  @Test(arguments: [
    ("soon", "a", ""), ("about 2", "a", ""), ("about 2 s", "a/b", ""),
    ("about 2 s", "a", "±1 banana"), ("about 2 s", "a", "needs many cores"),
    ("at least 2 s", "a", "±10%"), ("about 2 s", "A b", ""), ("about 2 s", "a/b/c", ""),
    ("about 2 s", "a", "loud"),
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
}
