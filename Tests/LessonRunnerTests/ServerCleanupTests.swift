import Foundation
import Testing

@testable import LessonRun

/// An example may start a server: a listening socket, and perhaps processes of its own.
/// Whatever way its run ends, none of it may outlive the run.
@Suite(.serialized) struct ServerCleanupTests {
  /// What one example wrote down while it was listening.
  struct Note {
    var name: String
    var pid: pid_t
    var child: pid_t
    var port: Int
  }

  /// A new folder where the examples write their notes (`$LISTENING_NOTES`).
  func notesFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "listening-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  let runnerPath = packageRoot.appendingPathComponent(".build/debug/lesson-runner").path

  func notes(in folder: URL) throws -> [Note] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { name in
      let words = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      try #require(words.count == 3, "note \(name) reads \(words)")
      return Note(name: name, pid: pid_t(words[0]), child: pid_t(words[1]), port: words[2])
    }
  }

  /// Whether a process with this id still exists (a zombie counts as gone).
  func isAlive(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
    let state = stat.split(separator: ")").last?.split(separator: " ").first
    return state != "Z"
  }

  /// The loopback ports something listens on, from the kernel's own table.
  func listeningPorts() throws -> Set<Int> {
    let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
    var ports: Set<Int> = []
    for line in table.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: " ")
      guard fields.count > 3, fields[3] == "0A" else { continue }  // 0A: LISTEN
      let local = fields[1].split(separator: ":")
      if local.count == 2, let port = Int(local[1], radix: 16) { ports.insert(port) }
    }
    return ports
  }

  @Test func noServerOutlivesARunHoweverItEnds() throws {
    let folder = try notesFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = try #require(
      Bundle.module.url(forResource: "Fixtures/listening", withExtension: "md"))
    let binary = runnerPath
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build lesson-runner first")

    let record = ChildProcess.run(
      binary,
      .init(
        arguments: [lesson.path, "--json"],
        environment: ["NO_COLOR": "1", "LISTENING_NOTES": folder.path],
        timeout: .seconds(600), outputLimit: 64 << 20))
    // Three of the four end badly, so the lesson fails; the runner itself must not.
    #expect(record.ending == .exited(1), "\(record.stderr)")

    let notes = try notes(in: folder)
    #expect(notes.map(\.name) == ["crashes", "exits", "hangs", "wrong-output"])
    let listening = try listeningPorts()
    for note in notes {
      #expect(!isAlive(note.pid), "example '\(note.name)' (pid \(note.pid)) is still running")
      #expect(
        !isAlive(note.child),
        "the process '\(note.name)' started (pid \(note.child)) is still running"
      )
      #expect(!listening.contains(note.port), "port \(note.port) of '\(note.name)' still listens")
    }
  }

  @Test func noServerOutlivesAnInterruptedRun() throws {
    let folder = try notesFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = try #require(
      Bundle.module.url(forResource: "Fixtures/listening-interrupted", withExtension: "md"))
    let binary = runnerPath
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [lesson.path]
    process.environment = ProcessInfo.processInfo.environment.merging([
      "NO_COLOR": "1", "LISTENING_NOTES": folder.path,
    ]) { $1 }
    let log = folder.appendingPathExtension("log")  // beside the notes, not among them
    defer { try? FileManager.default.removeItem(at: log) }
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let output = try FileHandle(forWritingTo: log)
    process.standardOutput = output
    process.standardError = output
    try process.run()
    // Wait until the server listens: on a new machine the draft's first build comes first,
    // beside the other suites' builds, so allow ten minutes; stop early if the runner ends.
    let deadline = Date().addingTimeInterval(600)
    while (try? notes(in: folder))?.isEmpty ?? true, process.isRunning, Date() < deadline {
      usleep(100_000)
    }
    guard let note = try notes(in: folder).first else {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      Issue.record(
        "the example never listened (runner status \(process.terminationStatus)):\n\(said.suffix(3000))"
      )
      return
    }
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    // The runner reaps everything it killed before it exits: nothing is left to wait for.
    #expect(!isAlive(note.pid), "the example (pid \(note.pid)) is still running")
    #expect(!isAlive(note.child), "the process it started (pid \(note.child)) is still running")
    #expect(!(try listeningPorts()).contains(note.port), "port \(note.port) still listens")
  }
}
