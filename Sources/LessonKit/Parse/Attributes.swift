/// The kinds of fenced block the format reads, named by the language word of the info string.
enum BlockKind: String, CaseIterable, Sendable {
  case swift, output, diagnostic, stderr
  /// A Python example (`python example=NAME`), run with python3; without `example=`, a
  /// python block is prose.
  case python
  /// A hint to an exercise, in Markdown: `hint example=NAME`.
  case hint

  /// "a swift block", "an output block": for messages.
  var phrase: String { self == .output ? "an output block" : "a \(rawValue) block" }
}

/// What a swift block is: every swift block is exactly one of these.
enum SwiftRole: String, CaseIterable, Sendable {
  case example, setup, fragment

  var phrase: String {
    switch self {
    case .example: return "an example"
    case .setup: return "a setup block"
    case .fragment: return "a fragment, which is never compiled"
    }
  }

  /// The attribute that makes a swift block this.
  var attribute: AttributeName {
    switch self {
    case .example: return .example
    case .setup: return .setup
    case .fragment: return .fragment
    }
  }
}

/// Every attribute the format knows, by the name a lesson writes.
enum AttributeName: String, CaseIterable, Sendable {
  case example, starter, solution
  case `for`, setup, uses, hidden
  case compileOnly = "compile-only"
  case compileFail = "compile-fail"
  case settings, timeout, runs, needs, platforms, exit, fragment, unordered
}

/// One attribute the format knows: whether it takes a value, and where it may be written.
struct AttributeSpec: Sendable {
  let name: AttributeName
  let takesValue: Bool
  /// A flag that may also be given a value (`compile-fail`, or `compile-fail=default`).
  var valueOptional = false
  /// The blocks it may be written on.
  let blocks: Set<BlockKind>
  /// On a swift block, the roles it may be written on.
  let roles: Set<SwiftRole>
  /// An example of its use, for messages.
  let sample: String

  init(
    _ name: AttributeName, takesValue: Bool, valueOptional: Bool = false,
    blocks: Set<BlockKind>, roles: Set<SwiftRole>, sample: String
  ) {
    self.name = name
    self.takesValue = takesValue
    self.valueOptional = valueOptional
    self.blocks = blocks
    self.roles = roles
    self.sample = sample
  }
}

/// The one table of attributes: the parser checks every info string against it, and the
/// format's documentation lists the same rows.
enum Attributes {
  static let table: [AttributeSpec] = [
    AttributeSpec(
      .example, takesValue: true, blocks: [.swift, .output, .diagnostic, .stderr, .python, .hint],
      roles: [.example], sample: "example=NAME"),
    AttributeSpec(
      .starter, takesValue: false, blocks: [.swift, .python], roles: [.example], sample: "starter"),
    AttributeSpec(
      .solution, takesValue: false, blocks: [.swift, .python], roles: [.example],
      sample: "solution"),
    AttributeSpec(.for, takesValue: true, blocks: [.hint], roles: [], sample: "for=time"),
    AttributeSpec(
      .setup, takesValue: true, blocks: [.swift], roles: [.setup], sample: "setup=NAME"),
    AttributeSpec(
      .uses, takesValue: true, blocks: [.swift], roles: [.example, .setup], sample: "uses=A,B"),
    AttributeSpec(
      .hidden, takesValue: false, blocks: [.swift], roles: [.example, .setup], sample: "hidden"),
    AttributeSpec(
      .compileOnly, takesValue: false, blocks: [.swift], roles: [.example],
      sample: "compile-only"),
    AttributeSpec(
      .compileFail, takesValue: false, valueOptional: true, blocks: [.swift], roles: [.example],
      sample: "compile-fail"),
    AttributeSpec(
      .settings, takesValue: true, blocks: [.swift], roles: [.example],
      sample: "settings=default,nonsending"),
    AttributeSpec(
      .timeout, takesValue: true, blocks: [.swift, .python], roles: [.example],
      sample: "timeout=30s"),
    AttributeSpec(
      .runs, takesValue: true, blocks: [.swift, .python], roles: [.example], sample: "runs=3"),
    AttributeSpec(
      .needs, takesValue: true, blocks: [.swift], roles: [.example],
      sample: "needs=NIOCore,NIOPosix"),
    AttributeSpec(
      .platforms, takesValue: true, blocks: [.swift, .python], roles: [.example],
      sample: "platforms=linux"),
    AttributeSpec(
      .exit, takesValue: true, blocks: [.swift, .python], roles: [.example], sample: "exit=trap"),
    AttributeSpec(
      .fragment, takesValue: false, blocks: [.swift], roles: [.fragment], sample: "fragment"),
    AttributeSpec(
      .unordered, takesValue: false, blocks: [.output, .stderr], roles: [], sample: "unordered"),
  ]

  /// The row of an attribute as a lesson writes its name, if the format knows it.
  static let byName: [String: AttributeSpec] = Dictionary(
    table.map { ($0.name.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

  /// The attributes that may be written on `kind`, sorted, for messages.
  static func known(on kind: BlockKind) -> [String] {
    table.filter { $0.blocks.contains(kind) }.map(\.name.rawValue).sorted()
  }

  /// The attribute an example may give on any one of its blocks, and must give alike.
  static let exampleSettings: [AttributeName] = [
    .uses, .compileOnly, .compileFail, .timeout, .runs, .needs, .exit, .settings, .platforms,
  ]
}

/// An attribute's value as written ("" for a flag), and where.
struct AttributeValue: Equatable {
  var value: String
  var at: SourceLocation
}

/// A block's attributes, checked against the table: each known one with its value, by name.
struct BlockAttributes {
  /// The attributes that are well written, with their values.
  var values: [AttributeName: AttributeValue] = [:]
  /// Where each attribute was written, known or not, well written or not.
  var written: [String: SourceLocation] = [:]
  /// Whether any attribute has an error (reported).
  var broken = false

  subscript(_ name: AttributeName) -> AttributeValue? { values[name] }

  /// Where `name` was written, whether or not its value could be read.
  func wrote(_ name: AttributeName) -> SourceLocation? { written[name.rawValue] }

  /// The example's settings among them (`Attributes.exampleSettings`).
  var exampleSettings: [AttributeName: AttributeValue] {
    values.filter { Attributes.exampleSettings.contains($0.key) }
  }
}
