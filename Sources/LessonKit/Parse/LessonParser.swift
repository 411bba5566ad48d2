import CommonMark

/// Reads a lesson file through cmark's tree into a `Lesson`, or reports every problem in it.
public enum LessonParser {
  /// Parses `source`, read from `path`. `fileName` (such as `03-event-loop.md`) gives the
  /// number and slug; a name without a number makes a draft lesson.
  public static func parse(source: String, path: String, fileName: String) throws(LessonErrors)
    -> Lesson
  {
    var state = State(
      path: path, lines: source.split(separator: "\n", omittingEmptySubsequences: false))
    let document = CommonMark.parse(source)
    let (number, slug) = numberAndSlug(fileName)

    var title: String?
    for node in document.descendants {
      switch node.kind {
      case .heading(level: 1) where title == nil:
        title = node.plainText.trimmingSpaces.description
      case .codeBlock:
        state.readCodeBlock(node)
      case .link where node.url?.hasPrefix("claim:") == true:
        state.readClaim(node)
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
    state.checkClaims(against: examples)
    if !state.diagnostics.isEmpty {
      throw LessonErrors(
        state.diagnostics.sorted {
          ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        })
    }
    return Lesson(
      number: number, slug: slug, title: title ?? slug, path: path, source: source,
      examples: examples, claims: state.claims)
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

/// What the parser has gathered so far.
private struct State {
  struct Block {
    var info: InfoString
    var chunk: CodeChunk
    var fence: SourceLocation
    var attributes: [String: (value: String?, at: SourceLocation)]
  }

  let path: String
  let lines: [Substring]
  var diagnostics: [Diagnostic] = []
  var claims: [Claim] = []
  var exampleBlocks: [Block] = []
  var setupBlocks: [String: Block] = [:]
  var outputBlocks: [Block] = []
  var diagnosticBlocks: [Block] = []

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

  // MARK: Code blocks

  mutating func readCodeBlock(_ node: MarkdownNode) {
    let fence = location(node.start)
    let fenceLine =
      node.start.line >= 1 && node.start.line <= lines.count ? lines[node.start.line - 1] : ""
    let lineFromBlock = fenceLine.dropFirst(max(node.start.column - 1, 0))
    let fenceChar = lineFromBlock.drop { $0 == " " }.first
    guard fenceChar == "`" || fenceChar == "~" else { return }  // an indented block: plain prose
    let fenceText = lineFromBlock.drop { $0 == " " }
    let fenceLength = fenceText.prefix { $0 == fenceChar }.count
    if !isClosingFence(
      line: node.end.line, char: fenceChar!, length: fenceLength, startLine: node.start.line)
    {
      error(
        at: fence,
        "this code fence is never closed: add a line of \(String(repeating: fenceChar!, count: fenceLength)) after its last line"
      )
      return
    }
    let info = InfoString(node.fenceInfo ?? "")
    guard ["swift", "output", "diagnostic"].contains(info.language) else { return }

    // The info string starts after the fence and any spaces; attribute columns count from it.
    let leading = lineFromBlock.prefix { $0 == " " }.count
    let afterFence = fenceText.dropFirst(fenceLength)
    let infoColumn =
      node.start.column + leading + fenceLength + afterFence.prefix { $0 == " " }.count
    var attributes: [String: (value: String?, at: SourceLocation)] = [:]
    for attribute in info.attributes {
      let at = SourceLocation(file: path, line: fence.line, column: infoColumn + attribute.offset)
      if attributes[attribute.key] != nil {
        error(at: at, "attribute '\(attribute.key)' is given twice")
      }
      attributes[attribute.key] = (attribute.value, at)
    }
    let code = node.literal ?? ""
    let codeStart = SourceLocation(file: path, line: node.start.line + 1, column: fence.column)
    let block = Block(
      info: info, chunk: CodeChunk(code: code, location: codeStart), fence: fence,
      attributes: attributes)
    switch info.language {
    case "swift": readSwiftBlock(block)
    case "output":
      readExpectedBlock(block, into: \.outputBlocks, allowed: ["example", "unordered"])
    default: readExpectedBlock(block, into: \.diagnosticBlocks, allowed: ["example"])
    }
  }

  /// An unclosed fence runs to the end of its container, so its last line is not a fence.
  func isClosingFence(line: Int, char: Character, length: Int, startLine: Int) -> Bool {
    guard line > startLine, line >= 1, line <= lines.count else { return false }
    var text = lines[line - 1][...]
    // Strip block-quote markers and indentation before the fence.
    while let first = text.first, first == " " || first == ">" { text = text.dropFirst() }
    let run = text.prefix { $0 == char }
    return run.count >= length && text.dropFirst(run.count).allSatisfy(\.isWhitespace)
  }

  static let swiftAttributes: Set<String> = [
    "example", "setup", "uses", "hidden", "compile-only", "compile-fail", "timeout", "runs",
    "needs",
    "fragment",
  ]

  mutating func readSwiftBlock(_ block: Block) {
    var ok = true
    for (key, attribute) in block.attributes where !Self.swiftAttributes.contains(key) {
      error(
        at: attribute.at,
        "unknown attribute '\(key)' on a swift block; known attributes are \(Self.swiftAttributes.sorted().joined(separator: ", "))"
      )
      ok = false
    }
    for flag in ["hidden", "compile-only", "compile-fail", "fragment"] {
      if let a = block.attributes[flag], a.value != nil {
        error(at: a.at, "'\(flag)' is a flag and takes no value")
        ok = false
      }
    }
    for key in ["example", "setup", "uses", "timeout", "runs", "needs"] {
      if let a = block.attributes[key], a.value?.isEmpty ?? true {
        error(at: a.at, "'\(key)' needs a value, as in \(key)=…")
        ok = false
      }
    }
    guard ok else { return }
    let example = block.attributes["example"]
    let setup = block.attributes["setup"]
    let isFragment = block.attributes["fragment"] != nil
    switch (example, setup, isFragment) {
    case (let e?, nil, false):
      guard checkName(e.value!, at: e.at) else { return }
      exampleBlocks.append(block)
    case (nil, let s?, false):
      guard checkName(s.value!, at: s.at) else { return }
      for (key, a) in block.attributes where !["setup", "hidden", "uses"].contains(key) {
        error(at: a.at, "'\(key)' does not apply to a setup block")
        return
      }
      if let earlier = setupBlocks[s.value!] {
        error(
          at: s.at, "setup '\(s.value!)' is defined twice (first at line \(earlier.fence.line))")
        return
      }
      var b = block
      b.chunk.role = .setup
      b.chunk.setupName = s.value!
      setupBlocks[s.value!] = b
    case (nil, nil, true):
      for (key, a) in block.attributes where key != "fragment" {
        error(at: a.at, "'\(key)' does not apply to a fragment, which is never compiled")
      }
    case (nil, nil, false):
      error(
        at: block.fence,
        "a swift block must be an example (example=NAME), a setup (setup=NAME) or a fragment that is never compiled (fragment)"
      )
    default:
      error(at: block.fence, "a swift block is one of: an example, a setup, a fragment")
    }
  }

  mutating func readExpectedBlock(
    _ block: Block, into list: WritableKeyPath<State, [Block]>, allowed: Set<String>
  ) {
    for (key, a) in block.attributes where !allowed.contains(key) {
      error(
        at: a.at,
        "unknown attribute '\(key)' on \(block.info.language == "output" ? "an output" : "a diagnostic") block; known attributes are \(allowed.sorted().joined(separator: ", "))"
      )
      return
    }
    guard let e = block.attributes["example"], let name = e.value, !name.isEmpty else {
      error(
        at: block.fence,
        "\(block.info.language == "output" ? "an output" : "a diagnostic") block must name its example: \(block.info.language) example=NAME"
      )
      return
    }
    guard checkName(name, at: e.at) else { return }
    self[keyPath: list].append(block)
  }

  mutating func checkName(_ name: String, at location: SourceLocation) -> Bool {
    if isValidName(name) { return true }
    error(at: location, "'\(name)' is not a valid name: use lower case letters, digits and dashes")
    return false
  }

  // MARK: Examples

  mutating func assembleExamples() -> [Example] {
    var order: [String] = []
    var grouped: [String: [Block]] = [:]
    for block in exampleBlocks {
      let name = block.attributes["example"]!.value!
      if grouped[name] == nil { order.append(name) }
      grouped[name, default: []].append(block)
    }
    for (name, setup) in setupBlocks where grouped[name] != nil {
      error(at: setup.attributes["setup"]!.at, "'\(name)' names both a setup and an example")
    }
    var examples: [Example] = []
    for name in order {
      if let example = assemble(name, grouped[name]!) { examples.append(example) }
    }
    attach(outputBlocks, to: &examples, kind: "output", keyPath: \.expectedOutput)
    attach(diagnosticBlocks, to: &examples, kind: "diagnostic", keyPath: \.expectedDiagnostics)
    for example in examples {
      if example.mode == .compileFail && example.expectedDiagnostics == nil {
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
    }
    return examples
  }

  /// The value of an attribute given on any one block of an example.
  mutating func setting(_ key: String, in blocks: [Block]) -> (value: String?, at: SourceLocation)?
  {
    let given = blocks.compactMap { $0.attributes[key] }
    if given.count > 1 && Set(given.map { $0.value ?? "" }).count > 1 {
      error(
        at: given[1].at,
        "'\(key)' is given differently on two blocks of the same example (first at line \(given[0].at.line))"
      )
    }
    return given.first
  }

  mutating func assemble(_ name: String, _ blocks: [Block]) -> Example? {
    var example = Example(name: name, location: blocks[0].fence, chunks: [])
    let compileOnly = setting("compile-only", in: blocks)
    let compileFail = setting("compile-fail", in: blocks)
    if let a = compileOnly, compileFail != nil {
      error(at: a.at, "an example cannot be both compile-only and compile-fail")
    }
    example.mode = compileFail != nil ? .compileFail : compileOnly != nil ? .compileOnly : .run
    if let t = setting("timeout", in: blocks) {
      if let d = parseDuration(t.value!) {
        example.timeout = d
      } else {
        error(
          at: t.at,
          "bad duration '\(t.value!)': expected a number and a unit, as in timeout=30s or timeout=500ms"
        )
      }
    }
    if let r = setting("runs", in: blocks) {
      if let n = Int(r.value!), (1...9).contains(n) {
        example.runs = n
      } else {
        error(at: r.at, "bad run count '\(r.value!)': expected a whole number from 1 to 9")
      }
    }
    if let n = setting("needs", in: blocks) {
      let products = n.value!.split(separator: ",").map(String.init)
      for p in products where Library.products[p] == nil {
        error(
          at: n.at,
          "unknown library '\(p)' in needs=; known ones are \(Library.products.keys.sorted().joined(separator: ", "))"
        )
      }
      example.needs = products
    }
    if let u = setting("uses", in: blocks) {
      var included: [String] = []
      include(u, by: "example '\(name)'", into: &included, chain: [])
      example.chunks += included.map { setupBlocks[$0]!.chunk }
    }
    for block in blocks {
      var chunk = block.chunk
      chunk.role = block.attributes["hidden"] != nil ? .hidden : .code
      example.chunks.append(chunk)
    }
    return example
  }

  /// Adds the setups that `uses` names, each after the setups it uses in turn, once each.
  mutating func include(
    _ uses: (value: String?, at: SourceLocation), by user: String, into included: inout [String],
    chain: [String]
  ) {
    for name in uses.value!.split(separator: ",").map(String.init) where !included.contains(name) {
      guard let setup = setupBlocks[name] else {
        error(at: uses.at, "\(user) uses setup '\(name)', which no block defines (setup=\(name))")
        continue
      }
      if chain.contains(name) {
        error(
          at: uses.at,
          "setups use each other in a circle: \((chain + [name]).joined(separator: " → "))")
        continue
      }
      if let inner = setup.attributes["uses"] {
        include(inner, by: "setup '\(name)'", into: &included, chain: chain + [name])
      }
      if !included.contains(name) { included.append(name) }
    }
  }

  mutating func attach(
    _ blocks: [Block], to examples: inout [Example], kind: String,
    keyPath: WritableKeyPath<Example, ExpectedText?>
  ) {
    for block in blocks {
      let name = block.attributes["example"]!.value!
      guard let index = examples.firstIndex(where: { $0.name == name }) else {
        error(
          at: block.attributes["example"]!.at,
          "\(kind) block for example '\(name)', which no swift block defines")
        continue
      }
      if let earlier = examples[index][keyPath: keyPath] {
        error(
          at: block.fence,
          "example '\(name)' has two \(kind) blocks (first at line \(earlier.location.line - 1))")
        continue
      }
      examples[index][keyPath: keyPath] = ExpectedText(
        text: block.chunk.code, location: block.chunk.location,
        unordered: block.attributes["unordered"] != nil)
    }
  }

  // MARK: Claims

  mutating func readClaim(_ node: MarkdownNode) {
    let target = String(node.url!.dropFirst("claim:".count))
    let text = node.plainText.trimmingSpaces.description
    do {
      claims.append(
        try ClaimParser.parse(
          text: text, target: target, title: node.title ?? "", at: location(node.start)))
    } catch {
      diagnostics.append(error)
    }
  }

  mutating func checkClaims(against examples: [Example]) {
    for claim in claims {
      for name in claim.examples {
        guard let example = examples.first(where: { $0.name == name }) else {
          error(
            at: claim.location,
            "claim '\(claim.text)' names example '\(name)', which no swift block defines")
          continue
        }
        if example.mode != .run {
          error(
            at: claim.location, "claim '\(claim.text)' names example '\(name)', which is never run")
        }
      }
    }
  }
}
