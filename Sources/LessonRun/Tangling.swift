import Foundation
import LessonKit

extension Workspace {
  /// Brings `Sources/Lessons`, the lessons package's manifest among it, in step with
  /// `lessons`.
  ///
  /// Returns the paths that were (or, with `write` false, would be) created, changed or
  /// removed. Folders of lessons named in `keeping` (lessons that failed to parse) are
  /// left as they are, so a typo in one lesson never deletes another's code.
  public func tangle(_ lessons: [Lesson], keeping: Set<String> = [], write: Bool) throws -> [String]
  {
    let fm = FileManager.default
    var stale: [String] = []
    var expected: [String: String] = [:]
    for lesson in lessons {
      for file in Tangler.files(for: lesson) { expected[file.path] = file.contents }
    }
    if let manifest = Tangler.manifest(for: lessons) {
      expected[Tangler.manifestPath] = manifest
    }
    for (path, contents) in expected.sorted(by: { $0.key < $1.key }) {
      let url = root.appendingPathComponent(path)
      if (try? String(contentsOf: url, encoding: .utf8)) != contents {
        stale.append(path)
        if write {
          try fm.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
          try contents.write(to: url, atomically: true, encoding: .utf8)
        }
      }
    }
    let lessonsRoot = root.appendingPathComponent(Tangler.root)
    if let walker = fm.enumerator(atPath: lessonsRoot.path) {
      while let relative = walker.nextObject() as? String {
        // A build of the lessons package by hand, and SwiftPM's record of its versions.
        if relative.hasPrefix(".") || relative == "Package.resolved" {
          walker.skipDescendants()
          continue
        }
        let path = "\(Tangler.root)/\(relative)"
        var isDirectory: ObjCBool = false
        guard
          fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
          !isDirectory.boolValue, expected[path] == nil,
          !keeping.contains(String(relative.prefix { $0 != "/" }))
        else { continue }
        stale.append(path)
        if write { try fm.removeItem(at: root.appendingPathComponent(path)) }
      }
    }
    if write { removeEmptyFolders(under: lessonsRoot) }

    return stale
  }

  private func removeEmptyFolders(under url: URL) {
    let fm = FileManager.default
    guard let children = try? fm.contentsOfDirectory(atPath: url.path) else { return }
    for child in children {
      let childURL = url.appendingPathComponent(child)
      var isDirectory: ObjCBool = false
      if fm.fileExists(atPath: childURL.path, isDirectory: &isDirectory), isDirectory.boolValue {
        removeEmptyFolders(under: childURL)
        if (try? fm.contentsOfDirectory(atPath: childURL.path))?.isEmpty == true {
          try? fm.removeItem(at: childURL)
        }
      }
    }
  }

  /// Where drafts' scratch packages live.
  public var draftsDirectory: URL { root.appendingPathComponent(".build/drafts") }

  /// Scratch packages kept for drafts: the most recently verified ones. Each holds a build
  /// of its own (tens of megabytes, hundreds with SwiftNIO), so older ones are removed.
  public static let draftsKept = 8

  /// Writes a draft lesson (one outside lessons/) into a folder of its own under
  /// .build/drafts, laid out as the book is (a lessons package when an example imports a
  /// library), and returns that folder. Only the `draftsKept` most recently
  /// used scratch packages stay; older ones are removed.
  public func tangleDraft(_ lesson: Lesson) throws -> URL {
    let draft = Workspace(root: draftsDirectory.appendingPathComponent(lesson.slug))
    defer { pruneDrafts(keeping: draft.root) }
    // Stamped first: another runner pruning at this moment must see it as in use.
    try FileManager.default.createDirectory(at: draft.root, withIntermediateDirectories: true)
    try Data(lesson.path.utf8).write(to: draft.root.appendingPathComponent(".last-used"))
    // The scratch package is tangled like the book: unchanged files stay untouched, so
    // the next build redoes only what the draft changed.
    _ = try draft.tangle([lesson], write: true)
    return draft.root
  }

  /// A scratch package used this recently may be in use by another runner: never removed.
  public static let draftsInUse: TimeInterval = 3600

  /// Removes all but the most recently used scratch packages, never `current`, and never
  /// one used within `draftsInUse` (runners verifying drafts side by side would otherwise
  /// remove each other's packages while they build and run them).
  func pruneDrafts(keeping current: URL) {
    let fm = FileManager.default
    guard let names = try? fm.contentsOfDirectory(atPath: draftsDirectory.path) else { return }
    let used = names.map { name -> (URL, Date) in
      let folder = draftsDirectory.appendingPathComponent(name)
      let stamp = folder.appendingPathComponent(".last-used").path
      let date = (try? fm.attributesOfItem(atPath: stamp))?[.modificationDate] as? Date
      return (folder, date ?? .distantPast)
    }
    let recent = Date().addingTimeInterval(-Self.draftsInUse)
    for (folder, date) in used.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.draftsKept)
    where folder.standardizedFileURL.path != current.standardizedFileURL.path && date < recent {
      try? fm.removeItem(at: folder)
    }
  }
}
