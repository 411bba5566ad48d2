import Foundation

/// The saved report of a lesson's latest verification, which the site reads: the one place
/// that reads and writes these files.
///
/// Each lesson has `<fileStem>.json` in the results folder, holding
/// `{"formatVersion": N, "report": {…}}`. A file of another format, or one that does not
/// decode, is reported with the reason, never taken for a missing run.
public struct ResultsFile: Sendable {
  /// The version of the file's format; a change to `LessonReport` that old readers cannot
  /// decode raises it.
  public static let formatVersion = 2

  public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No run was saved for the lesson.
    case missing
    /// The file is there but is no report this runner can read.
    case unreadable(file: String, reason: String)

    public var description: String {
      switch self {
      case .missing: return "no results were saved"
      case .unreadable(let file, let reason): return "\(file) cannot be read: \(reason)"
      }
    }
  }

  public let directory: URL

  public init(directory: URL) { self.directory = directory }

  public func url(for stem: String) -> URL { directory.appendingPathComponent("\(stem).json") }

  /// The report saved for the lesson with file stem `stem`.
  public func read(_ stem: String) -> Result<LessonReport, Failure> {
    let url = url(for: stem)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .failure(.missing)
    }
    return Self.decode(data, file: url.lastPathComponent)
  }

  /// Writes the report for the lesson with file stem `stem`, atomically: a reader (or an
  /// interrupted run) sees the old file or the new one, never half of one.
  public func write(_ report: LessonReport, stem: String) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Self.encode(Envelope(formatVersion: Self.formatVersion, report: report)).write(
      to: url(for: stem), options: .atomic)
  }

  public static func decode(_ data: Data, file: String) -> Result<LessonReport, Failure> {
    let decoder = JSONDecoder()
    guard let header = try? decoder.decode(Header.self, from: data) else {
      return .failure(.unreadable(file: file, reason: "it is not a JSON object"))
    }
    guard header.formatVersion == formatVersion else {
      let found = header.formatVersion.map { "format \($0)" } ?? "a format without a version"
      return .failure(
        .unreadable(
          file: file,
          reason:
            "it has \(found), and this runner reads format \(formatVersion); run the lesson again"
        ))
    }
    do {
      return .success(try decoder.decode(Envelope.self, from: data).report)
    } catch {
      return .failure(.unreadable(file: file, reason: describe(error)))
    }
  }

  /// Reports as JSON, the same bytes for the same report: sorted keys, readable.
  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  private struct Header: Decodable {
    var formatVersion: Int?
  }

  private struct Envelope: Codable {
    var formatVersion: Int
    var report: LessonReport
  }

  /// A decoding error in words, with the path of keys where it happened.
  static func describe(_ error: Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ keys: [CodingKey]) -> String {
      keys.isEmpty
        ? "the top level"
        : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .dataCorrupted(let context): return "corrupt data at \(path(context.codingPath))"
    case .keyNotFound(let key, let context):
      return "no '\(key.stringValue)' at \(path(context.codingPath))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(context.debugDescription) at \(path(context.codingPath))"
    @unknown default: return "\(error)"
    }
  }
}
