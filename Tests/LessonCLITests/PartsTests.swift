import Foundation
import Testing

@testable import LessonCLI
@testable import LessonKit
@testable import LessonRun

/// The pieces of the terminal view: the summary's counts, the table, the console.
@Suite struct PartsTests {
  @Test func countsSayHowManyExamplesAndClaimsPassed() throws {
    #expect(
      TerminalReporter.counts(try passingEvents().report)
        == "6 of 6 examples passed · 4 claims: 4 passed, 0 failed, 1 loose")
    #expect(
      TerminalReporter.counts(try failingEvents().report)
        == "1 of 2 examples passed · 1 claim: 0 passed, 1 failed")
    #expect(
      TerminalReporter.counts(try brokenEvents().report)
        == "1 of 2 examples passed · 1 claim: 0 passed, 1 failed")
    #expect(
      TerminalReporter.counts(try elsewhereEvents().report)
        == "2 of 3 examples passed (1 not on this platform) · 2 claims: 1 passed, 0 failed, 1 skipped"
    )
  }

  @Test func countsSayWhichClaimsPassedOnlyAlone() throws {
    let lesson = try passingLesson()
    let greet = try #require(lesson.claims.first)
    var alone = ClaimResult(claim: greet, measured: 2.01, verdict: .passed, sharp: true)
    alone.rerun = Rerun(
      firstMeasured: 2.9, firstVerdict: .failed, firstSideBySide: true, runsAlone: 3)
    let report = Judge.report(
      of: lesson, environment: machine, examples: lesson.examples.map(Judge.emptyReport),
      claims: [alone], strict: false)
    #expect(
      TerminalReporter.counts(report)
        == "6 of 6 examples passed · 1 claim: 1 passed, 0 failed, 1 of them only alone")
  }

  @Test func aTextTablesColumnsAreAsWideAsTheirWidestCell() {
    let table = TextTable(
      header: ["where", "claim", "margin"], rows: [["a.md:1", "“about 2 s”", "40%"], ["b.md:12"]])
    #expect(table.header == "where    claim        margin")
    #expect(table.rows == ["a.md:1   “about 2 s”  40%   ", "b.md:12"])
    #expect(TextTable(header: ["x"], rows: []).header == "x")
  }

  @Test func aTextTableMeasuresCharactersNotBytes() {
    let table = TextTable(header: ["é", "b"], rows: [["——", "1"]])
    #expect(table.header == "é   b")
    #expect(table.rows == ["——  1"])
  }

  @Test func aConsoleWithoutColourWritesPlainTextAndNoStatus() {
    let screen = Screen()
    let console = screen.console(colors: false)
    #expect(!console.colors)
    #expect(console.paint("stone", .red, .bold) == "stone")
    console.status("   1.0 s │ …")
    console.line("done")
    #expect(screen.text == "done\n")
  }

  @Test func aConsoleWithColourPaintsAndClearsItsStatusLine() {
    let screen = Screen()
    let console = screen.console(colors: true)
    #expect(console.paint("stone", .red, .bold) == "\u{1B}[31;1mstone\u{1B}[0m")
    #expect(console.paint("stone") == "stone")
    console.status("clock")
    console.line("done")
    console.line("after")
    #expect(screen.text == "\r\u{1B}[2Kclock\r\u{1B}[2Kdone\nafter\n")
  }

  @Test func theRealConsoleHasNoColourUnderNoColorOrADumbTerminal() {
    #expect(!Console(environment: ["NO_COLOR": "1"]).colors)
    #expect(!Console(useStandardError: true, environment: ["TERM": "dumb"]).colors)
    // Under `swift test` the streams are pipes, unless a person runs it in a terminal.
    #expect(Console(environment: [:]).colors == (isatty(1) == 1))
  }
}
