import Foundation
import Testing

@testable import LessonRun

/// SwiftPM's plan, read for the commands that build one example: what the runner runs when
/// only that example changed.
@Suite struct BuildPlanTests {
  let triple = "x86_64-unknown-linux-gnu"
  let plan = """
    client:
      name: basic
    targets:
      "main": ["<Lesson08Ticks-x86_64-unknown-linux-gnu-debug.exe>"]
    commands:
      "/b/debug/Lesson08Ticks.build/Lesson08Ticks.swiftmodule.o":
        tool: shell
        inputs: ["/b/debug/Modules/Lesson08Ticks.swiftmodule"]
        outputs: ["/b/debug/Lesson08Ticks.build/Lesson08Ticks.swiftmodule.o"]
        description: "Wrapping AST for Lesson08Ticks for debugging"
        args: ["/usr/bin/swiftc","-modulewrap","/b/debug/Modules/Lesson08Ticks.swiftmodule","-o","/b/debug/Lesson08Ticks.build/Lesson08Ticks.swiftmodule.o"]

      "C.Lesson08Ticks-x86_64-unknown-linux-gnu-debug.exe":
        tool: shell
        inputs: ["/b/debug/Lesson08Ticks.build/main.swift.o","/b/debug/NIOCore.build/Channel.swift.o"]
        outputs: ["/b/debug/Lesson08Ticks"]
        description: "Linking ./.build/x86_64-unknown-linux-gnu/debug/Lesson08Ticks"
        args: ["/usr/bin/swiftc","-L","/b/debug","-o","/b/debug/Lesson08Ticks","-Xlinker","-rpath=$ORIGIN"]

      "C.Lesson08Ticks-x86_64-unknown-linux-gnu-debug.module":
        tool: shell
        inputs: ["/s/08-streams/ticks/main.swift","/b/debug/Modules/NIOCore.swiftmodule"]
        outputs: ["/b/debug/Lesson08Ticks.build/main.swift.o"]
        description: "Compiling Swift Module 'Lesson08Ticks' (1 sources)"
        args: ["/usr/bin/swiftc","-module-name","Lesson08Ticks","-c","/s/08-streams/ticks/main.swift","-parseable-output"]

      "C.Lesson08Channel-x86_64-unknown-linux-gnu-debug.module":
        tool: shell
        inputs: ["/s/08-streams/channel/main.swift"]
        outputs: ["/b/debug/Lesson08Channel.build/main.swift.o"]
        args: ["/usr/bin/swiftc","-module-name","Lesson08Channel"]

    """

  @Test func eachTargetHasItsCompileWrapAndLinkCommands() throws {
    let read = BuildPlan.parse(plan, triple: triple, targets: ["Lesson08Ticks"])
    let ticks = try #require(read.targets["Lesson08Ticks"])
    #expect(
      ticks.compile.arguments.prefix(3) == ["/usr/bin/swiftc", "-module-name", "Lesson08Ticks"])
    #expect(ticks.compile.inputs.first == "/s/08-streams/ticks/main.swift")
    #expect(ticks.wrap?.arguments.contains("-modulewrap") == true)
    #expect(ticks.link.outputs == ["/b/debug/Lesson08Ticks"])
    // The linker's `$ORIGIN` is an argument, never expanded by a shell.
    #expect(ticks.link.arguments.last == "-rpath=$ORIGIN")
  }

  @Test func onlyTheTargetsAskedForAndOnlyWhole() {
    // Lesson08Channel has no link command in this plan: it cannot be built from it.
    let read = BuildPlan.parse(
      plan, triple: triple, targets: ["Lesson08Channel", "Lesson08Merged"])
    #expect(read.targets.isEmpty)
    #expect(
      BuildPlan.parse(plan, triple: "aarch64-unknown-linux-gnu", targets: ["Lesson08Ticks"])
        .targets.isEmpty)
  }

  @Test func aPlanOlderThanAManifestIsNotUsed() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "plan-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let debug = scratch.appendingPathComponent(triple).appendingPathComponent("debug")
    try FileManager.default.createDirectory(at: debug, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: scratch.appendingPathComponent("debug"), withDestinationURL: debug)
    let file = BuildPlan.file(scratch: scratch)
    try plan.write(to: file, atomically: true, encoding: .utf8)
    let manifest = scratch.appendingPathComponent("Package.swift")
    try "// swift-tools-version: 6.2\n".write(to: manifest, atomically: true, encoding: .utf8)
    let past = Date(timeIntervalSinceNow: -60)
    try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: manifest.path)
    // A plan no build of the runner's left (swift test with coverage, say) is not used.
    #expect(
      BuildPlan.current(scratch: scratch, manifests: [manifest], targets: ["Lesson08Ticks"]) == nil)
    BuildPlan.recordCurrent(scratch: scratch)
    let fresh = BuildPlan.current(
      scratch: scratch, manifests: [manifest, scratch.appendingPathComponent("missing.swift")],
      targets: ["Lesson08Ticks"])
    #expect(fresh?.targets["Lesson08Ticks"] != nil)
    // The manifest changed after the plan: SwiftPM must plan again.
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: manifest.path)
    try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
    BuildPlan.recordCurrent(scratch: scratch)
    #expect(
      BuildPlan.current(scratch: scratch, manifests: [manifest], targets: ["Lesson08Ticks"]) == nil)
  }

  @Test func aTargetWhoseFilesAreNotThePlansIsLeftToSwiftPM() throws {
    let read = BuildPlan.parse(plan, triple: triple, targets: ["Lesson08Ticks"])
    let other = URL(fileURLWithPath: "/s/08-streams/ticks/other.swift")
    #expect(read.build("Lesson08Ticks", sources: [other]) == nil)
    // The plan's inputs are missing on this machine: not built from the plan either.
    let main = URL(fileURLWithPath: "/s/08-streams/ticks/main.swift")
    #expect(read.build("Lesson08Ticks", sources: [main]) == nil)
    #expect(read.build("Lesson08Merged", sources: [main]) == nil)
  }

  /// The real thing: a package built by SwiftPM, one file changed, and the program built
  /// again from the plan alone prints what the new file says.
  @Test func aChangedTargetIsBuiltByThePlansCommands() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planned-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("Sources/Hello")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try """
    // swift-tools-version: 6.2
    import PackageDescription
    let package = Package(name: "Planned", targets: [.executableTarget(name: "Hello")])

    """.write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    let source = folder.appendingPathComponent("main.swift")
    try "print(\"before\")\n".write(to: source, atomically: true, encoding: .utf8)
    let scratch = root.appendingPathComponent(".build")
    let built = Toolchain.build(product: "Hello", packagePath: root, scratch: scratch)
    try #require(built.succeeded, "swift build failed: \(built.output)")
    let program = Toolchain.binaryFolder(scratch: scratch).appendingPathComponent("Hello")

    try "print(\"after\")\n".write(to: source, atomically: true, encoding: .utf8)
    let plan = try #require(
      BuildPlan.current(
        scratch: scratch, manifests: [root.appendingPathComponent("Package.swift")],
        targets: ["Hello"]))
    let outcome = try #require(plan.build("Hello", sources: [source]))
    #expect(outcome.succeeded, "\(outcome.output)")
    let ran = ChildProcess.run(program.path, .init())
    #expect(ran.stdout == "after\n")

    // A compiler error reads as swift build prints it, at the file and line.
    try "print(\"after\")\nundefinedName()\n".write(to: source, atomically: true, encoding: .utf8)
    let broken = try #require(plan.build("Hello", sources: [source]))
    #expect(!broken.succeeded)
    #expect(
      broken.output.contains("\(source.path):2:1: error: cannot find 'undefinedName' in scope"))
  }
}
