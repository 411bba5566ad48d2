// swift-tools-version: 6.2
// swift-format-ignore-file
// The examples of the lessons that import libraries; the others are compiled by
// lesson-runner with swiftc, one file each.
// Written by `swift run lesson-runner tangle`: edit the lessons, not this file.
import PackageDescription

// Lessons are the reader's code: Swift 6, and no warning may pass.
let lessonSettings: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
  name: "Lessons",
  products: [
    .executable(name: "Lesson02NioPool", targets: ["Lesson02NioPool"]),
    .executable(name: "Lesson02", targets: ["Lesson02"]),
    .executable(name: "Lesson03NioHiHoi", targets: ["Lesson03NioHiHoi"]),
    .executable(name: "Lesson03", targets: ["Lesson03"]),
    .executable(name: "Lesson04OneByOne", targets: ["Lesson04OneByOne"]),
    .executable(name: "Lesson04AllAtOnce", targets: ["Lesson04AllAtOnce"]),
    .executable(name: "Lesson04TwoAtOnce", targets: ["Lesson04TwoAtOnce"]),
    .executable(name: "Lesson04UrlsessionDefaults", targets: ["Lesson04UrlsessionDefaults"]),
    .executable(name: "Lesson04ClientDefaults", targets: ["Lesson04ClientDefaults"]),
    .executable(name: "Lesson04RaisedLimits", targets: ["Lesson04RaisedLimits"]),
    .executable(name: "Lesson04Bounded", targets: ["Lesson04Bounded"]),
    .executable(name: "Lesson04OneLoop", targets: ["Lesson04OneLoop"]),
    .executable(name: "Lesson04BlockedLoop", targets: ["Lesson04BlockedLoop"]),
    .executable(name: "Lesson04FirstFailure", targets: ["Lesson04FirstFailure"]),
    .executable(name: "Lesson04EveryResult", targets: ["Lesson04EveryResult"]),
    .executable(name: "Lesson04Deadline", targets: ["Lesson04Deadline"]),
    .executable(name: "Lesson04StalledBody", targets: ["Lesson04StalledBody"]),
    .executable(name: "Lesson04FiveAtATimeStarter", targets: ["Lesson04FiveAtATimeStarter"]),
    .executable(name: "Lesson04FiveAtATime", targets: ["Lesson04FiveAtATime"]),
    .executable(name: "Lesson04", targets: ["Lesson04"]),
    .executable(name: "Lesson08Ticks", targets: ["Lesson08Ticks"]),
    .executable(name: "Lesson08Channel", targets: ["Lesson08Channel"]),
    .executable(name: "Lesson08Merged", targets: ["Lesson08Merged"]),
    .executable(name: "Lesson08", targets: ["Lesson08"]),
  ],
  dependencies: [
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
  ],
  targets: [
    // lessons/02-blocking.md
    .executableTarget(name: "Lesson02NioPool", dependencies: [.product(name: "NIOPosix", package: "swift-nio")], path: "02-blocking/nio-pool", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson02", dependencies: ["Lesson02NioPool"], path: "02-blocking/Lesson02", swiftSettings: lessonSettings),
    // lessons/03-event-loop.md
    .executableTarget(name: "Lesson03NioHiHoi", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")], path: "03-event-loop/nio-hi-hoi", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson03", dependencies: ["Lesson03NioHiHoi"], path: "03-event-loop/Lesson03", swiftSettings: lessonSettings),
    // lessons/04-many-requests.md
    .executableTarget(name: "Lesson04OneByOne", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/one-by-one", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04AllAtOnce", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/all-at-once", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04TwoAtOnce", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/two-at-once", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04UrlsessionDefaults", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/urlsession-defaults", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04ClientDefaults", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/client-defaults", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04RaisedLimits", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/raised-limits", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04Bounded", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/bounded", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04OneLoop", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "AsyncHTTPClient", package: "async-http-client")], path: "04-many-requests/one-loop", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04BlockedLoop", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "AsyncHTTPClient", package: "async-http-client")], path: "04-many-requests/blocked-loop", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04FirstFailure", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/first-failure", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04EveryResult", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/every-result", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04Deadline", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/deadline", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04StalledBody", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/stalled-body", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04FiveAtATimeStarter", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/five-at-a-time-starter", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04FiveAtATime", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "04-many-requests/five-at-a-time", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson04", dependencies: ["Lesson04OneByOne", "Lesson04AllAtOnce", "Lesson04TwoAtOnce", "Lesson04UrlsessionDefaults", "Lesson04ClientDefaults", "Lesson04RaisedLimits", "Lesson04Bounded", "Lesson04OneLoop", "Lesson04BlockedLoop", "Lesson04FirstFailure", "Lesson04EveryResult", "Lesson04Deadline", "Lesson04StalledBody", "Lesson04FiveAtATimeStarter", "Lesson04FiveAtATime"], path: "04-many-requests/Lesson04", swiftSettings: lessonSettings),
    // lessons/08-streams.md
    .executableTarget(name: "Lesson08Ticks", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")], path: "08-streams/ticks", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson08Channel", dependencies: [.product(name: "AsyncAlgorithms", package: "swift-async-algorithms")], path: "08-streams/channel", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson08Merged", dependencies: [.product(name: "AsyncAlgorithms", package: "swift-async-algorithms")], path: "08-streams/merged", swiftSettings: lessonSettings),
    .executableTarget(name: "Lesson08", dependencies: ["Lesson08Ticks", "Lesson08Channel", "Lesson08Merged"], path: "08-streams/Lesson08", swiftSettings: lessonSettings),
  ],
  swiftLanguageModes: [.v6]
)
