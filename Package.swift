// swift-tools-version: 6.0
// swift-format-ignore-file: the lesson list below is written by `lesson-runner tangle`.
import PackageDescription

// Lessons are the reader's code: Swift 6, and no warning may pass.
let lessonSettings: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

// MARK: Tangled lessons. Written by `swift run lesson-runner tangle`: edit the lessons, not this list.
let lessonTargets: [Target] = [
]
// MARK: End of tangled lessons.

let package = Package(
  name: "TwoStones",
  products: [
    .executable(name: "lesson-runner", targets: ["LessonRunner"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
  ],
  targets: [
    // parse: cmark's C API, wrapped in one file.
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .target(name: "CommonMark", dependencies: ["CCmark"]),
    // The lesson format, tangling and verdicts: pure logic, no processes.
    .target(name: "LessonKit", dependencies: ["CommonMark"]),
    // Building lessons and running their examples as processes.
    .target(name: "LessonRun", dependencies: ["LessonKit"]),
    // weave: the book as a website, from the lessons and their latest reports.
    .target(
      name: "LessonWeave",
      dependencies: [
        "LessonKit", "CommonMark",
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Resources")]),
    .executableTarget(
      name: "LessonRunner",
      dependencies: [
        "LessonKit", "LessonRun", "LessonWeave",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"], resources: [.copy("Golden")]),
    .testTarget(
      name: "LessonRunnerTests", dependencies: ["LessonKit", "LessonRun"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "LessonWeaveTests", dependencies: ["LessonWeave", "LessonKit"],
      resources: [.copy("Fixtures")]),
  ] + lessonTargets,
  swiftLanguageModes: [.v6]
)
