/// A place in a lesson file, as a reader would look it up: path, line, column (1-based).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// Which message a diagnostic is, whatever its words: `lesson.setup.unused`. Dot-separated
/// words of lower-case letters, digits and dashes; stable, so that a test or a tool reading
/// the JSON report can tell one error from another without matching its text.
public struct MessageID: Sendable, Hashable, Codable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  /// Whether the identifier is dot-separated words (two or more) of lower-case letters,
  /// digits and dashes, each starting with a letter.
  public var isWellFormed: Bool {
    let words = rawValue.split(separator: ".", omittingEmptySubsequences: false)
    return words.count >= 2
      && words.allSatisfy { word in
        guard let first = word.first, first.isASCII, first.isLowercase else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
          && !word.hasSuffix("-")
      }
  }

  /// A diagnostic read from a report saved before diagnostics had identifiers.
  public static let unnamed: MessageID = "unnamed.message"
}

/// A diagnostic's words and the identifier of the message they are. Each message is a named
/// value beside the rule that reports it (`Message.unknownAttribute(…)`).
public struct Message: Sendable, Hashable {
  public var id: MessageID
  public var text: String

  public init(_ id: MessageID, _ text: String) {
    self.id = id
    self.text = text
  }
}

/// One message about a lesson, printed as `path:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Codable { case error, warning, note }

  /// Which message this is: `lesson.attribute.unknown`.
  public var id: MessageID
  public var location: SourceLocation
  public var severity: Severity
  public var message: String

  public init(_ message: Message, at location: SourceLocation) {
    self.init(.error, message, at: location)
  }

  public init(_ severity: Severity, _ message: Message, at location: SourceLocation) {
    self.id = message.id
    self.location = location
    self.severity = severity
    self.message = message.text
  }

  enum CodingKeys: String, CodingKey { case id, location, severity, message }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decodeIfPresent(MessageID.self, forKey: .id) ?? .unnamed
    location = try c.decode(SourceLocation.self, forKey: .location)
    severity = try c.decode(Severity.self, forKey: .severity)
    message = try c.decode(String.self, forKey: .message)
  }

  /// The same diagnostic at another severity: a failure kept as a note.
  public func with(_ severity: Severity) -> Diagnostic {
    var copy = self
    copy.severity = severity
    return copy
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Every problem found in a lesson file, reported together.
public struct LessonErrors: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
