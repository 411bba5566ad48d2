/// Where the lines of tangled sources come from in a lesson: written beside the tangled
/// files as `lines.json`, so the compiled code holds no lesson line numbers and a change
/// to the prose rebuilds nothing.
///
/// The compiler and the runtime's backtraces name the tangled file; the table maps such a
/// place back to the lesson's `file:line:col`.
public struct LineTable: Sendable, Hashable, Codable {
  /// Consecutive lines of a tangled file that come from one block of the lesson.
  public struct Span: Sendable, Hashable, Codable {
    /// The tangled file, relative to the package root.
    public var file: String
    /// The example's target, whose module name prefixes the file in `#fileID`, as in a
    /// runtime's `Lesson03Crash/main.swift:2: Fatal error`.
    public var target: String?
    /// The first line of the span in the tangled file (1-based).
    public var line: Int
    public var count: Int
    /// The lesson's line and column of the span's first line.
    public var lessonLine: Int
    public var lessonColumn: Int
    /// The file the lines come from when it is not the lesson: a reader's answer to an
    /// exercise, checked with the lesson's setup code.
    public var source: String?

    /// Whether a path, as a tool printed it, is this span's file.
    func names(_ path: String) -> Bool {
      path == file || path.hasSuffix("/" + file)
        || target.map { path == "\($0)/main.swift" } == true
    }

    public init(
      file: String, target: String? = nil, line: Int, count: Int, lessonLine: Int,
      lessonColumn: Int = 1, source: String? = nil
    ) {
      self.file = file
      self.target = target
      self.line = line
      self.count = count
      self.lessonLine = lessonLine
      self.lessonColumn = lessonColumn
      self.source = source
    }
  }

  /// The lesson's path, as diagnostics show it.
  public var lesson: String
  public var spans: [Span]

  public init(lesson: String, spans: [Span]) {
    self.lesson = lesson
    self.spans = spans
  }

  /// The lesson's place for `line` and `column` of `file`, a path as a tool printed it:
  /// relative to the package, or absolute and ending in the tangled file's path.
  public func location(file: String, line: Int, column: Int) -> SourceLocation? {
    for span in spans where span.names(file) && line >= span.line && line < span.line + span.count {
      return SourceLocation(
        file: span.source ?? lesson, line: span.lessonLine + line - span.line,
        column: column + span.lessonColumn - 1)
    }
    return nil
  }
}

/// Maps places in tangled files back to lessons, through every table it holds.
public struct SourceMap: Sendable {
  public var tables: [LineTable]

  public init(_ tables: [LineTable] = []) { self.tables = tables }

  public func location(file: String, line: Int, column: Int) -> SourceLocation? {
    for table in tables {
      if let found = table.location(file: file, line: line, column: column) { return found }
    }
    return nil
  }

  /// `text` with every `path:line:col` (or `path:line`) of a tangled file replaced by the
  /// lesson's place, for messages such as backtrace frames.
  public func rewrite(_ text: String) -> String {
    guard !tables.isEmpty else { return text }
    var out = ""
    var rest = text[...]
    // A place ends a word: find ".swift:" and read the path backwards, numbers forwards.
    while let marker = rest.range(of: ".swift:") {
      var pathStart = marker.lowerBound
      while pathStart > rest.startIndex {
        let before = rest.index(before: pathStart)
        if rest[before].isWhitespace || rest[before] == "(" || rest[before] == "\"" { break }
        pathStart = before
      }
      let path = String(rest[pathStart..<marker.upperBound].dropLast())
      var cursor = marker.upperBound
      let line = Self.number(in: rest, from: &cursor)
      var column: Int?
      if line != nil, cursor < rest.endIndex, rest[cursor] == ":" {
        var after = rest.index(after: cursor)
        if let c = Self.number(in: rest, from: &after) {
          column = c
          cursor = after
        }
      }
      if let line, let place = location(file: path, line: line, column: column ?? 1) {
        out += rest[rest.startIndex..<pathStart]
        out += column == nil ? "\(place.file):\(place.line)" : place.description
        rest = rest[cursor...]
      } else {
        out += rest[rest.startIndex..<marker.upperBound]
        rest = rest[marker.upperBound...]
      }
    }
    return out + rest
  }

  private static func number(in text: Substring, from cursor: inout Substring.Index) -> Int? {
    var end = cursor
    while end < text.endIndex, text[end].isASCII, text[end].isNumber {
      end = text.index(after: end)
    }
    guard end > cursor, let value = Int(text[cursor..<end]) else { return nil }
    cursor = end
    return value
  }
}
