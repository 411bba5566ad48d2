import Foundation
import LessonKit

/// SwiftPM's plan of a package's debug build: the manifest it writes for llbuild,
/// `debug.yaml` in the build folder, which holds every command line it runs, with each
/// command's inputs and outputs.
///
/// When one example that imports libraries changed and nothing else did, `swift build`
/// takes seconds to load the package graph again and to find that everything else is up to
/// date. The runner then runs that example's own commands from the plan instead: compile
/// its module, wrap its module for the debugger, link its program. These are the command
/// lines SwiftPM itself would run, so the program is the same. Whenever the plan may not
/// fit the package any more (a manifest changed after it, the example's files are not the
/// ones it lists, an input is missing), the plan is not used and SwiftPM builds.
public struct BuildPlan: Sendable {
  /// One command of the plan.
  public struct Command: Sendable, Equatable {
    public var arguments: [String]
    public var inputs: [String]
    public var outputs: [String]
  }

  /// The three commands that build one executable target.
  public struct Target: Sendable, Equatable {
    public var compile: Command
    /// Wraps the module's AST into an object for the debugger; linked into the program.
    public var wrap: Command?
    public var link: Command
  }

  public let targets: [String: Target]

  /// The plan's file in SwiftPM's build folder `scratch`.
  public static func file(scratch: URL) -> URL {
    scratch.appendingPathComponent("debug.yaml")
  }

  /// Reads the commands of `names` (executable targets) from the plan `text` of a build for
  /// `triple` (`x86_64-unknown-linux-gnu`). A target whose compile or link command is not
  /// there is left out.
  public static func parse(_ text: String, triple: String, targets names: Set<String>)
    -> BuildPlan
  {
    var byKey: [String: String] = [:]
    for name in names {
      byKey["C.\(name)-\(triple)-debug.module"] = name + " compile"
      byKey["C.\(name)-\(triple)-debug.exe"] = name + " link"
    }
    var found: [String: Command] = [:]
    var key: String?
    var fields: [String: [String]] = [:]
    func flush() {
      defer {
        key = nil
        fields = [:]
      }
      guard let key, let arguments = fields["args"] else { return }
      let command = Command(
        arguments: arguments, inputs: fields["inputs"] ?? [], outputs: fields["outputs"] ?? [])
      if let role = byKey[key] {
        found[role] = command
      } else if arguments.contains("-modulewrap"), let output = command.outputs.first {
        // `…/NAME.build/NAME.swiftmodule.o`
        let url = URL(fileURLWithPath: output)
        let name = String(url.lastPathComponent.dropLast(".swiftmodule.o".count))
        if names.contains(name), url.path.hasSuffix("/\(name).build/\(name).swiftmodule.o") {
          found[name + " wrap"] = command
        }
      }
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("  \""), line.hasSuffix("\":") {
        flush()
        key = String(line.dropFirst(3).dropLast(2))
      } else if key != nil, line.hasPrefix("    ") {
        let trimmed = line.dropFirst(4)
        for field in ["args", "inputs", "outputs"] where trimmed.hasPrefix(field + ": [") {
          fields[field] = strings(trimmed.dropFirst(field.count + 2))
        }
      } else if !line.hasPrefix("    ") {
        flush()
      }
    }
    flush()
    var targets: [String: Target] = [:]
    for name in names {
      guard let compile = found[name + " compile"], let link = found[name + " link"] else {
        continue
      }
      targets[name] = Target(compile: compile, wrap: found[name + " wrap"], link: link)
    }
    return BuildPlan(targets: targets)
  }

  /// A JSON array of strings, as the plan writes them on one line.
  private static func strings(_ json: Substring) -> [String]? {
    guard let data = json.data(using: .utf8),
      let array = try? JSONSerialization.jsonObject(with: data) as? [String]
    else { return nil }
    return array
  }
}

extension BuildPlan {
  /// The plan in SwiftPM's build folder `scratch`, for `targets`, when it was made after
  /// every one of `manifests` last changed (a manifest that is missing does not count); nil
  /// when there is no such plan.
  public static func current(scratch: URL, manifests: [URL], targets: Set<String>) -> BuildPlan? {
    let file = file(scratch: scratch)
    guard let planned = Toolchain.modificationDate(of: file),
      // Only a plan that the runner's own `swift build` left: another one (`swift test`
      // with coverage, flags given by hand) would build the lessons' programs differently.
      let recorded = try? String(contentsOf: fingerprintFile(scratch: scratch), encoding: .utf8),
      recorded == fingerprint(of: file)
    else { return nil }
    for manifest in manifests {
      if let changed = Toolchain.modificationDate(of: manifest), changed >= planned { return nil }
    }
    // `debug` links to `x86_64-unknown-linux-gnu/debug`: the triple the plan's keys name.
    let folder = Toolchain.binaryFolder(scratch: scratch).resolvingSymlinksInPath()
    let triple = folder.deletingLastPathComponent().lastPathComponent
    guard folder.lastPathComponent == "debug", triple.contains("-"),
      let text = try? String(contentsOf: file, encoding: .utf8)
    else { return nil }
    return parse(text, triple: triple, targets: targets)
  }

  /// What identifies the plan's file as the one a build left: its size and when it changed.
  static func fingerprint(of file: URL) -> String? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
      let date = attributes[.modificationDate] as? Date, let size = attributes[.size] as? Int
    else { return nil }
    return "\(date.timeIntervalSince1970) \(size)"
  }

  static func fingerprintFile(scratch: URL) -> URL {
    scratch.appendingPathComponent("lesson-stamps/.plan")
  }

  /// Records the plan that the runner's `swift build` just left in `scratch`.
  public static func recordCurrent(scratch: URL) {
    let record = fingerprintFile(scratch: scratch)
    try? FileManager.default.createDirectory(
      at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
    if let fingerprint = fingerprint(of: file(scratch: scratch)) {
      try? Data(fingerprint.utf8).write(to: record)
    } else {
      try? FileManager.default.removeItem(at: record)
    }
  }

  /// `/opt/swift/usr/bin/swiftc`: the compiler this process would run, links resolved.
  static let swiftc: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate.resolvingSymlinksInPath().path
      }
    }
    return nil
  }()

  /// Builds the target `name`, whose Swift files are `sources`, by the plan's commands: nil
  /// when the plan does not fit it (its files are not the plan's, an input is missing, or a
  /// step other than compiling fails), and SwiftPM must build it instead. A compiler error
  /// in the example is an outcome like SwiftPM's, with the same messages.
  public func build(_ name: String, sources: [URL]) -> Toolchain.BuildOutcome? {
    guard let target = targets[name],
      // A plan made with another toolchain than the one on the PATH now is not used.
      let compiler = target.compile.arguments.first,
      URL(fileURLWithPath: compiler).resolvingSymlinksInPath().path == Self.swiftc
    else { return nil }
    let planned = Set(target.compile.inputs.filter { $0.hasSuffix(".swift") })
    guard planned == Set(sources.map(\.path)) else { return nil }
    let fm = FileManager.default
    let missing = { (command: Command) in
      command.inputs.contains { !$0.hasPrefix("<") && !fm.fileExists(atPath: $0) }
    }
    guard !missing(target.compile) else { return nil }
    let clock = ContinuousClock()
    let began = clock.now
    var output = ""
    let compiled = Self.run(target.compile)
    output += compiled.stdout + compiled.stderr
    let seconds = { (clock.now - began) / .seconds(1) }
    guard compiled.succeeded else {
      // Only the compiler's verdict on the example's code is final; a failure with no
      // error of its own (a compiler that did not start, say) is left to SwiftPM.
      guard output.contains(": error: ") else { return nil }
      return Toolchain.BuildOutcome(succeeded: false, output: output, seconds: seconds())
    }
    for step in [target.wrap, target.link].compactMap({ $0 }) {
      guard !missing(step) else { return nil }
      let record = Self.run(step)
      guard record.succeeded else { return nil }
    }
    return Toolchain.BuildOutcome(succeeded: true, output: output, seconds: seconds())
  }

  private static func run(_ command: Command) -> RunRecord {
    guard let executable = command.arguments.first else {
      return RunRecord(
        ending: .failedToStart("an empty command"), wallSeconds: 0, cpuSeconds: 0, stdout: "",
        stderr: "", lines: [])
    }
    // SwiftPM reads the compiler's messages as JSON; the runner reads them as text, as
    // `swift build` prints them.
    let arguments = command.arguments.dropFirst().filter { $0 != "-parseable-output" }
    return ChildProcess.run(
      executable,
      .init(arguments: Array(arguments), timeout: .seconds(10 * 60), outputLimit: 16 << 20))
  }
}
