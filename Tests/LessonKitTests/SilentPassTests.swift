import Foundation
import Testing

@testable import LessonKit

/// A lesson either checks something that can fail, says it checks nothing, or is an error.
@Suite struct ChecksNothingTests {
  @Test func proseOnlyChecksNothingAndSaysSoOrNot() throws {
    let silent = try LessonParser.parse(
      source: fixtureText("silent.md"), path: "silent.md", fileName: "silent.md")
    #expect(silent.checksNothing)
    #expect(silent.checksNothingSilently)
    #expect(silent.checksNothingError?.location == SourceLocation(file: "silent.md", line: 1))
    #expect(silent.checksNothingError?.message.contains(Lesson.checksNothingMarker) == true)

    let appendix = try LessonParser.parse(
      source: fixtureText("appendix.md"), path: "appendix.md", fileName: "appendix.md")
    #expect(appendix.checksNothingOnPurpose)
    #expect(appendix.checksNothing)
    #expect(!appendix.checksNothingSilently)
    #expect(appendix.checksNothingError == nil)

    let stones = try LessonParser.parse(
      source: fixtureText("stones.md"), path: "stones.md", fileName: "stones.md")
    #expect(!stones.checksNothing && !stones.checksNothingSilently)
  }

  @Test func theMarkerMustTellTheTruth() {
    let d = errors(
      "# T\n\n\(Lesson.checksNothingMarker)\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n")
    #expect(d.map(\.location.line) == [3])
    #expect(d.map(\.id) == ["lesson.marker.checks-something"])
    #expect(d.first?.message.contains("but it has 1 example and 0 claims") == true)
  }

  @Test func theMarkerMustBeOnALineOfItsOwnAndKnown() {
    let inline = errors("# T\n\nSome prose \(Lesson.checksNothingMarker) here.\n")
    #expect(inline.map(\.id) == ["lesson.directive.inline"])
    #expect(inline.first?.location.column == 12)
    let unknown = errors("# T\n\n<!-- lesson-runner: checks everything -->\n")
    #expect(unknown.map(\.id) == ["lesson.directive.unknown"])
    let spaced = try? lesson("# T\n\n<!--lesson-runner:   checks\n  nothing-->\n")
    #expect(spaced?.checksNothingOnPurpose == true)
  }

  @Test func anOrdinaryCommentIsNotAMarker() throws {
    #expect(try !lesson("# T\n\n<!-- a note to the author -->\n").checksNothingOnPurpose)
  }
}

@Suite struct CodeThatLooksLikeAnExampleTests {
  /// Blocks an author meant as examples, output or diagnostics that would be skipped.
  @Test(arguments: [
    "Swift example=a", "SWIFT", "swift5 example=a", "{.swift}", "swiftui", "swift,example=a",
    "Output example=a", "diagnostic: example=a", "", "text example=a", "sh setup=s",
  ])
  func isAnErrorAtItsFence(_ info: String) {
    for marks in ["```", "~~~~"] {
      let d = errors("# T\n\n\(marks)\(info)\nprint(1)\n\(marks)\n")
      #expect(d.count == 1, "\(info): \(d)")
      #expect(d.first?.location.line == 3)
    }
  }

  @Test(arguments: ["text", "sh", "console", "markdown example", "outputs"])
  func otherLanguagesAreProse(_ info: String) throws {
    #expect(try lesson("# T\n\n```\(info)\nprint(1)\n```\n").examples.isEmpty)
  }

  @Test func theMessageSaysWhatToWrite() {
    let d = errors("# T\n\n```Swift example=a\nprint(1)\n```\n")
    #expect(
      d.first?.message
        == "the runner reads only 'swift', so this 'Swift' block would be ignored: write swift in lower case, or a word such as text for a block the runner should not read"
    )
  }

  @Test func spacesAroundEqualsAreOneError() throws {
    for info in ["swift example = a", "swift example= a", "swift example =a"] {
      let d = errors("# T\n\n```\(info)\nprint(1)\n```\n\n```output example=a\n1\n```\n")
      #expect(d.count == 1, "\(info): \(d)")
      #expect(d.first?.location.column == 10)
    }
  }
}

@Suite struct ClaimShapedLinksTests {
  @Test func anImageIsNotAClaim() {
    let d = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nx ![about 2 s](claim:a)\n")
    #expect(d.map(\.location.description) == ["lessons/09-test.md:7:3"])
    #expect(d.map(\.id) == ["lesson.claim.image"])
  }

  @Test func anAutolinkIsNotAClaim() {
    let d = errors("# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nsee <claim:a>\n")
    #expect(d.map(\.id) == ["lesson.claim.autolink"])
  }

  @Test func theSchemeIsLowerCase() {
    let d = errors("# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n[about 2 s](Claim:a)\n")
    #expect(d.map(\.id) == ["lesson.claim.scheme-case"])
  }

  @Test func referenceLinksAreClaimsLikeAnyLink() throws {
    let l = try lesson(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nIt takes [about 2 s][c].\n\n[c]: claim:a \"±10%\"\n"
    )
    #expect(l.claims.count == 1)
    #expect(l.claims.first?.location.description == "lessons/09-test.md:7:10")
    #expect(l.claims.first?.expectation.tolerance.relativeAbove == 0.1)
    // A shortcut reference's text is its label, which states no number.
    let d = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nsee [c].\n\n[c]: claim:a\n")
    #expect(d.map(\.id) == ["lesson.claim.no-number"])
  }

  @Test func claimsAndFencesInRawHTMLAreErrors() {
    let claim = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n<p>\nIt takes [about 2 s](claim:a).\n</p>\n"
    )
    #expect(claim.map(\.location.line) == [8])
    #expect(claim.map(\.id) == ["lesson.html.claim-inside"])
    let anchor = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nIt takes <a href=\"claim:a\">2 s</a>.\n"
    )
    #expect(anchor.count == 1)
    let fenced = errors("# T\n\n<div>\n\(fence)swift example=a\nprint(1)\n\(fence)\n</div>\n")
    #expect(fenced.map(\.location.line) == [4])
  }

  @Test func rawClaimTextInProseIsProse() throws {
    #expect(try lesson("# T\n\nA link such as claim:a is written in brackets.\n").claims.isEmpty)
  }
}

@Suite struct DeclaredButUnusedTests {
  @Test func setupsNoExampleUsesAreStillChecked() {
    let circle = errors(
      "# T\n\n\(fence)swift setup=a uses=b\nlet a = 1\n\(fence)\n\n\(fence)swift setup=b uses=a\nlet b = 1\n\(fence)\n"
    )
    #expect(circle.map(\.id) == ["lesson.setup.circle"])
    #expect(circle.first?.message == "setups use each other in a circle: a → b → a")
    let selfUse = errors("# T\n\n\(fence)swift setup=a uses=a\nlet a = 1\n\(fence)\n")
    #expect(selfUse.map(\.id) == ["lesson.setup.circle"] && selfUse[0].message.hasSuffix(": a → a"))
    let unknown = errors("# T\n\n\(fence)swift setup=a uses=ghost\nlet a = 1\n\(fence)\n")
    #expect(unknown.map(\.location.column) == [18])
    #expect(unknown.map(\.id) == ["lesson.uses.unknown-setup"])
    let badAttribute = errors("# T\n\n\(fence)swift setup=a runs=3\nlet a = 1\n\(fence)\n")
    #expect(badAttribute.map(\.id) == ["lesson.attribute.not-for-role"])
  }

  @Test func aSetupNoExampleUsesIsNeverCompiledSoItIsAnError() throws {
    let d = errors("# T\n\n\(fence)swift setup=lonely\nlet a = 1\n\(fence)\n")
    #expect(d.map(\.location.description) == ["lessons/09-test.md:3:10"])
    #expect(d.map(\.id) == ["lesson.setup.unused"])
    // Used through another setup, or by an example that has an error of its own: not reported.
    _ = try lesson(
      "# T\n\n\(fence)swift setup=a\nlet a = 1\n\(fence)\n\n\(fence)swift setup=b uses=a\nlet b = a\n\(fence)\n\n\(fence)swift example=x uses=b\nprint(b)\n\(fence)\n"
    )
    let broken = errors(
      "# T\n\n\(fence)swift setup=a\nlet a = 1\n\(fence)\n\n\(fence)swift example=x uses=a colour=red\nprint(a)\n\(fence)\n"
    )
    #expect(broken.map(\.id) == ["lesson.attribute.unknown"])
  }

  @Test func aCircleUsedByAnExampleIsReportedOnce() {
    let d = errors(
      "# T\n\n\(fence)swift setup=a uses=b\nlet a = 1\n\(fence)\n\n\(fence)swift setup=b uses=a\nlet b = 1\n\(fence)\n\n\(fence)swift example=x uses=a\nprint(1)\n\(fence)\n"
    )
    #expect(d.map(\.id) == ["lesson.setup.circle"])
  }

  @Test func usesNamesSetupsOnly() {
    let d = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n\(fence)swift example=b uses=a,\nprint(2)\n\(fence)\n"
    )
    #expect(d.map(\.id) == ["lesson.uses.names-example", "lesson.uses.invalid-name"])
  }

  @Test func expectedTextThatMatchesAnythingIsAnError() {
    let anything = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n\(fence)output example=a\n…\n\n…\n\(fence)\n"
    )
    #expect(anything.map(\.id) == ["lesson.expected.only-ellipsis"])
    let nothing = errors(
      "# T\n\n\(fence)swift example=a compile-fail\nlet x: Int = \"\"\n\(fence)\n\n\(fence)diagnostic example=a\n\n\(fence)\n"
    )
    #expect(nothing.map(\.id) == ["lesson.expected.diagnostic-says-nothing"])
    for anyError in ["error: …", "…", "Error:", "error: … \nwarning"] {
      let d = errors(
        "# T\n\n\(fence)swift example=a compile-fail\nlet x: Int = \"\"\n\(fence)\n\n\(fence)diagnostic example=a\n\(anyError)\n\(fence)\n"
      )
      #expect(d.count == 1, "\(anyError)")
    }
    let specific = try? lesson(
      "# T\n\n\(fence)swift example=a compile-fail\nlet x: Int = \"\"\n\(fence)\n\n\(fence)diagnostic example=a\nerror: …\nerror: …cannot convert…\n\(fence)\n"
    )
    #expect(specific?.examples.first?.expectedDiagnostics != nil)
    #expect(
      errors(
        "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\n\(fence)output example=a\n\(fence)\n"
      )
      .isEmpty)
  }
}

/// One mistake gives one diagnostic, not one per place that mentions what it broke.
@Suite struct OneMistakeOneErrorTests {
  static let cases: [(String, String)] = [
    (
      "an unknown attribute on an example with output and a claim",
      "# T\n\n```swift example=a colour=red\nprint(1)\n```\n\n```output example=a\n1\n```\n\n[about 1 s](claim:a)\n"
    ),
    (
      "compile-only and compile-fail together, with a diagnostic block",
      "# T\n\n```swift example=a compile-only compile-fail\nx\n```\n\n```diagnostic example=a\nerror: …cannot find…\n```\n"
    ),
    (
      "a setup with an example's attribute, used by an example",
      "# T\n\n```swift setup=s timeout=1s\nlet s = 1\n```\n\n```swift example=a uses=s\nprint(s)\n```\n"
    ),
    (
      "a fence never closed, named by an earlier claim",
      "# T\n\nIt takes [about 1 s](claim:a).\n\n```swift example=a\nprint(1)\n"
    ),
    (
      "a block that is both an example and a setup",
      "# T\n\n```swift example=a setup=s\nx\n```\n\n```output example=a\n1\n```\n\n```swift example=b uses=s\nprint(1)\n```\n"
    ),
    (
      "a capitalised language, with output",
      "# T\n\n```Swift example=a\nprint(1)\n```\n\n```output example=a\n1\n```\n\n[about 1 s](claim:a)\n"
    ),
    (
      "a typo in the role attribute",
      "# T\n\n```swift exampel=a\nprint(1)\n```\n"
    ),
    (
      "an attribute given twice",
      "# T\n\n```swift example=a runs=2 runs=3\nprint(1)\n```\n\n```output example=a\n1\n```\n"
    ),
    (
      "a flag with a value on a second block",
      "# T\n\n```swift example=a\nprint(1)\n```\n\n```swift example=a hidden=yes\nprint(2)\n```\n\n[about 1 s](claim:a)\n"
    ),
    ("a zero timeout", "# T\n\n```swift example=a timeout=0s\nprint(1)\n```\n"),
    (
      "two names for one example",
      "# T\n\n```swift example=a example=b\nx\n```\n\n```output example=b\n1\n```\n\n[about 1 s](claim:a)\n"
    ),
    (
      "a bad attribute on the diagnostic block of a compile-fail example",
      "# T\n\n```swift example=a compile-fail\nx\n```\n\n```diagnostic example=a unordered\nerror: …\n```\n"
    ),

  ]

  @Test(arguments: cases)
  func oneDiagnostic(_ what: String, _ source: String) {
    let d = errors(source)
    #expect(d.count == 1, "\(what): \(d.map(\.description))")
  }

  @Test func badDurationsSayTheRange() {
    let zero = errors("# T\n\n```swift example=a timeout=0s\nprint(1)\n```\n")
    #expect(
      zero.first?.message
        == "bad duration '0s': a timeout must be positive, from 1ms to 3600s (one hour)")
    let long = errors("# T\n\n```swift example=a timeout=2h\nprint(1)\n```\n")
    #expect(long.first?.id == "lesson.timeout.unreadable")
    let tiny = errors("# T\n\n```swift example=a timeout=0.0001ms\nprint(1)\n```\n")
    #expect(tiny.first?.id == "lesson.timeout.out-of-range")
  }
}

/// Every lesson of the book and every fixture lesson is read as before.
@Suite struct BookTests {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  @Test func everyLessonParsesAndChecksSomething() throws {
    let dir = Self.root.appendingPathComponent("lessons")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".md") }
    #expect(!names.isEmpty)
    for name in names {
      let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
      let text = try LessonSource.text(of: bytes, path: name).get()
      let lesson = try LessonParser.parse(source: text, path: name, fileName: name)
      #expect(!lesson.checksNothingSilently, "\(name)")
      let again = try LessonParser.parse(source: crlf(text), path: name, fileName: name)
      #expect(summary(again) == summary(lesson), "\(name) with CR LF")
    }
  }

  @Test func everyLessonEndsWithAnExercise() throws {
    let dir = Self.root.appendingPathComponent("lessons")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    for name in names {
      let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
      let lesson = try LessonParser.parse(source: text, path: name, fileName: name)
      #expect(!lesson.exercises.isEmpty, "\(name) has no exercise")
      for exercise in lesson.exercises {
        #expect(!exercise.hints.isEmpty, "\(name): exercise \(exercise.name) has no hint")
      }
    }
  }

  @Test func theFormatDocumentsEveryAttribute() throws {
    let doc = try String(
      contentsOf: Self.root.appendingPathComponent("docs/lesson-format.md"), encoding: .utf8)
    for spec in Attributes.table {
      #expect(doc.contains("| `\(spec.sample)"), "docs/lesson-format.md lacks \(spec.name)")
    }
  }
}

@Suite struct HostileLessonTests {
  @Test func nestingTooDeepIsAnErrorNotACrash() {
    let d = errors("# T\n\n" + String(repeating: ">", count: 20_000) + " [about 1 s](claim:a)\n")
    #expect(d.contains { $0.id == "lesson.markdown.too-deep" })
  }
}

/// Inputs that once crashed or misled the parser, most found by scripts/fuzz: each must now
/// parse, or fail with diagnostics inside the file.
@Suite struct FuzzRegressionTests {
  @Test func everyRegressionInputParsesOrFailsCleanly() throws {
    let dir = BookTests.root.appendingPathComponent("Fuzz/regressions/lesson")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(!names.isEmpty)
    for name in names {
      let bytes = try Data(contentsOf: dir.appendingPathComponent(name))
      guard case .success(let text) = LessonSource.text(of: bytes, path: name) else { continue }
      let lines = LessonSource.lines(text).count
      if case .failure(let e) = parse(text) {
        #expect(e.diagnostics.allSatisfy { (1...lines).contains($0.location.line) }, "\(name)")
      }
    }
  }
}
