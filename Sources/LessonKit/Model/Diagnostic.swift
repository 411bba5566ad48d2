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

/// One message about a lesson, printed as `path:line:col: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Codable { case error, warning, note }

  public var location: SourceLocation
  public var severity: Severity
  public var message: String

  public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
    self.location = location
    self.severity = severity
    self.message = message
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Every problem found in a lesson file, reported together.
public struct LessonErrors: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
