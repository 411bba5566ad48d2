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

/// Turns lessons into Swift sources, and the examples that import libraries into a package.
///
/// Each runnable or compile-only example becomes a folder whose `main.swift` is the
/// example's code, its blocks one after another. The compiled code holds no lesson line
/// numbers: the runner keeps a line table (`lineTable(for:)`) that says which lesson line
/// each line comes from, and maps compiler diagnostics and crash backtraces back to the
/// lesson through it. So a change to the prose changes no compiled file, and a change to
/// one example rebuilds that example alone.
///
/// An example that imports nothing but the toolchain's own modules is compiled by the
/// runner with `swiftc`, straight from its `main.swift`: no manifest, no package graph. An
/// example that imports a library (`needs=`) is a target of the lessons package,
/// `Sources/Lessons/Package.swift`, which tangling writes whole; a lesson target that
/// depends on all of a lesson's such examples builds them in one `swift build`.
/// Compile-fail examples are written beside them and type-checked one by one.
public enum Tangler {
  /// Where tangled lessons live, relative to the package root.
  public static let root = "Sources/Lessons"

  /// The lessons package's manifest, relative to the package root.
  public static let manifestPath = "\(root)/Package.swift"

  /// Whether SwiftPM builds the example, in the lessons package: it imports a library.
  /// Every other Swift example that compiles is built by the runner with `swiftc`.
  public static func isPackaged(_ example: Example) -> Bool {
    isCompiled(example) && !example.needs.isEmpty
  }

  /// Whether the example is compiled to a program: Swift, and meant to compile.
  public static func isCompiled(_ example: Example) -> Bool {
    example.mode != .compileFail && example.language == .swift
  }

  public static func directory(of lesson: Lesson) -> String { "\(root)/\(lesson.fileStem)" }

  public static func sourcePath(of example: Example, in lesson: Lesson) -> String {
    if example.language == .python {
      return "\(directory(of: lesson))/python/\(example.fileName).py"
    }
    return example.mode == .compileFail
      ? "\(directory(of: lesson))/compile-fail/\(example.fileName).swift"
      : "\(directory(of: lesson))/\(example.fileName)/main.swift"
  }

  public static func files(for lesson: Lesson) -> [TangledFile] {
    var files = lesson.examples.map { example in
      TangledFile(
        path: sourcePath(of: example, in: lesson), contents: source(of: example, in: lesson))
    }
    if lesson.examples.contains(where: isPackaged) {
      files.append(
        TangledFile(
          path: "\(directory(of: lesson))/\(lesson.lessonTarget)/main.swift",
          contents: lessonMain(lesson)))
    }
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
      let target = isCompiled(example) ? lesson.targetName(of: example) : nil
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
    let names = lesson.examples.filter(isPackaged).map(\.name)
    return stamp(lesson, "The examples that import libraries")
      + "// Building this target builds every one of them at once.\n"
      + "print(\(swiftStringLiteral(names.joined(separator: "\n"))))\n"
  }

  /// The lessons package: the examples of `lessons` that import libraries, one target
  /// each, and a target per lesson that builds them all. Nil when no example imports one.
  public static func manifest(for lessons: [Lesson], name: String = "Lessons") -> String? {
    let packaged = lessons.flatMap(\.examples).filter(isPackaged)
    guard !packaged.isEmpty else { return nil }
    var lines = [
      "// swift-tools-version: \(toolsVersion)",
      "// swift-format-ignore-file",
      "// The examples of the lessons that import libraries; the others are compiled by",
      "// lesson-runner with swiftc, one file each.",
      "// Written by `swift run lesson-runner tangle`: edit the lessons, not this file.",
      "import PackageDescription",
      "",
      "// Lessons are the reader's code: Swift 6, and no warning may pass.",
      "let lessonSettings: [SwiftSetting] = [.unsafeFlags([\"-warnings-as-errors\"])]",
      "",
      "let package = Package(",
      "  name: \(swiftStringLiteral(name)),",
      // Products, so that a package depending on this one (the site's, which the runner
      // builds them from) can build each example and each lesson's set by name.
      "  products: [",
    ]
    for lesson in lessons {
      let built = lesson.examples.filter(isPackaged)
      guard !built.isEmpty else { continue }
      for target in built.map(lesson.targetName) + [lesson.lessonTarget] {
        lines.append("    .executable(name: \"\(target)\", targets: [\"\(target)\"]),")
      }
    }
    lines += ["  ],", "  dependencies: ["]
    for package in Library.packages(for: packaged) {
      lines.append("    \(Library.manifestDependency(package)),")
    }
    lines += ["  ],", "  targets: ["]
    for lesson in lessons {
      let built = lesson.examples.filter(isPackaged)
      guard !built.isEmpty else { continue }
      lines.append("    // \(lesson.path)")
      for example in built {
        let deps = example.needs.compactMap(Library.manifestProduct)
        let own = example.setting.manifestSettings
        let settings =
          own.isEmpty ? "lessonSettings" : "lessonSettings + [\(own.joined(separator: ", "))]"
        lines.append(
          "    .executableTarget(name: \"\(lesson.targetName(of: example))\", "
            + "dependencies: [\(deps.joined(separator: ", "))], "
            + "path: \"\(lesson.fileStem)/\(example.fileName)\", swiftSettings: \(settings)),")
      }
      let names = built.map { "\"\(lesson.targetName(of: $0))\"" }.joined(separator: ", ")
      lines.append(
        "    .executableTarget(name: \"\(lesson.lessonTarget)\", dependencies: [\(names)], "
          + "path: \"\(lesson.fileStem)/\(lesson.lessonTarget)\", swiftSettings: lessonSettings),")
    }
    lines += ["  ],", "  swiftLanguageModes: [.v6]", ")", ""]
    return lines.joined(separator: "\n")
  }

  /// The tools version of the lessons package: 6.2 is the first that can set a target's
  /// default isolation (`.defaultIsolation`, SE-0466).
  public static let toolsVersion = "6.2"

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
