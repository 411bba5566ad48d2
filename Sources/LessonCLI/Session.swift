import ArgumentParser
import Foundation
import LessonKit
import LessonRun

#if canImport(Glibc)
  import Glibc
#endif

/// What the commands share: finding the book, listing it, describing the machine.
public enum Session {
  public static func workspace() throws -> Workspace {
    guard let workspace = Workspace.find() else {
      fail(
        "no book here: run lesson-runner inside the Two Stones package (the folder with Package.swift and lessons/)"
      )
      throw ExitCode(2)
    }
    return workspace
  }

  /// A path the reader typed, relative to the current directory.
  public static func url(_ path: String) -> URL {
    URL(
      fileURLWithPath: path,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/")
    ).standardizedFileURL
  }

  /// The lesson and the exercise that command-line arguments name: a lesson number, slug or
  /// path, and the exercise's name, which may be left out when the lesson has one.
  public static func exercise(_ argument: String, _ name: String?, in workspace: Workspace) throws
    -> (
      Lesson, Exercise
    )
  {
    guard let file = workspace.resolve(argument) else {
      fail(
        "no lesson '\(argument)': give a number, a slug or the path of a Markdown file (run lesson-runner with no argument to list them)"
      )
      throw ExitCode(2)
    }
    let lesson: Lesson
    switch workspace.load(file) {
    case .success(let parsed): lesson = parsed
    case .failure(let errors):
      for d in errors.diagnostics {
        FileHandle.standardError.write(Data((d.description + "\n").utf8))
      }
      fail("\(workspace.displayPath(file)) is malformed; fix the errors above")
      throw ExitCode(2)
    }
    let names = lesson.exercises.map(\.name)
    if let name {
      guard let exercise = lesson.exercise(named: name) else {
        fail(
          "\(lesson.path) has no exercise '\(name)'"
            + (names.isEmpty
              ? ": it has none" : "; its exercises: \(names.joined(separator: ", "))"))
        throw ExitCode(2)
      }
      return (lesson, exercise)
    }
    guard let only = lesson.exercises.first, lesson.exercises.count == 1 else {
      fail(
        names.isEmpty
          ? "\(lesson.path) has no exercise"
          : "\(lesson.path) has \(names.count) exercises: name one of \(names.joined(separator: ", "))"
      )
      throw ExitCode(2)
    }
    return (lesson, only)
  }

  public static func fail(_ message: String) {
    FileHandle.standardError.write(Data("lesson-runner: error: \(message)\n".utf8))
  }

  public static func list(_ workspace: Workspace) {
    let console = Console()
    console.line(console.paint("Two Stones: the lessons", .bold))
    for file in workspace.lessonFiles() {
      switch workspace.load(file) {
      case .success(let lesson):
        let n = lesson.number.map(String.init) ?? "-"
        let examples = lesson.examples.count
        let claims = lesson.claims.count
        let exercises = lesson.exercises.count
        console.line(
          "  \(n.count < 2 ? " " + n : n)  \(lesson.title)"
            + console.paint(
              "  \(examples) example\(examples == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s"), \(exercises) exercise\(exercises == 1 ? "" : "s")  (\(lesson.path))",
              .dim))
      case .failure(let errors):
        console.line(
          console.paint(
            "  \(workspace.displayPath(file)): malformed, \(errors.diagnostics.count) error(s)",
            .red))
      }
    }
    console.line()
    console.line(
      "Run one with " + console.paint("swift run lesson-runner N", .bold) + ", or every one with "
        + console.paint("swift run lesson-runner all", .bold) + "; start a lesson's exercise with "
        + console.paint("swift run lesson-runner exercise N", .bold) + ".")
  }

  /// Re-tangles the book when a lesson changed, so the build always sees the Markdown's code.
  public static func tangleBook(_ workspace: Workspace, console: Console) throws {
    var lessons: [Lesson] = []
    var broken: Set<String> = []
    for file in workspace.lessonFiles() {
      switch workspace.load(file) {
      case .success(let lesson): lessons.append(lesson)
      case .failure: broken.insert(file.deletingPathExtension().lastPathComponent)
      }
    }
    let written = try workspace.tangle(lessons, keeping: broken, write: true)
    if !written.isEmpty {
      console.line(
        console.paint(
          "Tangled \(written.count) changed file\(written.count == 1 ? "" : "s") from the lessons.",
          .dim))
    }
  }

  public static func environment() -> RunEnvironment {
    var os = "Linux"
    if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
      let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") })
    {
      os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(
        in: CharacterSet(charactersIn: "\""))
    }
    var name = utsname()
    uname(&name)
    let machine = withUnsafeBytes(of: &name.machine) {
      String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
    }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return RunEnvironment(
      swiftVersion: Toolchain.swiftVersion, os: "\(os), \(machine)",
      cores: sysconf(Int32(_SC_NPROCESSORS_CONF)), date: formatter.string(from: Date()))
  }
}
