import Foundation

/// The margins of every claim over a lesson's latest verifications, one line of JSON a
/// run, so that the claims nearest their edge can be found across runs, not only in the
/// last one. Kept beside the saved reports, at most `kept` runs a lesson.
public struct MarginHistory: Sendable {
  /// One claim's margin in one run.
  public struct Entry: Sendable, Codable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var text: String
    public var target: String
    public var margin: Double
    public var verdict: String
  }

  /// One run of a lesson.
  public struct Run: Sendable, Codable, Hashable {
    public var date: String
    public var claims: [Entry]
  }

  /// The worst of one claim's margins over the runs read.
  public struct Worst: Sendable, Hashable {
    public var entry: Entry
    public var runs: Int
    public var median: Double
  }

  public let directory: URL
  public var kept = 50

  public init(directory: URL) { self.directory = directory }

  public func url(for stem: String) -> URL {
    directory.appendingPathComponent("\(stem).margins.jsonl")
  }

  /// The runs kept for the lesson with file stem `stem`, oldest first; lines that do not
  /// decode (a file cut short by an interrupted write) are passed over.
  public func runs(_ stem: String) -> [Run] {
    guard let data = FileManager.default.contents(atPath: url(for: stem).path) else { return [] }
    let decoder = JSONDecoder()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
      try? decoder.decode(Run.self, from: Data($0.utf8))
    }
  }

  /// Adds the margins of `report`'s claims (the lesson's own, not goals judged on a
  /// starter) as the newest run, dropping the oldest beyond `kept`.
  public func append(_ report: LessonReport, stem: String) throws {
    let claims = report.claims.compactMap { c -> Entry? in
      guard let margin = c.margin else { return nil }
      return Entry(
        file: c.file, line: c.line, column: c.column, text: c.text, target: c.target,
        margin: margin, verdict: c.words)
    }
    guard !claims.isEmpty else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var lines = try runs(stem).suffix(kept - 1).map {
      String(decoding: try encoder.encode($0), as: UTF8.self)
    }
    lines.append(
      String(
        decoding: try encoder.encode(Run(date: report.environment.date, claims: claims)),
        as: UTF8.self))
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(
      to: url(for: stem), options: .atomic)
  }

  /// Each claim's worst margin over `runs`, the claims nearest their edge first. A claim
  /// is known by its place and what it measures, so a claim that moved is a new one; only
  /// the claims of the latest run are listed, since the others are no longer in the lesson.
  public static func worst(_ runs: [Run]) -> [Worst] {
    let key = { (entry: Entry) in "\(entry.file):\(entry.line):\(entry.column) \(entry.target)" }
    let current = Set((runs.last?.claims ?? []).map(key))
    var seen: [String: [Entry]] = [:]
    var order: [String] = []
    for run in runs {
      for entry in run.claims where current.contains(key(entry)) {
        if seen[key(entry)] == nil { order.append(key(entry)) }
        seen[key(entry), default: []].append(entry)
      }
    }
    return order.compactMap { key -> Worst? in
      guard let entries = seen[key], let low = entries.min(by: { $0.margin < $1.margin }),
        let middle = median(entries.map(\.margin))
      else { return nil }
      return Worst(entry: low, runs: entries.count, median: middle)
    }.sorted { $0.entry.margin < $1.entry.margin }
  }
}
