import Foundation

/// A file that tangling writes: its path relative to the package root, and its text.
public struct TangledFile: Sendable, Hashable {
  public var path: String
  public var contents: String

  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}

/// Turns lessons into Swift sources and SwiftPM targets.
///
/// Each runnable or compile-only example becomes an executable target whose `main.swift`
/// is the example's code, its blocks one after another. The compiled code holds no lesson
/// line numbers: `lines.json`, beside the lesson's targets, says which lesson line each
/// line comes from, and the runner maps compiler diagnostics and crash backtraces back to
/// the lesson through it. So a change to the prose changes no compiled file, and a change
/// to one example rebuilds that example alone. A lesson target depends on all the examples,
/// so one `swift build --product LessonNN` builds the whole lesson. Compile-fail examples
/// are written beside them but belong to no target: the runner type-checks each alone.
public enum Tangler {
  /// Where tangled lessons live, relative to the package root.
  public static let root = "Sources/Lessons"

  public static let regionStart =
    "// MARK: Tangled lessons. Written by `swift run lesson-runner tangle`: edit the lessons, not this list."
  public static let regionEnd = "// MARK: End of tangled lessons."

  public static func directory(of lesson: Lesson) -> String { "\(root)/\(lesson.fileStem)" }

  public static func sourcePath(of example: Example, in lesson: Lesson) -> String {
    if example.language == .python {
      return "\(directory(of: lesson))/python/\(example.fileName).py"
    }
    return example.mode == .compileFail
      ? "\(directory(of: lesson))/compile-fail/\(example.fileName).swift"
      : "\(directory(of: lesson))/\(example.fileName)/main.swift"
  }

  /// Where the lesson's line table lives, relative to the package root.
  public static func lineTablePath(of lesson: Lesson) -> String {
    "\(directory(of: lesson))/lines.json"
  }

  public static func files(for lesson: Lesson) -> [TangledFile] {
    var files = lesson.examples.map { example in
      TangledFile(
        path: sourcePath(of: example, in: lesson), contents: source(of: example, in: lesson))
    }
    files.append(
      TangledFile(
        path: "\(directory(of: lesson))/\(lesson.lessonTarget)/main.swift",
        contents: lessonMain(lesson)))
    let table = (try? ResultsFile.encode(lineTable(for: lesson))).map {
      String(decoding: $0, as: UTF8.self) + "\n"
    }
    files.append(TangledFile(path: lineTablePath(of: lesson), contents: table ?? ""))
    return files
  }

  static func stamp(_ lesson: Lesson, _ what: String, comment: String = "//") -> String {
    """
    \(comment) \(what) of \(lesson.path).
    \(comment) Written by `swift run lesson-runner tangle`: edit the lesson, not this file.

    """
  }

  /// The number of lines of a chunk's code.
  static func lineCount(_ code: String) -> Int {
    code.split(separator: "\n", omittingEmptySubsequences: false).count
      - (code.hasSuffix("\n") || code.isEmpty ? 1 : 0)
  }

  /// The line of the example's source at which each chunk starts. Swift chunks follow one
  /// another; a Python example's chunks stand at their own lines of the lesson (blank lines
  /// fill the gaps), so that Python's tracebacks name the lesson's lines.
  static func layout(of example: Example, in lesson: Lesson) -> [Int] {
    var line = stamp(lesson, "").filter { $0 == "\n" }.count + 1
    return example.chunks.map { chunk in
      if example.language == .python { line = max(line, chunk.location.line) }
      defer { line += lineCount(chunk.code) }
      return line
    }
  }

  /// The example's program: its chunks in order. `lineTable(for:)` says where each line
  /// comes from.
  public static func source(of example: Example, in lesson: Lesson) -> String {
    let what =
      example.isVariant
      ? "Example '\(example.family)' under setting '\(example.setting.name)'"
      : "Example '\(example.name)'"
    var text = stamp(lesson, what, comment: example.language == .python ? "#" : "//")
    var line = text.filter { $0 == "\n" }.count + 1
    for (chunk, start) in zip(example.chunks, layout(of: example, in: lesson)) {
      text += String(repeating: "\n", count: start - line)
      text += chunk.code
      if !chunk.code.isEmpty && !chunk.code.hasSuffix("\n") { text += "\n" }
      line = start + lineCount(chunk.code)
    }
    return text
  }

  /// For every example's source, the lesson line and column of each chunk's lines.
  public static func lineTable(for lesson: Lesson) -> LineTable {
    var spans: [LineTable.Span] = []
    for example in lesson.examples {
      let file = sourcePath(of: example, in: lesson)
      let target =
        example.mode == .compileFail || example.language != .swift
        ? nil : lesson.targetName(of: example)
      for (chunk, line) in zip(example.chunks, layout(of: example, in: lesson)) {
        let count = lineCount(chunk.code)
        guard count > 0 else { continue }
        spans.append(
          LineTable.Span(
            file: file, target: target, line: line, count: count,
            lessonLine: chunk.location.line, lessonColumn: chunk.location.column,
            source: chunk.location.file == lesson.path ? nil : chunk.location.file))
      }
    }
    return LineTable(lesson: lesson.path, spans: spans)
  }

  static func lessonMain(_ lesson: Lesson) -> String {
    let names = lesson.examples.filter { $0.mode != .compileFail && $0.language == .swift }
      .map(\.name)
    return stamp(lesson, "The examples")
      + "// Building this target builds every example of the lesson at once.\n"
      + "print(\(swiftStringLiteral(names.joined(separator: "\n"))))\n"
  }

  /// The SwiftPM targets of `lessons`, as the text that stands between the region markers.
  public static func manifestRegion(for lessons: [Lesson]) -> String {
    var lines = [regionStart, "let lessonPackages: [Package.Dependency] = ["]
    for package in Library.packages(for: lessons.flatMap(\.examples)) {
      lines.append("  \(Library.manifestDependency(package)),")
    }
    lines += ["]", "let lessonTargets: [Target] = ["]
    for lesson in lessons {
      lines.append("  // \(lesson.path)")
      let built = lesson.examples.filter { $0.mode != .compileFail && $0.language == .swift }
      for example in built {
        let deps = example.needs.compactMap(Library.manifestProduct)
        let own = example.setting.manifestSettings
        let settings =
          own.isEmpty ? "lessonSettings" : "lessonSettings + [\(own.joined(separator: ", "))]"
        lines.append(
          "  .executableTarget(name: \"\(lesson.targetName(of: example))\", "
            + (deps.isEmpty ? "" : "dependencies: [\(deps.joined(separator: ", "))], ")
            + "path: \"\(directory(of: lesson))/\(example.fileName)\", swiftSettings: \(settings)),"
        )
      }
      let names = built.map { "\"\(lesson.targetName(of: $0))\"" }.joined(separator: ", ")
      lines.append(
        "  .executableTarget(name: \"\(lesson.lessonTarget)\", dependencies: [\(names)], "
          + "path: \"\(directory(of: lesson))/\(lesson.lessonTarget)\", swiftSettings: lessonSettings),"
      )
    }
    lines.append("]")
    lines.append(regionEnd)
    return lines.joined(separator: "\n")
  }

  /// `manifest` with its tangled region replaced, or nil when it has no such region.
  public static func replacingRegion(in manifest: String, with region: String) -> String? {
    guard let start = manifest.range(of: regionStart),
      let end = manifest.range(of: regionEnd, range: start.upperBound..<manifest.endIndex)
    else { return nil }
    return manifest.replacingCharacters(in: start.lowerBound..<end.upperBound, with: region)
  }

  /// The manifest's tools version: 6.2 is the first that can set a target's default
  /// isolation (`.defaultIsolation`, SE-0466).
  public static let toolsVersion = "6.2"

  /// A whole package for a draft lesson that lives outside lessons/.
  public static func draftManifest(for lesson: Lesson) -> String {
    return """
      // swift-tools-version: \(toolsVersion)
      // A scratch package for \(lesson.path), written by lesson-runner: edit the lesson.
      import PackageDescription

      let lessonSettings: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

      \(manifestRegion(for: [lesson]))

      let package = Package(
        name: "Draft",
        dependencies: lessonPackages,
        targets: lessonTargets,
        swiftLanguageModes: [.v6]
      )

      """
  }

  static func swiftStringLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
