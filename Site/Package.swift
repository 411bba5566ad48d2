// swift-tools-version: 6.2
// swift-format-ignore-file
import PackageDescription

// weave: the book as a website, and the live preview that serves it while a lesson is
// edited. A package of its own, beside the runner's core in the folder above, so that a
// reader who only runs lessons never builds swift-syntax, Mustache, swift-crypto or
// Hummingbird: `lesson-runner site` and `lesson-runner serve` build it when first used.
let package = Package(
  name: "TwoStonesSite",
  products: [
    .executable(name: "lesson-site", targets: ["LessonSite"])
  ],
  dependencies: [
    .package(name: "TwoStones", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    // Highlighting: the Swift parser's own classification of every token.
    .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    // SHA-256 for the search page's Content-Security-Policy.
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    // The live preview's server.
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  ],
  targets: [
    .target(
      name: "LessonWeave",
      dependencies: [
        .product(name: "LessonCore", package: "TwoStones"),
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Resources")]),
    .executableTarget(
      name: "LessonSite",
      dependencies: [
        "LessonWeave",
        .product(name: "LessonCore", package: "TwoStones"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .testTarget(
      name: "LessonWeaveTests",
      dependencies: ["LessonWeave", .product(name: "LessonCore", package: "TwoStones")],
      resources: [.copy("Fixtures")]),
  ],
  swiftLanguageModes: [.v6]
)
