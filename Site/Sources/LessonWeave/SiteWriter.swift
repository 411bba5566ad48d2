import Foundation

/// Puts a rendered site in a folder.
public enum SiteWriter {
  /// What marks a page as written by `lesson-runner site`.
  static let generatorMark = "<meta name=\"generator\" content=\"lesson-runner site\">"

  /// Writes `files` under `directory`, leaving unchanged files untouched, and removes pages
  /// an earlier render left there (top-level `.html` files that carry the generator mark
  /// and are not part of this render). Returns the paths it wrote.
  @discardableResult
  public static func write(_ files: [SiteFile], to directory: URL) throws -> [String] {
    let fm = FileManager.default
    try fm.createDirectory(at: directory, withIntermediateDirectories: true)
    let produced = Set(files.map(\.path))
    for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
    where name.hasSuffix(".html") && !produced.contains(name) {
      let url = directory.appendingPathComponent(name)
      if let text = try? String(contentsOf: url, encoding: .utf8), text.contains(generatorMark) {
        try fm.removeItem(at: url)
      }
    }
    var written: [String] = []
    for file in files {
      let url = directory.appendingPathComponent(file.path)
      let data = Data(file.contents.utf8)
      if fm.contents(atPath: url.path) == data { continue }
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
      written.append(file.path)
    }
    return written
  }
}
