import CommonMark

/// What the stages of the parser hand on to each other: the diagnostics so far, the blocks
/// read, and the names that are already reported as broken.
struct ParseState {
  let path: String
  let lines: [Substring]
  var diagnostics: [Diagnostic] = []

  // Read from the blocks and links (the blocks stage).
  var exampleBlocks: [ExampleBlock] = []
  var setupBlocks: [String: SetupBlock] = [:]
  var expectedBlocks: [ExpectedBlock] = []
  var hintBlocks: [HintBlock] = []
  /// Every fence read, with what it is, in the order of the file.
  var blocks: [FencedBlock] = []
  var claims: [Claim] = []
  /// Claim links seen, whether or not they could be read.
  var claimLinks = 0
  /// The setting of every example that names none, from `<!-- lesson-runner: settings=NAME -->`.
  var lessonSetting: (setting: CompilerSetting, at: SourceLocation)?
  /// Where the lesson says it checks nothing on purpose.
  var marker: SourceLocation?
  var broken = Broken()

  // Made by the assemblers.
  /// Exercises as they were assembled: name, first fence, starter's first fence.
  var exercises: [Exercise] = []
  /// Examples built under several settings: each setting, and whether it must fail to compile.
  var variantPlans: [String: [(setting: CompilerSetting, fails: Bool)]] = [:]
  /// The claims that are exercises' goals, in the lesson's order.
  var goals: [PendingGoal] = []

  init(path: String, lines: [Substring]) {
    self.path = path
    self.lines = lines
  }

  mutating func error(_ message: Message, at location: SourceLocation) {
    diagnostics.append(Diagnostic(message, at: location))
  }

  func location(_ position: SourcePosition) -> SourceLocation {
    SourceLocation(file: path, line: max(position.line, 1), column: max(position.column, 1))
  }

  func lineBytes(_ number: Int) -> [UInt8] {
    number >= 1 && number <= lines.count ? Array(lines[number - 1].utf8) : []
  }

  /// The diagnostics in the order of the file: by line, column, then as they were found.
  var sortedDiagnostics: [Diagnostic] {
    diagnostics.enumerated().sorted {
      ($0.element.location.line, $0.element.location.column, $0.offset)
        < ($1.element.location.line, $1.element.location.column, $1.offset)
    }.map(\.element)
  }
}

/// Names declared by a block that has an error: other errors that would only repeat it (an
/// output block for an example that "no swift block defines") are not reported.
struct Broken {
  var examples: Set<String> = []
  var setups: Set<String> = []
  /// Setups named by `uses=` on blocks that have an error: they are not reported as unused.
  var uses: [String] = []
  /// Examples whose diagnostic block has an error: they are not reported as lacking one.
  var diagnostics: Set<String> = []

  /// A block that declares names but could not be read: later mentions of those names are
  /// not errors of their own.
  mutating func markNames(of info: InfoString) {
    for attribute in info.attributes {
      if attribute.key == "uses", let value = attribute.value { uses += splitList(value) }
      guard let value = attribute.value, isValidName(value) else { continue }
      if attribute.key == "example" { examples.insert(value) }
      if attribute.key == "setup" { setups.insert(value) }
    }
  }
}

/// `a,b,,c` gives ["a", "b", "", "c"]: an empty item is kept, so that it can be reported.
func splitList(_ value: String) -> [String] {
  value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
}

/// The later of two places in a file.
func later(_ a: SourceLocation, _ b: SourceLocation) -> SourceLocation {
  (a.line, a.column) < (b.line, b.column) ? b : a
}
