import CommonMark

/// Reads a lesson file through cmark's tree into a `Lesson`, or reports every problem in it.
public enum LessonParser {
  /// Parses `source`, read from `path`. `fileName` (such as `03-event-loop.md`) gives the
  /// number and slug; a name without a number makes a draft lesson.
  public static func parse(source: String, path: String, fileName: String) throws(LessonErrors)
    -> Lesson
  {
    var state = State(path: path, lines: LessonSource.lines(source))
    state.checkForNulBytes()
    let document = CommonMark.parse(source)
    let (number, slug) = numberAndSlug(fileName)

    var title: String?
    for node in document.descendants {
      if node.flattened {
        state.error(
          at: state.location(node.start),
          "Markdown nested more than \(MarkdownNode.maximumDepth) levels deep is not read: nest block quotes, lists and emphasis less"
        )
      }
      switch node.kind {
      case .heading(level: 1) where title == nil:
        title = node.plainText.trimmingSpaces.description
        if title?.isEmpty == true {
          state.error(
            at: state.location(node.start), "the title heading is empty: write the title after '#'")
        }
      case .codeBlock:
        state.readCodeBlock(node)
      case .link, .image:
        state.readLink(node)
      case .htmlBlock:
        state.readHTML(node, isBlock: true)
      case .htmlInline:
        state.readHTML(node, isBlock: false)
      default:
        break
      }
    }
    if title == nil {
      state.error(
        at: SourceLocation(file: path, line: 1),
        "the lesson has no title: start it with a '# Title' heading")
    }
    let examples = state.assembleExamples()
    state.checkPortability(examples)
    state.checkSetups()
    state.checkClaims(against: examples)
    let exercises = state.completeExercises(examples: examples)
    for i in state.claims.indices {
      state.claims[i].settings = state.claims[i].examples.compactMap { name in
        examples.first { $0.name == name }?.setting.name
      }
      // A claim about an example that runs on some platforms only holds there only.
      var platforms = state.claims[i].platforms
      for name in state.claims[i].examples {
        guard let only = examples.first(where: { $0.name == name })?.platforms else { continue }
        platforms = (platforms ?? only).filter(only.contains)
        if platforms?.isEmpty == true {
          state.error(
            at: state.claims[i].location,
            "claim '\(state.claims[i].text)' holds on no platform: example '\(name)' runs on \(Platform.words(only)) only"
          )
        }
      }
      state.claims[i].platforms = platforms
    }
    state.checkMarker(examples: examples)
    if !state.diagnostics.isEmpty {
      throw LessonErrors(
        state.diagnostics.enumerated().sorted {
          ($0.element.location.line, $0.element.location.column, $0.offset)
            < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element))
    }
    return Lesson(
      number: number, slug: slug, title: title ?? slug, path: path, source: source,
      examples: examples, claims: state.claims, checksNothingOnPurpose: state.marker != nil,
      exercises: exercises, document: document)
  }

  /// `03-event-loop.md` gives (3, "event-loop"); `draft.md` gives (nil, "draft").
  public static func numberAndSlug(_ fileName: String) -> (Int?, String) {
    let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
    let digits = stem.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let n = Int(digits), stem.dropFirst(digits.count).first == "-" {
      return (n, String(stem.dropFirst(digits.count + 1)))
    }
    let slug = stem.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
    return (nil, String(slug))
  }
}

/// An attribute's value as written ("" for a flag), and where.
private struct Setting: Equatable {
  var value: String
  var at: SourceLocation
}

/// A swift block that is (part of) an example, its attributes checked.
private struct ExampleBlock {
  var name: String
  var fence: SourceLocation
  var chunk: CodeChunk
  var hidden: Bool
  /// The example's settings written on this block (`Attributes.exampleSettings`).
  var settings: [String: Setting]
  var language: Example.Language = .swift
  /// For a block of an exercise: `starter` or `solution`, and where it says so.
  var version: (ExercisePart.Version, SourceLocation)?
}

/// A hint block, its attributes checked.
private struct HintBlock {
  var exercise: String
  var nameAt: SourceLocation
  var goal: Setting?
  var hint: Hint
}

/// A swift block that is a setup, its attributes checked.
private struct SetupBlock {
  var name: String
  var nameAt: SourceLocation
  var fence: SourceLocation
  var chunk: CodeChunk
  var uses: Setting?

  var usedNames: [String] { uses.map { splitList($0.value) } ?? [] }
}

/// An output or diagnostic block, its attributes checked.
private struct ExpectedBlock {
  var kind: BlockKind
  var example: String
  var nameAt: SourceLocation
  var fence: SourceLocation
  var chunk: CodeChunk
  var unordered: Bool
}

/// A diagnostic line that any compiler error would match: only `…`, `error`, `warning`,
/// `note`, colons and spaces.
private func saysNothing(_ line: Substring) -> Bool {
  line.lowercased().split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "…" })
    .allSatisfy { ["error", "warning", "note"].contains($0) }
}

/// `a,b,,c` gives ["a", "b", "", "c"]: an empty item is kept, so that it can be reported.
private func splitList(_ value: String) -> [String] {
  value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
}

private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

/// What the parser has gathered so far.
private struct State {
  let path: String
  let lines: [Substring]
  var diagnostics: [Diagnostic] = []
  var claims: [Claim] = []
  /// Claim links seen, whether or not they could be read.
  var claimLinks = 0
  var exampleBlocks: [ExampleBlock] = []
  var setupBlocks: [String: SetupBlock] = [:]
  var expectedBlocks: [ExpectedBlock] = []
  var hintBlocks: [HintBlock] = []
  /// Exercises as they were assembled: name, first fence, starter's first fence.
  var exercises: [Exercise] = []
  /// Names of examples and setups declared by a block that has an error: other errors that
  /// would only repeat it (an output block for an example that "no swift block defines") are
  /// not reported.
  var brokenExamples: Set<String> = []
  var brokenSetups: Set<String> = []
  /// Setups named by `uses=` on blocks that have an error: they are not reported as unused.
  var brokenUses: [String] = []
  /// Examples whose diagnostic block has an error: they are not reported as lacking one.
  var brokenDiagnostics: Set<String> = []
  /// The setting of every example that names none, from `<!-- lesson-runner: settings=NAME -->`.
  var lessonSetting: (setting: CompilerSetting, at: SourceLocation)?
  /// Examples built under several settings: each setting, and whether it must fail to compile.
  var variantPlans: [String: [(setting: CompilerSetting, fails: Bool)]] = [:]
  /// Where the lesson says it checks nothing on purpose.
  var marker: SourceLocation?

  init(path: String, lines: [Substring]) {
    self.path = path
    self.lines = lines
  }

  mutating func error(at location: SourceLocation, _ message: String) {
    diagnostics.append(Diagnostic(at: location, message))
  }

  func location(_ position: SourcePosition) -> SourceLocation {
    SourceLocation(file: path, line: max(position.line, 1), column: max(position.column, 1))
  }

  func lineBytes(_ number: Int) -> [UInt8] {
    number >= 1 && number <= lines.count ? Array(lines[number - 1].utf8) : []
  }

  /// A NUL byte is not text; cmark would quietly read it as U+FFFD.
  mutating func checkForNulBytes() {
    for (index, line) in lines.enumerated() {
      guard let nul = line.utf8.firstIndex(of: 0) else { continue }
      let column = line.utf8.distance(from: line.utf8.startIndex, to: nul) + 1
      error(
        at: SourceLocation(file: path, line: index + 1, column: column),
        "a NUL byte (0x00) is not text: save the lesson as UTF-8, without control bytes")
    }
  }

  // MARK: Code blocks

  mutating func readCodeBlock(_ node: MarkdownNode) {
    let space = UInt8(ascii: " ")
    let fence = location(node.start)
    let fromBlock = lineBytes(node.start.line).dropFirst(max(node.start.column - 1, 0))
    let leading = fromBlock.prefix { $0 == space }.count
    let fenceText = fromBlock.dropFirst(leading)
    guard let fenceChar = fenceText.first,
      fenceChar == UInt8(ascii: "`") || fenceChar == UInt8(ascii: "~")
    else { return }  // an indented block: prose, never read
    let fenceLength = fenceText.prefix { $0 == fenceChar }.count
    let info = InfoString(node.fenceInfo ?? "")
    if !isClosingFence(
      line: node.end.line, char: fenceChar, length: fenceLength, after: node.start.line)
    {
      let fenceString = String(repeating: Character(Unicode.Scalar(fenceChar)), count: fenceLength)
      error(
        at: fence,
        "this code fence is never closed: add a line of \(fenceString) after its last line")
      markNamesBroken(info)
      return
    }
    let afterFence = fenceText.dropFirst(fenceLength)
    let infoColumn =
      node.start.column + leading + fenceLength
      + afterFence.prefix { $0 == space || $0 == UInt8(ascii: "\t") }.count
    let path = self.path
    func at(_ attribute: InfoString.Attribute) -> SourceLocation {
      SourceLocation(file: path, line: fence.line, column: infoColumn + attribute.offset)
    }

    guard let kind = BlockKind(rawValue: info.language) else {
      checkOtherLanguage(info, fence: fence, at: at)
      return
    }
    // A python block is an example only when it says so; any other is prose.
    if kind == .python && !info.attributes.contains(where: { $0.key == "example" }) { return }
    for offset in info.spacedEquals {
      error(
        at: SourceLocation(file: path, line: fence.line, column: infoColumn + offset),
        "write an attribute without spaces around '=', as in example=NAME")
    }

    // Every attribute against the table: known, allowed on this block, value as it should be.
    var broken = false
    var given: [String: Setting] = [:]
    var written: [String: SourceLocation] = [:]
    for attribute in info.attributes {
      let key = attribute.key
      if written[key] != nil {
        error(at: at(attribute), "attribute '\(key)' is given twice")
        broken = true
        continue
      }
      written[key] = at(attribute)
      guard let spec = Attributes.byName[key], spec.blocks.contains(kind) else {
        let known = Attributes.known(on: kind).joined(separator: ", ")
        error(
          at: at(attribute),
          Attributes.byName[key] == nil
            ? "unknown attribute '\(key)' on \(kind.phrase); known attributes are \(known)"
            : "'\(key)' does not apply to \(kind.phrase); known attributes there are \(known)")
        broken = true
        continue
      }
      if spec.takesValue && (attribute.value ?? "").isEmpty {
        error(at: at(attribute), "'\(key)' needs a value, as in \(spec.sample)")
        broken = true
      } else if spec.valueOptional && attribute.value == "" {
        error(
          at: at(attribute),
          "'\(key)=' names no setting: write \(key) alone, or \(key)=NAME for the settings it fails under"
        )
        broken = true
      } else if !spec.takesValue && !spec.valueOptional && attribute.value != nil {
        error(at: at(attribute), "'\(key)' is a flag and takes no value: write \(key)")
        broken = true
      } else {
        given[key] = Setting(value: attribute.value ?? "", at: at(attribute))
      }
    }

    let code = LessonSource.normalizingLineEndings(node.literal ?? "")
    let chunk = CodeChunk(
      code: code,
      location: SourceLocation(file: path, line: node.start.line + 1, column: fence.column))
    switch kind {
    case .swift:
      readSwiftBlock(
        info: info, given: given, written: written, broken: broken, fence: fence, chunk: chunk)
    case .python:
      guard let name = given["example"] else { return }  // its value was missing: reported
      guard checkName(name.value, at: name.at), !broken else {
        markNamesBroken(info)
        return
      }
      guard let version = exerciseVersion(given) else {
        markNamesBroken(info)
        return
      }
      exampleBlocks.append(
        ExampleBlock(
          name: name.value, fence: fence, chunk: chunk, hidden: false,
          settings: given.filter { Attributes.exampleSettings.contains($0.key) },
          language: .python, version: version))
    case .hint:
      readHintBlock(given: given, written: written, broken: broken, fence: fence, chunk: chunk)
    case .output, .diagnostic, .stderr:
      readExpectedBlock(
        kind: kind, given: given, written: written, broken: broken, fence: fence, chunk: chunk)
    }
  }

  /// A block in a language the format does not read is prose, unless it looks meant for it.
  mutating func checkOtherLanguage(
    _ info: InfoString, fence: SourceLocation, at: (InfoString.Attribute) -> SourceLocation
  ) {
    let language = info.language
    let lower = language.lowercased().drop { $0 == "{" || $0 == "." }
    if language.isEmpty {
      error(
        at: fence,
        "this code block names no language: after the fence write swift (with example=, setup= or fragment), output, diagnostic, or a word such as text for a block the runner does not read"
      )
    } else if let word = BlockKind.allCases.first(where: { lower.hasPrefix($0.rawValue) }),
      // A block in Python 3, say, is prose unless it claims to be an example.
      word != .python || info.attributes.contains(where: { $0.key == "example" }),
      word == .swift || lower == word.rawValue[...]
        || !(lower.dropFirst(word.rawValue.count).first?.isLetter ?? false)
    {
      error(
        at: fence,
        "the runner reads only '\(word.rawValue)', so this '\(language)' block would be ignored: write \(word.rawValue) in lower case, or a word such as text for a block the runner should not read"
      )
      markNamesBroken(info)
    } else if let attribute = info.attributes.first(where: {
      ["example", "setup"].contains($0.key) && $0.value != nil
    }) {
      error(
        at: at(attribute),
        "'\(attribute.key)=' belongs on a swift, output, diagnostic or stderr block; the runner does not read a '\(language)' block"
      )
      markNamesBroken(info)
    }
  }

  /// A block that declares names but could not be read: later mentions of those names are
  /// not errors of their own.
  mutating func markNamesBroken(_ info: InfoString) {
    for attribute in info.attributes {
      if attribute.key == "uses", let value = attribute.value { brokenUses += splitList(value) }
      guard let value = attribute.value, isValidName(value) else { continue }
      if attribute.key == "example" { brokenExamples.insert(value) }
      if attribute.key == "setup" { brokenSetups.insert(value) }
    }
  }

  /// An unclosed fence runs to the end of its container, so its last line is not a fence.
  func isClosingFence(line: Int, char: UInt8, length: Int, after startLine: Int) -> Bool {
    guard line > startLine else { return false }
    var text = lineBytes(line)[...]
    // Strip block-quote markers and indentation before the fence.
    while let first = text.first, first == UInt8(ascii: " ") || first == UInt8(ascii: ">") {
      text = text.dropFirst()
    }
    let run = text.prefix { $0 == char }.count
    return run >= length
      && text.dropFirst(run).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  mutating func readSwiftBlock(
    info: InfoString, given: [String: Setting], written: [String: SourceLocation], broken: Bool,
    fence: SourceLocation, chunk: CodeChunk
  ) {
    if broken { markNamesBroken(info) }
    var broken = broken
    // The roles the block claims, in the order the info string gives them.
    let roles = Attributes.roleAttributes.filter { written[$0.name] != nil }
      .sorted { (written[$0.name]?.column ?? 0) < (written[$1.name]?.column ?? 0) }
    guard let role = roles.first?.role else {
      if !broken {
        error(
          at: fence,
          "a swift block must be an example (example=NAME), a setup (setup=NAME) or a fragment that is never compiled (fragment)"
        )
      }
      return
    }
    if roles.count > 1 {
      let second = roles[1]
      error(
        at: written[second.name] ?? fence,
        "a swift block is one of: an example, a setup, a fragment; this one is \(role.phrase) and also says '\(second.name)'"
      )
      broken = true
    } else {
      for (key, setting) in given.sorted(by: { $0.value.at.column < $1.value.at.column }) {
        guard let spec = Attributes.byName[key], !spec.roles.contains(role) else { continue }
        error(at: setting.at, "'\(key)' does not apply to \(role.phrase)")
        broken = true
      }
    }
    switch role {
    case .example, .setup:
      guard let name = given[role.rawValue] else { return }  // its value was missing: reported
      guard checkName(name.value, at: name.at) else { return }
      if broken {
        markNamesBroken(info)
        return
      }
      if role == .example {
        guard let version = exerciseVersion(given) else {
          markNamesBroken(info)
          return
        }
        exampleBlocks.append(
          ExampleBlock(
            name: name.value, fence: fence, chunk: chunk, hidden: given["hidden"] != nil,
            settings: given.filter { Attributes.exampleSettings.contains($0.key) },
            version: version))
      } else if let earlier = setupBlocks[name.value] {
        error(
          at: name.at,
          "setup '\(name.value)' is defined twice (first at line \(earlier.fence.line))")
      } else {
        var setupChunk = chunk
        setupChunk.role = .setup
        setupChunk.setupName = name.value
        setupBlocks[name.value] = SetupBlock(
          name: name.value, nameAt: name.at, fence: fence, chunk: setupChunk, uses: given["uses"])
      }
    case .fragment:
      break
    }
  }

  /// Whether an example block is part of an exercise, and which version: nil inside when it
  /// is an ordinary example; nil outside when the block says both (reported).
  mutating func exerciseVersion(_ given: [String: Setting]) -> (
    ExercisePart.Version, SourceLocation
  )?? {
    switch (given["starter"], given["solution"]) {
    case (let starter?, let solution?):
      error(
        at: later(starter.at, solution.at),
        "a block is an exercise's starter or its solution, not both: keep one")
      return nil
    case (let starter?, nil): return .some((.starter, starter.at))
    case (nil, let solution?): return .some((.solution, solution.at))
    case (nil, nil): return .some(nil)
    }
  }

  mutating func readHintBlock(
    given: [String: Setting], written: [String: SourceLocation], broken: Bool,
    fence: SourceLocation, chunk: CodeChunk
  ) {
    guard let name = given["example"] else {
      if written["example"] == nil {
        error(at: fence, "a hint block must name its exercise: hint example=NAME")
      }
      return
    }
    guard checkName(name.value, at: name.at), !broken else { return }
    if LessonSource.lines(chunk.code).allSatisfy({ $0.trimmingSpaces.isEmpty }) {
      error(at: fence, "this hint block is empty: write the hint in it, in Markdown")
      return
    }
    if chunk.code.lowercased().contains("](claim:") {
      error(
        at: fence,
        "a claim inside a hint is never checked: state goals in the lesson's text, and keep hints to words"
      )
      return
    }
    hintBlocks.append(
      HintBlock(
        exercise: name.value, nameAt: name.at, goal: given["for"],
        hint: Hint(text: chunk.code, location: chunk.location, goal: given["for"]?.value)))
  }

  mutating func readExpectedBlock(
    kind: BlockKind, given: [String: Setting], written: [String: SourceLocation], broken: Bool,
    fence: SourceLocation, chunk: CodeChunk
  ) {
    guard let name = given["example"] else {
      if written["example"] == nil {
        error(
          at: fence,
          "\(kind.phrase) must name its example: \(kind.rawValue) example=NAME")
      }
      return
    }
    guard checkReference(name.value, at: name.at) else { return }
    if broken {
      if kind == .diagnostic { brokenDiagnostics.insert(name.value) }
      return
    }
    let meaningful = LessonSource.lines(chunk.code).map { $0.trimmingSpaces }
      .filter { !$0.isEmpty }
    switch kind {
    case .output where !meaningful.isEmpty && meaningful.allSatisfy({ $0 == "…" }),
      .stderr where meaningful.allSatisfy({ $0 == "…" }):
      error(
        at: fence,
        "this \(kind.rawValue) block says only '…', which matches any \(kind == .output ? "output" : "standard error"), so it checks nothing: write what the example prints, or drop the block"
      )
    case .diagnostic where meaningful.allSatisfy(saysNothing):
      error(
        at: fence,
        "this diagnostic block says nothing that every compiler error would not: write part of the message, as in error: …data race…"
      )
    default:
      break
    }
    expectedBlocks.append(
      ExpectedBlock(
        kind: kind, example: name.value, nameAt: name.at, fence: fence, chunk: chunk,
        unordered: given["unordered"] != nil))
  }

  mutating func checkName(_ name: String, at location: SourceLocation) -> Bool {
    if isValidName(name) { return true }
    error(at: location, "'\(name)' is not a valid name: use lower case letters, digits and dashes")
    return false
  }

  /// An example named by an output, stderr or diagnostic block: `NAME` or `NAME:SETTING`.
  mutating func checkReference(_ reference: String, at location: SourceLocation) -> Bool {
    if isValidExampleReference(reference) { return true }
    error(
      at: location,
      "'\(reference)' is not a valid example name: use lower case letters, digits and dashes, and NAME:SETTING for one setting of an example built under several"
    )
    return false
  }

  // MARK: Examples

  mutating func assembleExamples() -> [Example] {
    var order: [String] = []
    var grouped: [String: [ExampleBlock]] = [:]
    for block in exampleBlocks where !brokenExamples.contains(block.name) {
      if grouped[block.name] == nil { order.append(block.name) }
      grouped[block.name, default: []].append(block)
    }
    for setup in setupBlocks.values.sorted(by: { $0.fence.line < $1.fence.line })
    where grouped[setup.name] != nil || brokenExamples.contains(setup.name) {
      error(at: setup.nameAt, "'\(setup.name)' names both a setup and an example")
    }
    var examples: [Example] = []
    for name in order {
      guard let blocks = grouped[name], !blocks.isEmpty else { continue }
      if blocks.contains(where: { $0.version != nil }) {
        if let (starter, solution) = assembleExercise(name, blocks, others: grouped) {
          examples += [starter, solution]
        } else {
          brokenExamples.insert(name)
        }
      } else if let example = assemble(name, blocks) {
        if let plan = variantPlans[name] {
          examples += plan.map { setting, fails in
            var variant = example
            variant.name = Example.variantName(name, setting.name)
            variant.setting = setting
            variant.mode = fails ? .compileFail : example.mode == .compileFail ? .run : example.mode
            return variant
          }
        } else {
          examples.append(example)
        }
      } else {
        brokenExamples.insert(name)
      }
    }
    attach(to: &examples)
    for exercise in exercises {
      // The starter is judged against the same expected text as the solution.
      guard let solution = examples.first(where: { $0.name == exercise.name }),
        let s = examples.firstIndex(where: { $0.name == exercise.starterName })
      else { continue }
      examples[s].expectedOutput = solution.expectedOutput
      examples[s].expectedStderr = solution.expectedStderr
    }
    for example in examples {
      if example.mode == .compileFail && example.expectedDiagnostics == nil
        && !brokenDiagnostics.contains(example.name)
      {
        error(
          at: example.location,
          "compile-fail example '\(example.name)' needs a 'diagnostic example=\(example.name)' block saying what the compiler must report"
        )
      }
      if example.mode != .compileFail, let d = example.expectedDiagnostics {
        error(
          at: d.location,
          "a diagnostic block belongs to a compile-fail example, and '\(example.name)' is not one")
      }
      if example.mode != .run, let o = example.expectedOutput {
        error(
          at: o.location,
          "example '\(example.name)' is never run, so it cannot have an output block")
      }
      if example.mode != .run, let e = example.expectedStderr {
        error(
          at: e.location,
          "example '\(example.name)' is never run, so it cannot have a stderr block")
      }
    }
    return examples
  }

  /// An exercise's starter and solution, from blocks that each say `starter` or `solution`;
  /// nil when they cannot be (reported).
  mutating func assembleExercise(
    _ name: String, _ blocks: [ExampleBlock], others: [String: [ExampleBlock]]
  ) -> (Example, Example)? {
    guard let first = blocks.first else { return nil }
    var ok = true
    for block in blocks where block.version == nil {
      error(
        at: block.fence,
        "example '\(name)' is an exercise, so each of its blocks says whether it is the starter or the solution: add starter or solution"
      )
      ok = false
    }
    for block in blocks where block.hidden {
      error(
        at: block.fence,
        "an exercise's blocks cannot be hidden: the starter is the reader's to see, and the solution is never shown"
      )
      ok = false
    }
    for key in ["compile-only", "compile-fail"] {
      if let s = setting(key, in: blocks) {
        error(at: s.at, "an exercise is run and judged on its goals, so it cannot be \(key)")
        ok = false
      }
    }
    if let s = setting("settings", in: blocks), splitList(s.value).count > 1 {
      error(
        at: s.at,
        "an exercise is built under one setting, so that the reader's answer is judged once: name one in settings="
      )
      ok = false
    }
    let starterName = Exercise.starterName(of: name)
    if let clash = others[starterName]?.first {
      error(
        at: clash.fence,
        "example '\(starterName)' has the name of the starter of exercise '\(name)' (line \(first.fence.line)): rename it"
      )
      ok = false
    }
    let starterBlocks = blocks.filter { $0.version?.0 == .starter }
    let solutionBlocks = blocks.filter { $0.version?.0 == .solution }
    if starterBlocks.isEmpty || solutionBlocks.isEmpty {
      let missing = starterBlocks.isEmpty ? "starter" : "solution"
      error(
        at: first.fence,
        "exercise '\(name)' has no \(missing): write a block \(first.language.rawValue) example=\(name) \(missing)"
      )
      ok = false
    }
    guard ok, let firstStarter = starterBlocks.first else { return nil }
    // Settings are the exercise's: given on any block, they apply to both versions.
    var shared: [String: Setting] = [:]
    for key in Attributes.exampleSettings {
      if let s = setting(key, in: blocks) { shared[key] = s }
    }
    func withShared(_ part: [ExampleBlock]) -> [ExampleBlock] {
      part.enumerated().map { i, block in
        var block = block
        block.settings = i == 0 ? shared : [:]
        return block
      }
    }
    guard var starter = assemble(starterName, withShared(starterBlocks)),
      var solution = assemble(name, withShared(solutionBlocks))
    else { return nil }
    starter.exercise = ExercisePart(.starter, of: name)
    solution.exercise = ExercisePart(.solution, of: name)
    exercises.append(
      Exercise(name: name, location: first.fence, starterLocation: firstStarter.fence))
    return (starter, solution)
  }

  /// The value of a setting given on any one block of an example.
  mutating func setting(_ key: String, in blocks: [ExampleBlock]) -> Setting? {
    let given = blocks.compactMap { $0.settings[key] }
    guard let first = given.first else { return nil }
    if let other = given.first(where: { $0.value != first.value }) {
      error(
        at: other.at,
        "'\(key)' is given differently on two blocks of the same example (first at line \(first.at.line))"
      )
    }
    return first
  }

  /// The example made of `blocks`, or nil when its settings contradict each other.
  mutating func assemble(_ name: String, _ blocks: [ExampleBlock]) -> Example? {
    guard let first = blocks.first else { return nil }
    var example = Example(name: name, location: first.fence, chunks: [])
    if let other = blocks.first(where: { $0.language != first.language }) {
      error(
        at: other.fence,
        "example '\(name)' is written in \(first.language.rawValue) at line \(first.fence.line), so this \(other.language.rawValue) block cannot be part of it: give it a name of its own"
      )
      return nil
    }
    example.language = first.language
    let compileOnly = setting("compile-only", in: blocks)
    let compileFail = setting("compile-fail", in: blocks)
    if let a = compileOnly, let b = compileFail {
      error(
        at: later(a.at, b.at), "an example cannot be both compile-only and compile-fail: keep one")
      return nil
    }
    example.mode = compileFail != nil ? .compileFail : compileOnly != nil ? .compileOnly : .run
    guard readSettings(name, blocks, into: &example, compileFail: compileFail) else { return nil }
    if let t = setting("timeout", in: blocks) {
      switch parseDuration(t.value) {
      case .success(let d): example.timeout = d
      case .failure(.unreadable):
        error(
          at: t.at,
          "bad duration '\(t.value)': expected a number and a unit (ms or s), as in timeout=30s or timeout=500ms"
        )
      case .failure(.outOfRange):
        error(
          at: t.at,
          "bad duration '\(t.value)': a timeout must be positive, from 1ms to 3600s (one hour)")
      }
    }
    if let r = setting("runs", in: blocks) {
      if let n = Int(r.value), (1...9).contains(n) {
        example.runs = n
      } else {
        error(at: r.at, "bad run count '\(r.value)': runs must be a whole number from 1 to 9")
      }
    }
    if let e = setting("exit", in: blocks) {
      if let ending = ExpectedEnding(e.value) {
        example.expectedEnding = ending
      } else {
        error(
          at: e.at,
          "bad exit '\(e.value)': expected a status from 1 to 255, a signal such as SIGABRT (\(ExpectedEnding.signals.keys.sorted().joined(separator: ", "))), or trap for a Swift runtime trap"
        )
      }
    }
    if let n = setting("needs", in: blocks) {
      let products = splitList(n.value)
      for p in products where Library.products[p] == nil {
        error(
          at: n.at,
          "unknown library '\(p)' in needs=; known ones are \(Library.products.keys.sorted().joined(separator: ", "))"
        )
      }
      example.needs = products
    }
    if let p = setting("platforms", in: blocks) {
      var platforms: [Platform] = []
      for word in splitList(p.value) {
        if let platform = Platform.named(word), !platforms.contains(platform) {
          platforms.append(platform)
        } else {
          error(
            at: p.at,
            Platform.named(word) == nil
              ? "unknown platform '\(word)' in platforms=; the book knows \(Platform.names)"
              : "platform '\(word)' is named twice in platforms=")
        }
      }
      example.platforms = platforms.isEmpty ? nil : platforms
    }
    if let u = setting("uses", in: blocks) {
      let names = splitList(u.value)
      for used in names { checkUsedName(used, by: "example '\(name)'", at: u.at) }
      example.chunks += setups(included: names).compactMap { setupBlocks[$0]?.chunk }
    }
    for block in blocks {
      var chunk = block.chunk
      chunk.role = block.hidden ? .hidden : .code
      example.chunks.append(chunk)
    }
    return example
  }

  /// Reads `settings=`, and the settings `compile-fail=` names: one setting is the example's
  /// own; several make a plan of one build per setting, in `variantPlans`. False when they
  /// cannot be read (reported).
  mutating func readSettings(
    _ name: String, _ blocks: [ExampleBlock], into example: inout Example, compileFail: Setting?
  ) -> Bool {
    let known = CompilerSettings.names
    guard let given = setting("settings", in: blocks) else {
      if let lesson = lessonSetting { example.setting = lesson.setting }
      if let f = compileFail, !f.value.isEmpty {
        error(
          at: f.at,
          "compile-fail=\(f.value) names settings, but example '\(name)' is built under one: write compile-fail alone, or name its settings with settings=default,\(f.value)"
        )
        return false
      }
      return true
    }
    var settings: [CompilerSetting] = []
    for item in splitList(given.value) {
      guard let setting = CompilerSettings.byName[item] else {
        error(
          at: given.at,
          item.isEmpty
            ? "settings= has an empty item: list setting names separated by commas, as in settings=default,nonsending"
            : "unknown setting '\(item)' in settings=; known settings are \(known) (docs/lesson-format.md)"
        )
        return false
      }
      if settings.contains(setting) {
        error(at: given.at, "setting '\(item)' is named twice in settings=")
        return false
      }
      settings.append(setting)
    }
    var failing = Set(settings.map(\.name))
    if let f = compileFail, !f.value.isEmpty {
      failing = []
      for item in splitList(f.value) {
        guard settings.contains(where: { $0.name == item }) else {
          error(
            at: f.at,
            "compile-fail=\(f.value) names '\(item)', which is not among the example's settings (\(given.value))"
          )
          return false
        }
        failing.insert(item)
      }
    }
    if settings.count == 1 {
      example.setting = settings[0]
      return true
    }
    if example.language != .swift {
      error(at: given.at, "only a swift example can be built under several settings")
      return false
    }
    variantPlans[name] = settings.map {
      ($0, compileFail != nil && failing.contains($0.name))
    }
    return true
  }

  /// Whether `name` in a `uses=` list names a setup; reports it if not, unless the setup is
  /// already reported as broken.
  @discardableResult
  mutating func checkUsedName(_ name: String, by user: String, at: SourceLocation) -> Bool {
    if setupBlocks[name] != nil { return true }
    if brokenSetups.contains(name) { return false }
    if !isValidName(name) {
      error(
        at: at,
        "'\(name)' in uses= is not a valid name: list setup names separated by commas, as in uses=A,B"
      )
    } else if exampleBlocks.contains(where: { $0.name == name }) || brokenExamples.contains(name) {
      error(at: at, "\(user) uses '\(name)', which is an example; uses= names setup blocks")
    } else {
      error(at: at, "\(user) uses setup '\(name)', which no block defines (setup=\(name))")
    }
    return false
  }

  /// The setups `names` brings in, each after the setups it uses in turn, each once.
  func setups(included names: [String]) -> [String] {
    var included: [String] = []
    func visit(_ name: String, chain: [String]) {
      guard !included.contains(name), !chain.contains(name), let setup = setupBlocks[name] else {
        return
      }
      for inner in setup.usedNames { visit(inner, chain: chain + [name]) }
      if !included.contains(name) { included.append(name) }
    }
    for name in names { visit(name, chain: []) }
    return included
  }

  /// Every setup's `uses=` is checked, whether or not an example uses the setup.
  mutating func checkSetups() {
    let ordered = setupBlocks.values.sorted { $0.fence.line < $1.fence.line }
    var faulty: Set<String> = []
    for setup in ordered {
      guard let uses = setup.uses else { continue }
      for name in setup.usedNames
      where !checkUsedName(name, by: "setup '\(setup.name)'", at: uses.at) {
        faulty.insert(setup.name)
      }
    }
    // Circles: each reported once, at the `uses=` that closes it.
    var done: Set<String> = []
    var reported: Set<Set<String>> = []
    func visit(_ name: String, chain: [String], state: inout Self) {
      guard let setup = state.setupBlocks[name] else { return }
      for used in setup.usedNames where state.setupBlocks[used] != nil {
        if let start = chain.firstIndex(of: used) {
          let circle = Array(chain[start...]) + [used]
          faulty.formUnion(circle)
          if reported.insert(Set(circle)).inserted, let at = setup.uses?.at {
            state.error(
              at: at, "setups use each other in a circle: \(circle.joined(separator: " → "))")
          }
        } else if !done.contains(used) {
          visit(used, chain: chain + [used], state: &state)
        }
      }
      done.insert(name)
    }
    for setup in ordered where !done.contains(setup.name) {
      visit(setup.name, chain: [setup.name], state: &self)
    }
    // A setup no example uses is never compiled, though the page shows it. (One that has an
    // error of its own is not reported again.)
    let named = exampleBlocks.flatMap { $0.settings["uses"].map { splitList($0.value) } ?? [] }
    let used = Set(setups(included: named + brokenUses))
    for setup in ordered where !used.contains(setup.name) && !faulty.contains(setup.name) {
      error(
        at: setup.nameAt,
        "setup '\(setup.name)' is used by no example, so it is never compiled: name it in an example's uses=, or make the block a fragment"
      )
    }
  }

  /// Gives each example its output, stderr and diagnostic blocks. A block that names an
  /// example built under several settings (`output example=heartbeat`) belongs to each of its
  /// builds that it fits (the ones that run, for output; the ones that must not compile, for
  /// diagnostics) and has no block of its own (`output example=heartbeat:nonsending`).
  mutating func attach(to examples: inout [Example]) {
    // A block for one build first, so that a block for all of them fills in the rest.
    let ordered =
      expectedBlocks.filter { $0.example.contains(":") }
      + expectedBlocks.filter { !$0.example.contains(":") }
    for block in ordered {
      let keyPath: WritableKeyPath<Example, ExpectedText?> =
        block.kind == .output
        ? \.expectedOutput : block.kind == .stderr ? \.expectedStderr : \.expectedDiagnostics
      let text = ExpectedText(
        text: block.chunk.code, location: block.chunk.location, unordered: block.unordered)
      if let index = examples.firstIndex(where: { $0.name == block.example }) {
        if let earlier = examples[index][keyPath: keyPath] {
          error(
            at: block.fence,
            "example '\(block.example)' has two \(block.kind.rawValue) blocks (first at line \(earlier.location.line - 1))"
          )
          continue
        }
        examples[index][keyPath: keyPath] = text
        continue
      }
      let family = Example.family(of: block.example)
      let builds = examples.indices.filter {
        examples[$0].isVariant && examples[$0].family == family
      }
      if brokenExamples.contains(family) { continue }
      if builds.isEmpty {
        let single = examples.first { $0.name == family }
        error(
          at: block.nameAt,
          single.map {
            "example '\(family)' is built under one setting (\($0.setting.name)), so its \(block.kind.rawValue) block names it alone: example=\(family)"
          }
            ?? "\(block.kind.rawValue) block for example '\(block.example)', which no swift block defines"
        )
        continue
      }
      if block.example.contains(":") {
        let names = builds.map { examples[$0].setting.name }.joined(separator: ", ")
        error(
          at: block.nameAt,
          "example '\(family)' is not built under '\(block.example.dropFirst(family.count + 1))'; its settings are \(names)"
        )
        continue
      }
      let fitting = builds.filter {
        block.kind == .diagnostic
          ? examples[$0].mode == .compileFail : examples[$0].mode == .run
      }
      guard !fitting.isEmpty else {
        error(
          at: block.fence,
          block.kind == .diagnostic
            ? "a diagnostic block belongs to a build that must not compile, and every build of '\(family)' compiles"
            : "example '\(family)' is never run under any of its settings, so it cannot have \(block.kind.phrase)"
        )
        continue
      }
      for index in fitting where examples[index][keyPath: keyPath] == nil {
        examples[index][keyPath: keyPath] = text
      }
    }
  }

  // MARK: Claims

  mutating func readLink(_ node: MarkdownNode) {
    guard let url = node.url, url.lowercased().hasPrefix("claim:") else { return }
    claimLinks += 1
    let at = location(node.start)
    if node.kind == .image {
      error(
        at: at,
        "an image is not a claim, and would never be checked: write the claim as a link, without the '!'"
      )
      return
    }
    guard url.hasPrefix("claim:") else {
      error(at: at, "write 'claim:' in lower case, or the link is not read as a claim")
      return
    }
    if node.plainText == url {
      error(
        at: at,
        "an autolink <\(url)> states no number, so it claims nothing: write [about 2 s](\(url))")
      return
    }
    let target = String(url.dropFirst("claim:".count))
    let text = node.plainText.trimmingSpaces.description
    do {
      claims.append(
        try ClaimParser.parse(text: text, target: target, title: node.title ?? "", at: at))
    } catch {
      diagnostics.append(error)
    }
  }

  /// What only Linux has, which an example may use only if it runs on Linux alone.
  static let linuxOnly = [(code: "/proc/", name: "/proc"), (code: "prctl(", name: "prctl")]

  /// An example whose code reads `/proc` or calls `prctl` must say it runs on Linux only:
  /// elsewhere it would fail for a reason that has nothing to do with its lesson.
  mutating func checkPortability(_ examples: [Example]) {
    var reported: Set<String> = []
    for example in examples where example.platforms != [.linux] {
      guard !reported.contains(example.family),
        let used = Self.linuxOnly.first(where: { word in
          example.chunks.contains { $0.code.contains(word.code) }
        })
      else { continue }
      reported.insert(example.family)
      error(
        at: example.location,
        "example '\(example.family)' uses \(used.name), which only Linux has: say platforms=linux on it"
      )
    }
  }

  mutating func checkClaims(against examples: [Example]) {
    for claim in claims {
      for name in claim.examples {
        let family = Example.family(of: name)
        if brokenExamples.contains(family) { continue }
        guard let example = examples.first(where: { $0.name == name }) else {
          let builds = examples.filter { $0.isVariant && $0.family == family }
          let single = examples.first { $0.name == family }
          if let first = builds.first {
            let names = builds.map(\.setting.name).joined(separator: ", ")
            error(
              at: claim.location,
              name == family
                ? "claim '\(claim.text)' names example '\(name)', which is built under several settings (\(names)): name the one it is about, as claim:\(first.name)"
                : "claim '\(claim.text)' names example '\(name)', but '\(family)' is not built under that setting; its settings are \(names)"
            )
          } else if let single {
            error(
              at: claim.location,
              "claim '\(claim.text)' names example '\(name)', but '\(family)' is built under one setting (\(single.setting.name)): name it claim:\(family)"
            )
          } else {
            error(
              at: claim.location,
              "claim '\(claim.text)' names example '\(name)', which no swift block defines")
          }
          continue
        }
        if example.mode != .run {
          error(
            at: claim.location, "claim '\(claim.text)' names example '\(name)', which is never run")
        }
      }
    }
  }

  // MARK: Exercises

  /// Checks each exercise's goals and hints, gives it its hints, and adds its goals judged
  /// on its starter to the claims.
  mutating func completeExercises(examples: [Example]) -> [Exercise] {
    let names = Set(exercises.map(\.name))
    let starters = Dictionary(
      exercises.map { ($0.starterName, $0.name) }, uniquingKeysWith: { a, _ in a })
    var starterClaims: [Claim] = []
    for claim in claims {
      if let starter = claim.examples.first(where: { starters[$0] != nil }),
        let exercise = starters[starter]
      {
        error(
          at: claim.location,
          "claim '\(claim.text)' names the starter of exercise '\(exercise)': a goal names the exercise, claim:\(exercise), and is judged on its starter and its solution both"
        )
        continue
      }
      let named = claim.examples.filter(names.contains)
      guard let exercise = named.first else { continue }
      if claim.examples.count > 1 {
        error(
          at: claim.location,
          "claim '\(claim.text)' compares exercise '\(exercise)' with another example: a goal measures the exercise alone, so that the reader's answer can be judged on its own"
        )
        continue
      }
      var starterClaim = claim.measuring(Exercise.starterName(of: exercise))
      starterClaim.ofStarter = true
      starterClaims.append(starterClaim)
    }
    claims += starterClaims

    var complete = exercises
    for hint in hintBlocks {
      guard let index = complete.firstIndex(where: { $0.name == hint.exercise }) else {
        if brokenExamples.contains(hint.exercise) { continue }
        error(
          at: hint.nameAt,
          examples.contains(where: { $0.name == hint.exercise })
            ? "hint for '\(hint.exercise)', which is an example, not an exercise: hints belong to exercises (blocks that say starter or solution)"
            : "hint for exercise '\(hint.exercise)', which no swift block defines")
        continue
      }
      let exercise = complete[index]
      if let goal = hint.goal {
        let solution = examples.first { $0.name == exercise.name }
        let labels = claims.filter { $0.isGoal(of: exercise.name) }
          .flatMap(\.goalNames)
        var known = labels
        if solution?.expectedOutput != nil { known.append("output") }
        if solution?.expectedStderr != nil { known.append("stderr") }
        known.append("exit")
        if !known.contains(goal.value) {
          let list = Array(Set(known)).sorted().joined(separator: ", ")
          error(
            at: goal.at,
            "hint for '\(goal.value)', which is not a goal of exercise '\(exercise.name)'; its goals are \(list)"
          )
          continue
        }
      }
      complete[index].hints.append(hint.hint)
    }
    for exercise in complete {
      guard let solution = examples.first(where: { $0.name == exercise.name }) else { continue }
      let hasGoal =
        claims.contains(where: { $0.isGoal(of: exercise.name) })
        || solution.expectedOutput != nil || solution.expectedStderr != nil
        || solution.expectedEnding != nil
      if !hasGoal {
        error(
          at: exercise.location,
          "exercise '\(exercise.name)' has no goal: state one as a claim, [about 1 s](claim:\(exercise.name)), or with an output block, output example=\(exercise.name)"
        )
      }
    }
    return complete
  }

  // MARK: The marker of a lesson that checks nothing

  /// Reads `<!-- lesson-runner: … -->` comments in raw HTML, and reports what looks like a
  /// claim or a fenced block there: cmark does not read Markdown inside an HTML block, so it
  /// would never be checked.
  mutating func readHTML(_ node: MarkdownNode, isBlock: Bool) {
    let html = node.literal ?? ""
    var fenceReported = false
    for (offset, line) in LessonSource.lines(html).enumerated() {
      let lower = line.lowercased()
      let at = SourceLocation(
        file: path, line: max(node.start.line, 1) + offset,
        column: offset == 0 ? max(node.start.column, 1) : 1)
      let trimmed = lower.drop { $0 == " " }
      if isBlock, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        if fenceReported { continue }  // its closing fence, or more of the same mistake
        fenceReported = true
        error(
          at: at,
          "a code fence inside an HTML block is raw HTML, never read: leave a blank line between the HTML and the fence"
        )
      } else if lower.contains("](claim:") || lower.contains("=\"claim:")
        || lower.contains("='claim:")
      {
        error(
          at: at,
          "a claim inside raw HTML is never read: write it as a Markdown link, [about 2 s](claim:…), with a blank line between it and the HTML"
        )
      }
    }
    var rest = html[...]
    while let open = rest.firstRange(of: "<!--") {
      let body = rest[open.upperBound...]
      let close = body.firstRange(of: "-->")
      let comment = body[..<(close?.lowerBound ?? body.endIndex)]
      rest = close.map { body[$0.upperBound...] } ?? body[body.endIndex...]
      let words = comment.split(whereSeparator: \.isWhitespace)
      guard let first = words.first, first.lowercased().hasPrefix("lesson-runner") else {
        continue
      }
      let lineOffset = LessonSource.lines(String(html[..<open.lowerBound])).count - 1
      let at = SourceLocation(
        file: path, line: max(node.start.line, 1) + lineOffset,
        column: lineOffset == 0 ? max(node.start.column, 1) : 1)
      let directive = ([first.dropFirst("lesson-runner".count)] + words.dropFirst())
        .map { $0.drop { $0 == ":" } }.filter { !$0.isEmpty }.joined(separator: " ")
      if !isBlock {
        error(
          at: at,
          "put a lesson-runner directive such as \(Lesson.checksNothingMarker) on a line of its own, where it is read; inside a paragraph it is not"
        )
      } else if directive.hasPrefix("settings=") {
        readLessonSetting(String(directive.dropFirst("settings=".count)), at: at)
      } else if directive.lowercased() != "checks nothing" {
        error(
          at: at,
          "unknown lesson-runner directive '\(directive)': the ones there are \(Lesson.checksNothingMarker) and <!-- lesson-runner: settings=NAME -->"
        )
      } else if marker == nil {
        marker = at
      }
    }
  }

  /// `<!-- lesson-runner: settings=NAME -->`: the setting of every example of the lesson
  /// that names none.
  mutating func readLessonSetting(_ name: String, at: SourceLocation) {
    if let earlier = lessonSetting {
      error(
        at: at,
        "the lesson's setting is given twice (first at line \(earlier.at.line)): keep one")
      return
    }
    guard let setting = CompilerSettings.byName[name] else {
      let known = CompilerSettings.names
      error(
        at: at,
        name.contains(",")
          ? "a lesson has one setting; to build an example under several, write settings= on the example"
          : "unknown setting '\(name)'; known settings are \(known) (docs/lesson-format.md)")
      return
    }
    lessonSetting = (setting, at)
  }

  /// A lesson that says it checks nothing must check nothing.
  mutating func checkMarker(examples: [Example]) {
    guard let marker else { return }
    let exampleCount = Set(exampleBlocks.map(\.name)).union(brokenExamples).count
    if exampleCount > 0 || claimLinks > 0 {
      error(
        at: marker,
        "this lesson says it checks nothing, but it has \(plural(exampleCount, "example")) and \(plural(claimLinks, "claim")): remove the marker"
      )
    }
  }
}

/// The later of two places in a file.
private func later(_ a: SourceLocation, _ b: SourceLocation) -> SourceLocation {
  (a.line, a.column) < (b.line, b.column) ? b : a
}
