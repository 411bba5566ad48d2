import Testing

@testable import LessonKit

/// `settings=`: one example built under named compiler settings, and every way to get it wrong.
@Suite struct SettingsTests {
  static let heartbeat = """
    # Where code runs

    \(fence)swift example=beat settings=default,nonsending
    print("worst gap: 0.01 s")
    \(fence)

    \(fence)output example=beat
    worst gap: …
    \(fence)

    Under the default it is [under 50 ms](claim:beat:default@worst-gap); under the new one
    [about 0.3 s](claim:beat:nonsending@worst-gap), or
    [more than 5 times as long](claim:beat:nonsending@worst-gap/beat:default@worst-gap).
    """

  @Test func severalSettingsMakeOneBuildEach() throws {
    let l = try lesson(Self.heartbeat)
    #expect(l.examples.map(\.name) == ["beat:default", "beat:nonsending"])
    #expect(l.examples.map(\.family) == ["beat", "beat"])
    #expect(l.examples.map(\.setting.name) == ["default", "nonsending"])
    #expect(l.examples.allSatisfy { $0.isVariant })
    // The code is the lesson's, once: both builds hold the same chunk at the same line.
    #expect(Set(l.examples.map { $0.chunks.map(\.location) }).count == 1)
    // One output block for every build that runs.
    #expect(l.examples.allSatisfy { $0.expectedOutput?.location.line == 8 })
    #expect(
      l.claims.map(\.examples) == [
        ["beat:default"], ["beat:nonsending"], ["beat:nonsending", "beat:default"],
      ])
  }

  @Test func oneSettingKeepsTheName() throws {
    let l = try lesson(
      "# T\n\n\(fence)swift example=a settings=main-actor\nprint(1)\n\(fence)\n\nIt takes [about 1 s](claim:a).\n"
    )
    let e = try #require(l.examples.first)
    #expect(e.name == "a")
    #expect(!e.isVariant)
    #expect(e.setting.defaultIsolation == "MainActor")
  }

  @Test func anExampleWithoutSettingsIsBuiltTheBookWay() throws {
    let l = try lesson("# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n")
    #expect(l.examples.first?.setting == CompilerSettings.bookDefault)
    #expect(CompilerSettings.bookDefault.manifestSettings.isEmpty)
  }

  @Test func anUnknownSettingIsAnErrorAtTheAttribute() {
    let d = errors(
      "# T\n\n\(fence)swift example=a settings=default,nonsendng\nprint(1)\n\(fence)\n")
    #expect(d.map(\.id) == ["lesson.settings.unknown"])
    #expect(d.first?.location == SourceLocation(file: "lessons/09-test.md", line: 3, column: 20))
    #expect(d.first?.message.contains("unknown setting 'nonsendng'") == true)
    #expect(d.first?.message.contains("nonsending") == true)
  }

  @Test(arguments: [
    ("settings=default,default", "lesson.settings.twice"),
    ("settings=default,", "lesson.settings.empty-item"),
    ("settings=", "lesson.attribute.needs-value"),
    ("compile-fail=", "lesson.attribute.empty-value"),
    ("compile-fail=main-actor", "lesson.settings.compile-fail-names-settings"),
    ("settings=default,nonsending compile-fail=swift5", "lesson.settings.compile-fail-not-among"),
  ])
  func badSettingsAreErrors(_ attributes: String, _ id: String) {
    let d = errors("# T\n\n\(fence)swift example=a \(attributes)\nprint(1)\n\(fence)\n")
    #expect(d.map(\.id) == [MessageID(id)], "\(d)")
    #expect(d.first?.location.line == 3)
  }

  @Test func aClaimMustNameTheBuildItIsAbout() {
    let source = Self.heartbeat + "\nAll in all [about 1 s](claim:beat).\n"
    let d = errors(source)
    #expect(d.map(\.id) == ["lesson.claim.needs-setting"])
    #expect(d.first?.message.contains("built under several settings (default, nonsending)") == true)
    #expect(d.first?.message.contains("claim:beat:default") == true)
  }

  @Test func aClaimOnASettingTheExampleLacksIsAnError() {
    let d = errors(Self.heartbeat + "\nOr [about 1 s](claim:beat:swift5).\n")
    #expect(d.map(\.id) == ["lesson.claim.setting-not-built"])
    let single = errors(
      "# T\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n\nIt takes [about 1 s](claim:a:default).\n"
    )
    #expect(single.map(\.id) == ["lesson.claim.one-setting"])
    #expect(single.first?.message.contains("built under one setting (default)") == true)
  }

  @Test func compileFailForSomeSettingsOnly() throws {
    let l = try lesson(
      """
      # T

      \(fence)swift example=count settings=default,main-actor compile-fail=default
      var count = 0
      func bump() { count += 1 }
      \(fence)

      \(fence)diagnostic example=count:default
      error: …not concurrency-safe…
      \(fence)

      \(fence)output example=count
      \(fence)
      """)
    #expect(l.examples.map(\.mode) == [.compileFail, .run])
    #expect(l.examples[0].expectedDiagnostics != nil)
    #expect(l.examples[0].expectedOutput == nil)
    #expect(l.examples[1].expectedOutput != nil)
    #expect(l.examples[1].expectedDiagnostics == nil)
  }

  @Test func aBuildThatMustNotCompileNeedsItsDiagnostic() {
    let d = errors(
      "# T\n\n\(fence)swift example=c settings=default,swift5 compile-fail=default\nprint(1)\n\(fence)\n"
    )
    #expect(d.map(\.id) == ["lesson.example.compile-fail-needs-diagnostic"])
    #expect(d.first?.message.contains("diagnostic example=c:default") == true)
  }

  @Test func aBlockForOneBuildTakesPrecedence() throws {
    let l = try lesson(
      Self.heartbeat + "\n\n\(fence)output example=beat:nonsending\nworst gap: 0.3 s\n\(fence)\n")
    #expect(l.examples[0].expectedOutput?.location.line == 8)
    #expect(l.examples[1].expectedOutput?.text == "worst gap: 0.3 s\n")
  }

  @Test func anOutputBlockForABuildTheExampleLacksIsAnError() {
    let d = errors(Self.heartbeat + "\n\n\(fence)output example=beat:swift5\nx\n\(fence)\n")
    #expect(d.map(\.id) == ["lesson.expected.not-built-under"])
  }

  @Test func anExerciseIsBuiltUnderOneSetting() {
    let d = errors(
      """
      # T

      \(fence)swift example=fix starter settings=default,nonsending
      print(1)
      \(fence)

      \(fence)swift example=fix solution
      print(2)
      \(fence)

      \(fence)output example=fix
      2
      \(fence)
      """)
    #expect(d.contains { $0.id == "lesson.exercise.several-settings" })
  }

  @Test func tanglingWritesOneProgramPerBuildWithItsSettings() throws {
    let l = try lesson(Self.heartbeat)
    let files = Tangler.files(for: l).map(\.path)
    #expect(files.contains("Sources/Lessons/09-test/beat.default/main.swift"))
    #expect(files.contains("Sources/Lessons/09-test/beat.nonsending/main.swift"))
    // Neither imports a library: swiftc builds each, with its setting's flags.
    #expect(Tangler.manifest(for: [l]) == nil)
    #expect(
      l.examples.map(\.setting.compilerFlags).last?.contains("NonisolatedNonsendingByDefault")
        == true)
    let source = Tangler.source(of: l.examples[1], in: l)
    #expect(source.contains("Example 'beat' under setting 'nonsending'"))
    #expect(source.hasSuffix("print(\"worst gap: 0.01 s\")\n"))

    // With a library, each build is a target of the lessons package with its settings.
    let packaged = try lesson(
      Self.heartbeat.replacingOccurrences(
        of: "settings=default,nonsending", with: "settings=default,nonsending needs=NIOCore"))
    let manifest = try #require(Tangler.manifest(for: [packaged]))
    #expect(manifest.contains("name: \"Lesson09BeatDefault\""))
    #expect(manifest.contains("path: \"09-test/beat.default\", swiftSettings: lessonSettings)"))
    #expect(
      manifest.contains(
        "path: \"09-test/beat.nonsending\", swiftSettings: lessonSettings + [.enableUpcomingFeature(\"NonisolatedNonsendingByDefault\")])"
      ))
  }

  @Test func eachSettingSaysItsSwiftPMSettingsAndItsFlags() throws {
    let mainActor = try #require(CompilerSettings.byName["main-actor"])
    #expect(mainActor.manifestSettings == [".defaultIsolation(MainActor.self)"])
    #expect(mainActor.compilerFlags == ["-swift-version", "6", "-default-isolation", "MainActor"])
    let swift5 = try #require(CompilerSettings.byName["swift5"])
    #expect(swift5.manifestSettings == [".swiftLanguageMode(.v5)"])
    #expect(swift5.compilerFlags == ["-swift-version", "5"])
  }

  @Test func theSettingIsPartOfTheCodeHash() throws {
    let l = try lesson(Self.heartbeat)
    #expect(Judge.codeHash(of: l.examples[0]) != Judge.codeHash(of: l.examples[1]))
    #expect(Judge.emptyReport(of: l.examples[1]).family == "beat")
    #expect(Judge.emptyReport(of: l.examples[1]).setting == "nonsending")
  }

  @Test func aLessonsSettingIsTheSettingOfEveryExampleThatNamesNone() throws {
    let l = try lesson(
      """
      # T

      <!-- lesson-runner: settings=main-actor -->

      \(fence)swift example=a
      print(1)
      \(fence)

      \(fence)swift example=b settings=default
      print(2)
      \(fence)
      """)
    #expect(l.examples.map(\.setting.name) == ["main-actor", "default"])
  }

  @Test(arguments: [
    ("<!-- lesson-runner: settings=mainactor -->", "lesson.directive.unknown-setting"),
    ("<!-- lesson-runner: settings=default,nonsending -->", "lesson.directive.several-settings"),
    (
      "<!-- lesson-runner: settings=swift5 -->\n\n<!-- lesson-runner: settings=swift5 -->",
      "lesson.directive.setting-twice"
    ),
  ])
  func aBadLessonSettingIsAnErrorAtItsLine(_ lines: String, _ id: String) {
    let d = errors("# T\n\n\(lines)\n\n\(fence)swift example=a\nprint(1)\n\(fence)\n")
    #expect(d.map(\.id) == [MessageID(id)], "\(d)")
    #expect((d.first?.location.line ?? 0) >= 3)
  }
}
