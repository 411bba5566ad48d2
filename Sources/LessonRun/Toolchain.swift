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

  /// Whether the products were built after the last change to any of `sources` (paths
  /// relative to the package) and to the manifest: then a build would do nothing, and
  /// SwiftPM takes a second or two to find that out. `stamp` names the record of the last
  /// successful build, which `recordBuilt` writes.
  public static func isUpToDate(
    products: [String], sources: [String], stamp: String, packagePath: URL
  ) -> Bool {
    let fm = FileManager.default
    func modified(_ url: URL) -> Date? {
      (try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
    guard let built = modified(stampURL(stamp, packagePath: packagePath)) else { return false }
    let binaries = binaryFolder(packagePath: packagePath)
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
      guard let date = modified(url), date < built else { return false }
    }
    return true
  }

  /// Records that `stamp`'s products were just built.
  public static func recordBuilt(_ stamp: String, packagePath: URL) {
    let url = stampURL(stamp, packagePath: packagePath)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data().write(to: url)
  }

  private static func stampURL(_ stamp: String, packagePath: URL) -> URL {
    packagePath.appendingPathComponent(".build/lesson-stamps/\(stamp)")
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
