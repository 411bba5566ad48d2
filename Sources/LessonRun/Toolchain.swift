import Foundation
import LessonKit

/// The Swift tools the runner calls: SwiftPM to build lessons, swiftc to type-check
/// examples that must not compile.
public enum Toolchain {
  public struct BuildOutcome: Sendable {
    public var succeeded: Bool
    /// `path:line:col: error: …` lines, once each, in the order the compiler gave them.
    public var diagnostics: [String]
    /// Everything the build printed, for when it failed without a diagnostic.
    public var output: String
    public var seconds: Double
  }

  /// Builds one product of the package at `packagePath`, in debug mode.
  public static func build(product: String, packagePath: URL) -> BuildOutcome {
    let record = ChildProcess.run(
      "swift",
      .init(
        arguments: ["build", "--package-path", packagePath.path, "--product", product],
        timeout: .seconds(40 * 60), outputLimit: 64 << 20))
    let output = record.stdout + record.stderr
    return BuildOutcome(
      succeeded: record.succeeded, diagnostics: diagnosticLines(in: output), output: output,
      seconds: record.wallSeconds)
  }

  /// Type-checks one file alone in Swift 6 mode; for examples that must fail to compile.
  public static func typecheck(_ file: URL) -> RunRecord {
    ChildProcess.run(
      "swiftc",
      .init(
        // Not -typecheck: data-race diagnostics such as "sending 'x' risks causing data
        // races" come from SIL passes that type-checking alone never runs.
        arguments: [
          "-emit-sil", "-o", "/dev/null", "-module-name", "Example", "-swift-version", "6",
          file.path,
        ], timeout: .seconds(120)))
  }

  /// The folder where SwiftPM puts debug binaries of the package at `packagePath`.
  public static func binaryFolder(packagePath: URL) -> URL {
    packagePath.appendingPathComponent(".build/debug")
  }

  /// Lines of the form `file:line:col: error: message` (or warning), without repeats.
  public static func diagnosticLines(in output: String) -> [String] {
    var seen = Set<String>()
    var lines: [String] = []
    for line in output.split(separator: "\n") {
      let text = String(line)
      guard text.contains(": error: ") || text.contains(": warning: "),
        let first = text.first, first != " ", first != "|"
      else { continue }
      if seen.insert(text).inserted { lines.append(text) }
    }
    return lines
  }

  /// `Swift version 6.3.1 (swift-6.3.1-RELEASE)`, or "unknown".
  public static func swiftVersion() -> String {
    let record = ChildProcess.run("swift", .init(arguments: ["--version"], timeout: .seconds(60)))
    return record.stdout.split(separator: "\n").first.map(String.init) ?? "unknown"
  }
}
