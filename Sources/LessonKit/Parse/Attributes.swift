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
}

/// One attribute the format knows: whether it takes a value, and where it may be written.
struct AttributeSpec: Sendable {
  let name: String
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
    name: String, takesValue: Bool, valueOptional: Bool = false, blocks: Set<BlockKind>,
    roles: Set<SwiftRole>, sample: String
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
      name: "example", takesValue: true,
      blocks: [.swift, .output, .diagnostic, .stderr, .python, .hint],
      roles: [.example], sample: "example=NAME"),
    AttributeSpec(
      name: "starter", takesValue: false, blocks: [.swift, .python], roles: [.example],
      sample: "starter"),
    AttributeSpec(
      name: "solution", takesValue: false, blocks: [.swift, .python], roles: [.example],
      sample: "solution"),
    AttributeSpec(
      name: "for", takesValue: true, blocks: [.hint], roles: [], sample: "for=time"),
    AttributeSpec(
      name: "setup", takesValue: true, blocks: [.swift], roles: [.setup], sample: "setup=NAME"),
    AttributeSpec(
      name: "uses", takesValue: true, blocks: [.swift], roles: [.example, .setup],
      sample: "uses=A,B"),
    AttributeSpec(
      name: "hidden", takesValue: false, blocks: [.swift], roles: [.example, .setup],
      sample: "hidden"),
    AttributeSpec(
      name: "compile-only", takesValue: false, blocks: [.swift], roles: [.example],
      sample: "compile-only"),
    AttributeSpec(
      name: "compile-fail", takesValue: false, valueOptional: true, blocks: [.swift],
      roles: [.example], sample: "compile-fail"),
    AttributeSpec(
      name: "settings", takesValue: true, blocks: [.swift], roles: [.example],
      sample: "settings=default,nonsending"),
    AttributeSpec(
      name: "timeout", takesValue: true, blocks: [.swift, .python], roles: [.example],
      sample: "timeout=30s"),
    AttributeSpec(
      name: "runs", takesValue: true, blocks: [.swift, .python], roles: [.example],
      sample: "runs=3"),
    AttributeSpec(
      name: "needs", takesValue: true, blocks: [.swift], roles: [.example],
      sample: "needs=NIOCore,NIOPosix"),
    AttributeSpec(
      name: "platforms", takesValue: true, blocks: [.swift, .python], roles: [.example],
      sample: "platforms=linux"),
    AttributeSpec(
      name: "exit", takesValue: true, blocks: [.swift, .python], roles: [.example],
      sample: "exit=trap"),
    AttributeSpec(
      name: "fragment", takesValue: false, blocks: [.swift], roles: [.fragment],
      sample: "fragment"),
    AttributeSpec(
      name: "unordered", takesValue: false, blocks: [.output, .stderr], roles: [],
      sample: "unordered"),
  ]

  static let byName: [String: AttributeSpec] = Dictionary(
    table.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

  /// The attributes that may be written on `kind`, sorted, for messages.
  static func known(on kind: BlockKind) -> [String] {
    table.filter { $0.blocks.contains(kind) }.map(\.name).sorted()
  }

  /// The attributes that make a swift block what it is.
  static let roleAttributes: [(name: String, role: SwiftRole)] = [
    ("example", .example), ("setup", .setup), ("fragment", .fragment),
  ]

  /// The attribute an example may give on any one of its blocks, and must give alike.
  static let exampleSettings = [
    "uses", "compile-only", "compile-fail", "timeout", "runs", "needs", "exit", "settings",
    "platforms",
  ]
}

/// The words of a fenced block's info string: a language, then flags and `key=value` pairs.
struct InfoString {
  struct Attribute {
    var key: String
    var value: String?
    /// Offset of the attribute within the info string, in UTF-8 bytes.
    var offset: Int
  }

  var language: String
  var attributes: [Attribute]
  /// Offsets of `key = value` written with spaces around `=`, read as `key=value`.
  var spacedEquals: [Int] = []

  init(_ info: String) {
    var words: [(text: String, offset: Int)] = []
    var current = ""
    var start = 0
    var offset = 0
    for c in info {
      if c.isWhitespace {
        if !current.isEmpty { words.append((current, start)) }
        current = ""
      } else {
        if current.isEmpty { start = offset }
        current.append(c)
      }
      offset += c.utf8.count
    }
    if !current.isEmpty { words.append((current, start)) }
    language = words.first?.text ?? ""

    // `key = value`, `key =value`, `key= value`: one attribute, written loosely.
    var merged: [(text: String, offset: Int)] = []
    var rest = words.dropFirst()[...]
    while let word = rest.popFirst() {
      var text = word.text
      var loose = false
      while let next = rest.first,
        (text.hasSuffix("=") && text.filter({ $0 == "=" }).count == 1)
          || (next.text.hasPrefix("=") && !text.contains("="))
      {
        text += next.text
        rest = rest.dropFirst()
        loose = true
      }
      if loose { spacedEquals.append(word.offset) }
      merged.append((text, word.offset))
    }
    attributes = merged.map { word, offset in
      if let eq = word.firstIndex(of: "=") {
        return Attribute(
          key: String(word[..<eq]), value: String(word[word.index(after: eq)...]), offset: offset)
      }
      return Attribute(key: word, value: nil, offset: offset)
    }
  }
}

/// Why a duration could not be read.
enum DurationProblem: Error, Equatable {
  /// Not a number with a time unit.
  case unreadable
  /// A time, but outside `Durations.allowed`.
  case outOfRange
}

enum Durations {
  /// The timeouts an example may have, in seconds: one millisecond to one hour.
  static let allowed: ClosedRange<Double> = 0.001...3600
}

/// Reads `30s`, `1.5 s`, `250ms` as a Duration from 1 ms to 1 hour.
func parseDuration(_ text: String) -> Result<Duration, DurationProblem> {
  guard let (value, dimension, rest) = Units.quantity(Substring(text)),
    dimension == .time, rest.allSatisfy(\.isWhitespace)
  else { return .failure(.unreadable) }
  guard value.isFinite, Durations.allowed.contains(value) else { return .failure(.outOfRange) }
  return .success(.nanoseconds(Int64((value * 1e9).rounded())))
}

/// Lower-case letters, digits and dashes, starting with a letter or digit.
func isValidName(_ name: String) -> Bool {
  guard let first = name.first, first.isASCII, first.isLetter || first.isNumber else {
    return false
  }
  return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
}

/// An example as a claim or an output block names it: `NAME`, or `NAME:SETTING` for one
/// build of an example built under several settings.
func isValidExampleReference(_ reference: String) -> Bool {
  let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
  return parts.count <= 2 && parts.allSatisfy { isValidName(String($0)) }
}
