import ArgumentParser
import Foundation
import LessonCLI
import LessonRun

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `lesson-runner site`: the site is rendered by `lesson-site`, from the package in Site/,
/// which this builds the first time and hands the arguments to.
struct Site: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the book as a website that shows what the latest runs measured.",
    discussion: """
      \(SitePackage.firstUse) Run 'lesson-runner site --help' for the site's options.
      """)

  @Argument(parsing: .captureForPassthrough, help: "What 'lesson-site site' takes.")
  var arguments: [String] = []

  func run() throws { try SitePackage.exec("site", arguments) }
}

/// `lesson-runner serve`: the live preview, from the same package as the site.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the book on 127.0.0.1 and render it again whenever a lesson changes.",
    discussion: """
      \(SitePackage.firstUse) Run 'lesson-runner serve --help' for the preview's options.
      """)

  @Argument(parsing: .captureForPassthrough, help: "What 'lesson-site serve' takes.")
  var arguments: [String] = []

  func run() throws { try SitePackage.exec("serve", arguments) }
}

/// The site's package, Site/: built on first use, and again when its sources or the
/// runner's core change.
enum SitePackage {
  static let firstUse = """
    The site and the preview are a package of their own, Site/, with libraries of their \
    own (swift-syntax, Mustache, and Hummingbird, which lesson 4's examples share): the \
    first use builds what is not built yet, which takes a few minutes, once.
    """

  /// Builds `lesson-site` when it is missing or older than a source it is built from, then
  /// becomes it: signals and the terminal go straight to the site's process.
  static func exec(_ subcommand: String, _ arguments: [String]) throws -> Never {
    let workspace = try Session.workspace()
    let package = workspace.sitePackage
    let binary = package.appendingPathComponent(".build/debug/lesson-site")
    if !isUpToDate(binary, in: workspace) {
      FileHandle.standardError.write(
        Data("Building the site's package (Site/) for 'lesson-runner \(subcommand)'…\n".utf8))
      // A pull may have added, moved or removed files of the runner's core or the lessons
      // package, path dependencies whose changes SwiftPM's old plan would not see.
      Toolchain.planAgain(package)
      let build = Process()
      build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      build.arguments = [
        "swift", "build", "--package-path", package.path, "--manifest-cache", "local", "--product",
        "lesson-site",
      ]
      // Standard output stays the site's own; the build talks on standard error.
      build.standardOutput = FileHandle.standardError
      do {
        try build.run()
      } catch {
        Session.fail("cannot start 'swift build' for Site/: \(error)")
        throw ExitCode(2)
      }
      build.waitUntilExit()
      guard build.terminationStatus == 0 else {
        Session.fail("the site's package (Site/) did not build; its errors are above")
        throw ExitCode(2)
      }
      // Built from what is there now, even when SwiftPM had nothing to link again.
      try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: binary.path)
    }
    let argv = [binary.path, subcommand] + arguments
    var cStrings = argv.map { strdup($0) }
    cStrings.append(nil)
    execv(binary.path, cStrings)
    Session.fail("cannot start \(binary.path): \(String(cString: strerror(errno)))")
    throw ExitCode(2)
  }

  /// Whether `binary` is newer than every file it is built from: the site's package and
  /// the runner's core.
  static func isUpToDate(_ binary: URL, in workspace: Workspace) -> Bool {
    let fm = FileManager.default
    guard let built = Toolchain.modificationDate(of: binary) else { return false }
    let roots = ["Site/Package.swift", "Site/Sources", "Package.swift", "Sources"]
    for root in roots {
      let url = workspace.root.appendingPathComponent(root)
      if let date = Toolchain.modificationDate(of: url), date > built { return false }
      guard let walker = fm.enumerator(atPath: url.path) else { continue }
      while let relative = walker.nextObject() as? String {
        // The tangled examples are not part of the site's build.
        if root == "Sources" && relative.hasPrefix("Lessons") {
          walker.skipDescendants()
          continue
        }
        if let date = Toolchain.modificationDate(of: url.appendingPathComponent(relative)),
          date > built
        {
          return false
        }
      }
    }
    return true
  }
}
