import Foundation
import LessonKit

/// The Swift tools the runner calls: SwiftPM to build lessons, swiftc to type-check
/// examples that must not compile.
public enum Toolchain {
  public struct BuildOutcome: Sendable {
    public var succeeded: Bool
    /// Everything the build printed; `CompilerOutput` reads the diagnostics from it.
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
      succeeded: record.succeeded, output: output,
      seconds: record.wallSeconds)
  }

  /// Type-checks one file alone in Swift 6 mode; for examples that must fail to compile.
  public static func typecheck(_ file: URL) -> RunRecord {
    ChildProcess.run(
      "swiftc",
      .init(arguments: ["-typecheck", "-swift-version", "6", file.path], timeout: .seconds(120)))
  }

  /// The folder where SwiftPM puts debug binaries of the package at `packagePath`.
  public static func binaryFolder(packagePath: URL) -> URL {
    packagePath.appendingPathComponent(".build/debug")
  }

  /// `Swift version 6.3.1 (swift-6.3.1-RELEASE)`, or "unknown".
  public static func swiftVersion() -> String {
    let record = ChildProcess.run("swift", .init(arguments: ["--version"], timeout: .seconds(60)))
    return record.stdout.split(separator: "\n").first.map(String.init) ?? "unknown"
  }
}
