import Foundation
import LessonKit

/// The book's package on disk: where lessons live and where tangled code goes.
public struct Workspace: Sendable {
  public let root: URL

  public init(root: URL) { self.root = root.standardizedFileURL }

  /// The book's package, the one that holds `lessons/`, found from the current directory
  /// upwards.
  public static func find(
    from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> Workspace? {
    var dir = start.standardizedFileURL
    while true {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
        FileManager.default.fileExists(
          atPath: dir.appendingPathComponent("lessons").path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return Workspace(root: dir)
      }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { return nil }
      dir = parent
    }
  }

  public var lessonsDirectory: URL { root.appendingPathComponent("lessons") }
  public var manifest: URL { root.appendingPathComponent("Package.swift") }
  /// The package of the examples that import libraries, which tangling writes.
  public var lessonsPackage: URL { root.appendingPathComponent(Tangler.root) }
  /// The site's package, which holds the book's site and preview, and depends on the
  /// lessons package.
  public var sitePackage: URL { root.appendingPathComponent("Site") }
  /// The package SwiftPM builds the examples that import libraries from. In the book it
  /// is the site's package, Site/, which depends on the lessons package: the libraries
  /// that both use (SwiftNIO, Hummingbird, swift-log…) are then built once, in Site/.build,
  /// for the lessons and for the site. Building an example's product builds only what it
  /// imports, never the site's own libraries. A draft's folder has no Site/: its examples
  /// are built from its own lessons package.
  public var lessonsBuildRoot: URL {
    let site = sitePackage.appendingPathComponent("Package.swift").path
    return FileManager.default.fileExists(atPath: site) ? sitePackage : lessonsPackage
  }
  /// The lessons package's manifest when SwiftPM builds it as a dependency of the site's
  /// package: a change to it must make SwiftPM plan again (`Toolchain.build`).
  public var lessonsManifests: [URL] {
    lessonsBuildRoot == sitePackage ? [lessonsPackage.appendingPathComponent("Package.swift")] : []
  }
  /// Where SwiftPM builds `lessonsBuildRoot`: Site/.build, the site's own build folder, or
  /// for a draft a folder inside its .build, so that the tangled folder holds only what
  /// tangling wrote.
  public var lessonsBuild: URL {
    lessonsBuildRoot == sitePackage
      ? sitePackage.appendingPathComponent(".build")
      : root.appendingPathComponent(".build/lessons-package")
  }
  /// Where the runner puts the examples it compiles itself, one program each.
  public var compiledExamples: URL { root.appendingPathComponent(".build/examples") }
  public var resultsDirectory: URL { root.appendingPathComponent(".build/lesson-results") }
  /// The saved reports of the latest runs, one file per lesson.
  public var results: ResultsFile { ResultsFile(directory: resultsDirectory) }

  /// The numbered lessons, `lessons/NN-slug.md`, in order.
  public func lessonFiles() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory.path)) ?? []
    let numbered = names.compactMap { name in
      name.hasSuffix(".md") ? number(of: name).map { (number: $0, name: name) } : nil
    }
    return numbered.sorted { ($0.number, $0.name) < ($1.number, $1.name) }
      .map { lessonsDirectory.appendingPathComponent($0.name) }
  }

  /// A path as the diagnostics show it: relative to the package when it lies inside it.
  public func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  public func isDraft(_ url: URL) -> Bool {
    url.standardizedFileURL.deletingLastPathComponent().path != lessonsDirectory.path
  }

  /// Reads and parses one lesson file.
  public func load(_ url: URL) -> Result<Lesson, LessonErrors> {
    let path = displayPath(url)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return .failure(LessonErrors([LessonSource.unreadable(.missing, path: path)]))
    }
    guard !isDirectory.boolValue else {
      return .failure(LessonErrors([LessonSource.unreadable(.directory, path: path)]))
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return .failure(LessonErrors([LessonSource.unreadable(.failed, path: path)]))
    }
    let source: String
    switch LessonSource.text(of: data, path: path) {
    case .success(let text): source = text
    case .failure(let errors): return .failure(errors)
    }
    do {
      var lesson = try LessonParser.parse(
        source: source, path: path, fileName: url.lastPathComponent)
      if isDraft(url) { lesson.number = nil }
      return .success(lesson)
    } catch {
      return .failure(error)
    }
  }

  /// The lesson number a file name starts with (`03-event-loop.md` is 3), if any.
  private func number(of fileName: String) -> Int? {
    LessonParser.numberAndSlug(fileName).0
  }

  /// Finds the lesson a command-line argument names: a number, a slug or a path.
  public func resolve(_ argument: String) -> URL? {
    let files = lessonFiles()
    if let n = Int(argument) {
      return files.first { number(of: $0.lastPathComponent) == n }
    }
    if argument.hasSuffix(".md") || argument.contains("/") {
      let url = URL(
        fileURLWithPath: argument,
        relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/"))
      return FileManager.default.fileExists(atPath: url.path) ? url.standardizedFileURL : nil
    }
    return files.first { url in
      let stem = url.deletingPathExtension().lastPathComponent
      return stem == argument || stem.drop { $0 != "-" }.dropFirst() == argument[...]
    }
  }
}
