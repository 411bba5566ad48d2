import Foundation
import LessonKit
import Testing

@testable import LessonRun

/// The settings table against the toolchain that builds the book.
@Suite struct CompilerSettingTests {
  /// The upcoming features this swiftc knows, from its own list.
  func supportedUpcomingFeatures() throws -> Set<String> {
    let record = ChildProcess.run(
      "swiftc", .init(arguments: ["-print-supported-features"], timeout: .seconds(60)))
    #expect(record.succeeded, "swiftc -print-supported-features: \(record.stderr)")
    struct Features: Decodable {
      struct Feature: Decodable { var name: String }
      var features: [String: [Feature]]
    }
    let list = try JSONDecoder().decode(Features.self, from: Data(record.stdout.utf8))
    return Set((list.features["upcoming"] ?? []).map(\.name))
  }

  @Test func everyUpcomingFeatureOfTheTableIsOneTheToolchainKnows() throws {
    let known = try supportedUpcomingFeatures()
    #expect(known.contains("NonisolatedNonsendingByDefault"))
    for setting in CompilerSettings.table {
      for feature in setting.upcomingFeatures {
        #expect(known.contains(feature), "setting '\(setting.name)' turns on '\(feature)'")
      }
    }
  }

  /// The flags of each setting are ones swiftc accepts: a file that compiles everywhere
  /// compiles under each.
  @Test(arguments: CompilerSettings.table.map(\.name))
  func swiftcAcceptsTheFlagsOf(_ name: String) throws {
    let setting = try #require(CompilerSettings.byName[name])
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("settings-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("main.swift")
    try "let stones = 2\nprint(stones)\n".write(to: file, atomically: true, encoding: .utf8)
    let record = Toolchain.typecheck(file, setting: setting)
    #expect(record.succeeded, "\(setting.compilerFlags): \(record.stderr)")
  }

  /// What `default-isolation` changes can be seen by the compiler: a static variable that
  /// the Swift 6 mode refuses is the main actor's under `main-actor`.
  @Test func theMainActorSettingChangesWhatCompiles() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("settings-isolation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("main.swift")
    try "enum Score { static var count = 0 }\nScore.count += 1\n".write(
      to: file, atomically: true, encoding: .utf8)
    let refused = Toolchain.typecheck(file, setting: CompilerSettings.bookDefault)
    #expect(!refused.succeeded)
    #expect(refused.stderr.contains("not concurrency-safe"), "\(refused.stderr)")
    let mainActor = try #require(CompilerSettings.byName["main-actor"])
    #expect(Toolchain.typecheck(file, setting: mainActor).succeeded)
  }
}
