// swift-tools-version: 6.2
// swift-format-ignore-file
import PackageDescription

// The runner's core: parse, tangle, run and verify, with no package but the argument
// parser, so that a reader's first build is short. The site and the live preview are the
// package in Site/, and the examples that import libraries are the package that tangling
// writes in Sources/Lessons/; each is built the first time it is used.

let package = Package(
  name: "TwoStones",
  products: [
    .executable(name: "lesson-runner", targets: ["LessonRunner"]),
    // The core as a library, for the site's package.
    .library(name: "LessonCore", targets: ["CommonMark", "LessonKit", "LessonRun", "LessonCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2")
  ],
  targets: [
    // parse: cmark's C API, wrapped in one file.
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .target(name: "CommonMark", dependencies: ["CCmark"]),
    // The lesson format, tangling and verdicts: pure logic, no processes.
    .target(name: "LessonKit", dependencies: ["CommonMark"]),
    // Building lessons and running their examples as processes.
    .target(name: "CProcessControl"),
    .target(name: "LessonRun", dependencies: ["LessonKit", "CProcessControl"]),
    // What the commands share: the console, the terminal's view of a run, verifying.
    .target(
      name: "LessonCLI",
      dependencies: [
        "LessonKit", "LessonRun", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "LessonRunner",
      dependencies: [
        "LessonKit", "LessonRun", "LessonCLI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"], resources: [.copy("Golden")]),
    .testTarget(
      name: "LessonRunnerTests", dependencies: ["LessonKit", "LessonRun"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "LessonCLITests", dependencies: ["LessonCLI", "LessonKit", "LessonRun"], resources: [.copy("Snapshots")]),
  ],
  swiftLanguageModes: [.v6]
)
