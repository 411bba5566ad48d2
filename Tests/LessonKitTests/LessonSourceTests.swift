import Foundation
import Testing

@testable import LessonKit

/// The lesson fixtures shared by these tests and the fuzzers' seed corpus.
func fixtureURL(_ name: String) -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ParseFixtures").appendingPathComponent(name)
}

func fixtureText(_ name: String) throws -> String {
  try LessonSource.text(of: Data(contentsOf: fixtureURL(name)), path: name).get()
}

/// Everything a run depends on, as text, so that two parses can be compared.
func summary(_ lesson: Lesson) -> [String] {
  lesson.examples.flatMap { e in
    ["example \(e.name) at \(e.location) \(e.mode) runs=\(e.runs) timeout=\(e.timeout)"]
      + e.chunks.map {
        "  chunk \($0.role) \($0.setupName ?? "-") at \($0.location): \($0.code.debugDescription)"
      }
      + [e.expectedOutput, e.expectedDiagnostics].compactMap { $0 }.map {
        "  expects at \($0.location) unordered=\($0.unordered): \($0.text.debugDescription)"
      }
  }
    + lesson.claims.map {
      "claim \($0.text.debugDescription) at \($0.location) \($0.quantity) \($0.expectation) cores=\(String(describing: $0.neededCores))"
    } + ["title \(lesson.title)", "on purpose \(lesson.checksNothingOnPurpose)"]
}

func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }
func cr(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r") }

@Suite struct LineEndingTests {
  @Test func linesAreCutAtLFCRAndCRLF() {
    #expect(LessonSource.lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
    #expect(LessonSource.lines("a\n") == ["a", ""])
    #expect(LessonSource.lines("") == [""])
    #expect(LessonSource.lines("\r\r\n\n") == ["", "", "", ""])
    #expect(LessonSource.lines("é\r\nü") == ["é", "ü"])
    // In Swift "\r\n" is one Character: cutting at "\n" keeps it one line.
    #expect("a\r\nb".split(separator: "\n").count == 1)
    #expect(LessonSource.normalizingLineEndings("a\r\nb\rc\n") == "a\nb\nc\n")
  }

  @Test(arguments: ["stones-crlf.md", "stones-cr.md"])
  func fixturesSavedWithOtherLineEndingsParseTheSame(_ name: String) throws {
    let lf = try LessonParser.parse(
      source: fixtureText("stones.md"), path: "p.md", fileName: "09-stones.md")
    let other = try LessonParser.parse(
      source: fixtureText(name), path: "p.md", fileName: "09-stones.md")
    #expect(lf.examples.count == 2)
    #expect(lf.claims.count == 2)
    #expect(lf.examples.first?.chunks.count == 4)
    #expect(summary(other) == summary(lf))
  }

  static let sources = [
    // Every part of the format, with a claim whose title spans two lines.
    """
    # T

    \(fence)swift setup=s
    let s = 1
    \(fence)

    \(fence)swift example=a uses=s timeout=2s
    print(s)
    \(fence)

    It takes [about 1 s](claim:a "±20%,
    needs 2 cores") and [at most 3 s](claim:a).

    \(fence)output example=a
    1
    \(fence)
    """,
    // Errors keep their lines and columns.
    "# T\n\n\(fence)swift example=a colour=red\nprint(1)\n\(fence)\n\n[soon](claim:a)\n",
    "# T\n\n\(fence)swift example=a\nprint(1)\n\nnever closed\n",
    "# T\n\n\(fence)output example=ghost\nx\n\(fence)\n",
    "no title\n\n\(fence)swift\nx\n\(fence)\n",
  ]

  @Test(arguments: sources)
  func crlfAndCRParseLikeLF(_ source: String) {
    for variant in [crlf(source), cr(source)] {
      switch (parse(source), parse(variant)) {
      case (.success(let a), .success(let b)):
        #expect(summary(a) == summary(b))
        #expect(!a.examples.isEmpty)
      case (.failure(let a), .failure(let b)):
        #expect(a.diagnostics == b.diagnostics)
      default:
        Issue.record("LF and \(variant.debugDescription) disagree")
      }
    }
  }

  @Test func aByteOrderMarkChangesNothing() throws {
    let source = "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nIn [about 1 s](claim:a).\n"
    let plain = try lesson(source)
    let marked = try lesson("\u{FEFF}" + source)
    #expect(summary(marked) == summary(plain))
    #expect(marked.title == "T")
  }

  @Test func codeIsGivenWithLFWhateverTheFileUses() throws {
    let l = try lesson(crlf("# T\n\n\(fence)swift example=a\nlet a = 1\nprint(a)\n\(fence)\n"))
    #expect(l.examples.first?.chunks.first?.code == "let a = 1\nprint(a)\n")
  }
}

@Suite struct BytesTests {
  @Test func utf8TextIsReadAsIs() throws {
    let text = "# Tïtle\r\n\nstones: 🪨🪨\n"
    #expect(try LessonSource.text(of: Array(text.utf8), path: "x.md").get() == text)
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# T\n".utf8)
    #expect(try LessonSource.text(of: bom, path: "x.md").get() == "\u{FEFF}# T\n")
  }

  @Test func badBytesAreErrorsAtTheirLineAndColumn() throws {
    let data = try Data(contentsOf: fixtureURL("not-utf8.md"))
    guard case .failure(let errors) = LessonSource.text(of: data, path: "not-utf8.md") else {
      Issue.record("bad bytes were read as text")
      return
    }
    // Line 3 has two bad bytes and is reported once, at the first; the NUL on line 4 and
    // the surrogate on line 5 follow a CR LF and a lone CR.
    #expect(
      errors.diagnostics.map(\.location.description) == [
        "not-utf8.md:3:8", "not-utf8.md:4:6", "not-utf8.md:5:6",
      ])
    #expect(errors.diagnostics[0].message.hasPrefix("byte 0xFF is not UTF-8 text"))
    #expect(errors.diagnostics[1].message.hasPrefix("a NUL byte (0x00) is not text"))
    #expect(errors.diagnostics[2].message.hasPrefix("byte 0xED is not UTF-8 text"))
  }

  @Test(
    arguments: [
      [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
      [0x80], [0xE2, 0x82], [0xF0, 0x9F, 0xAA],
    ] as [[UInt8]])
  func malformedSequencesAreRejected(_ bad: [UInt8]) {
    let bytes = Array("ok\nab".utf8) + bad + Array("cd\n".utf8)
    guard case .failure(let errors) = LessonSource.text(of: bytes, path: "x.md") else {
      Issue.record("\(bad) was read as text")
      return
    }
    #expect(errors.diagnostics.map(\.location.description) == ["x.md:2:3"])
  }

  @Test func aNulInTextGivenToTheParserIsAnError() {
    let d = errors("# T\n\nab\u{0}c\n")
    #expect(d.map(\.location.description) == ["lessons/09-test.md:3:3"])
  }

  @Test func unreadablePathsSayWhy() {
    #expect(
      LessonSource.unreadable(.directory, path: "lessons").description
        == "lessons:1:1: error: this is a directory, not a lesson file: name a .md file inside it")
    #expect(LessonSource.unreadable(.missing, path: "x.md").id == "lesson.file.missing")
  }
}
