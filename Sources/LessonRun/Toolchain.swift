import Foundation
import LessonKit

/// The Swift tools the runner calls: swiftc to compile an example that imports no library
/// and to type-check one that must not compile, SwiftPM to build the examples that import
/// libraries.
public enum Toolchain {
  public struct BuildOutcome: Sendable {
    public var succeeded: Bool
    /// Everything the build printed; `CompilerOutput` reads the diagnostics from it.
    public var output: String
    public var seconds: Double
  }

  /// Builds one product of the package at `packagePath`, in debug mode, in `scratch`.
  ///
  /// `dependencyManifests` are the manifests of path dependencies that may change between
  /// builds (the lessons package's, when tangling adds an example): when one changed since
  /// the last build, SwiftPM is made to plan again (`planAgain`), or it would build the old
  /// graph, a new example missing with no error.
  public static func build(
    product: String, packagePath: URL, scratch: URL, dependencyManifests: [URL] = []
  ) -> BuildOutcome {
    let last = modificationDate(of: stampURL(".planned", scratch: scratch)) ?? .distantPast
    if dependencyManifests.contains(where: { (modificationDate(of: $0) ?? .distantPast) >= last }) {
      planAgain(packagePath)
    }
    let outcome = swiftBuild(product: product, packagePath: packagePath, scratch: scratch)
    if outcome.succeeded { BuildPlan.recordCurrent(scratch: scratch) }
    if outcome.succeeded && !dependencyManifests.isEmpty {
      recordBuilt(".planned", scratch: scratch)
    }
    return outcome
  }

  /// Makes SwiftPM plan the next build of the package at `packagePath` again. SwiftPM 6.3
  /// keeps its build plan when only a path dependency changed (its manifest, or the files
  /// of its targets): it then builds the old graph, or fails on "missing inputs". A root
  /// manifest newer than the plan makes it plan again.
  public static func planAgain(_ packagePath: URL) {
    try? FileManager.default.setAttributes(
      [.modificationDate: Date()],
      ofItemAtPath: packagePath.appendingPathComponent("Package.swift").path)
  }

  /// When the file or folder at `url` last changed; nil when there is none.
  public static func modificationDate(of url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }

  private static func swiftBuild(product: String, packagePath: URL, scratch: URL)
    -> BuildOutcome
  {
    let record = ChildProcess.run(
      "swift",
      .init(
        // The manifests' cache in the scratch folder: with the shared one in ~/.cache,
        // SwiftPM 6.3 compiled every package's manifest again on each build (25 of them,
        // seconds of a one-line change's build).
        arguments: [
          "build", "--package-path", packagePath.path, "--scratch-path", scratch.path,
          "--manifest-cache", "local", "--product", product,
        ],
        timeout: .seconds(40 * 60), outputLimit: 64 << 20))
    let output = record.stdout + record.stderr
    return BuildOutcome(
      succeeded: record.succeeded, output: output,
      seconds: record.wallSeconds)
  }

  /// Whether the products were built after the last change to any of `sources` (paths
  /// relative to the package) and to the manifest: then a build would do nothing, and
  /// SwiftPM takes a second or two to find that out. `stamp` names the record of the last
  /// successful build, which `recordBuilt` writes.
  public static func isUpToDate(
    products: [String], sources: [String], stamp: String, packagePath: URL, scratch: URL
  ) -> Bool {
    let fm = FileManager.default
    guard let built = modificationDate(of: stampURL(stamp, scratch: scratch)) else {
      return false
    }
    let binaries = binaryFolder(scratch: scratch)
    for product in products {
      guard fm.isExecutableFile(atPath: binaries.appendingPathComponent(product).path) else {
        return false
      }
    }
    let inputs = sources + ["Package.swift", "Package.resolved"]
    for path in inputs {
      let url = packagePath.appendingPathComponent(path)
      guard fm.fileExists(atPath: url.path) else {
        if path == "Package.resolved" { continue }
        return false
      }
      guard let date = modificationDate(of: url), date < built else { return false }
    }
    return true
  }

  /// Records that `stamp`'s products were just built.
  public static func recordBuilt(_ stamp: String, scratch: URL) {
    let url = stampURL(stamp, scratch: scratch)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data().write(to: url)
  }

  private static func stampURL(_ stamp: String, scratch: URL) -> URL {
    scratch.appendingPathComponent("lesson-stamps/\(stamp)")
  }

  /// The arguments that compile one example's `main.swift` to `output` under `setting`:
  /// what SwiftPM's debug build of the same target passes that matters to the program
  /// (language mode and features, no optimization, debug information for backtraces, the
  /// target's name as the module's), and the book's rule that no warning may pass.
  public static func compileArguments(
    _ source: URL, module: String, setting: CompilerSetting, output: URL
  ) -> [String] {
    setting.compilerFlags + [
      "-Onone", "-g", "-warnings-as-errors", "-module-name", module, source.path,
      "-o", output.path,
    ]
  }

  /// Compiles one example with swiftc, unless the same source was compiled with the same
  /// arguments and toolchain into `output` before: then `compiled` is false and nothing ran.
  /// The record of what was compiled sits beside the program, as `NAME.inputs`.
  public static func compile(
    _ source: URL, module: String, setting: CompilerSetting, output: URL
  ) -> (outcome: BuildOutcome, compiled: Bool) {
    // Compiled beside the program and moved into place, so that two runners building the
    // same example at once never run or keep a half-written program.
    let scratch = output.appendingPathExtension("\(ProcessInfo.processInfo.processIdentifier).tmp")
    let arguments = compileArguments(source, module: module, setting: setting, output: scratch)
    let recorded = compileArguments(source, module: module, setting: setting, output: output)
    let record = output.appendingPathExtension("inputs")
    guard let code = try? String(contentsOf: source, encoding: .utf8) else {
      return (
        BuildOutcome(
          succeeded: false, output: "\(source.path): error: cannot read the tangled source",
          seconds: 0), true
      )
    }
    let inputs = ([swiftVersion] + recorded).joined(separator: "\u{0}") + "\n" + code
    let fm = FileManager.default
    if fm.isExecutableFile(atPath: output.path),
      (try? String(contentsOf: record, encoding: .utf8)) == inputs
    {
      return (BuildOutcome(succeeded: true, output: "", seconds: 0), false)
    }
    try? fm.createDirectory(
      at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? fm.removeItem(at: record)
    let run = ChildProcess.run(
      "swiftc", .init(arguments: arguments, timeout: .seconds(10 * 60), outputLimit: 16 << 20))
    var succeeded = run.succeeded
    if succeeded {
      // rename(2) replaces the old program in one step; a run of it goes on unharmed.
      succeeded = rename(scratch.path, output.path) == 0
      if succeeded { try? inputs.write(to: record, atomically: true, encoding: .utf8) }
    }
    try? fm.removeItem(at: scratch)
    return (
      BuildOutcome(
        succeeded: succeeded, output: run.stdout + run.stderr, seconds: run.wallSeconds),
      true
    )
  }

  /// Type-checks one file alone under `setting`; for examples that must fail to compile.
  public static func typecheck(_ file: URL, setting: CompilerSetting) -> RunRecord {
    ChildProcess.run(
      "swiftc",
      .init(
        // Not -typecheck: data-race diagnostics such as "sending 'x' risks causing data
        // races" come from SIL passes that type-checking alone never runs.
        arguments: ["-emit-sil", "-o", "/dev/null", "-module-name", "Example"]
          + setting.compilerFlags + [file.path], timeout: .seconds(120)))
  }

  /// The folder where SwiftPM puts the debug binaries it builds in `scratch`.
  public static func binaryFolder(scratch: URL) -> URL {
    scratch.appendingPathComponent("debug")
  }

  /// `Swift version 6.3.1 (swift-6.3.1-RELEASE)`, or "unknown"; asked once per process.
  public static let swiftVersion: String = {
    let record = ChildProcess.run("swift", .init(arguments: ["--version"], timeout: .seconds(60)))
    return record.stdout.split(separator: "\n").first.map(String.init) ?? "unknown"
  }()
}
