// swift-tools-version: 6.2
// swift-format-ignore-file
// (The lesson list below is written by `lesson-runner tangle`, not by hand.)
import PackageDescription

// Lessons are the reader's code: Swift 6, and no warning may pass.
let lessonSettings: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

// MARK: Tangled lessons. Written by `swift run lesson-runner tangle`: edit the lessons, not this list.
let lessonPackages: [Package.Dependency] = [
  .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
  .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
  .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
  .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
]
let lessonTargets: [Target] = [
  // lessons/01-two-stones.md
  .executableTarget(name: "Lesson01OneAtATime", path: "Sources/Lessons/01-two-stones/one-at-a-time", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01TwoHandsDefault", path: "Sources/Lessons/01-two-stones/two-hands.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01OneHand", path: "Sources/Lessons/01-two-stones/one-hand", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01PolishOneByOne", path: "Sources/Lessons/01-two-stones/polish-one-by-one", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01PolishTwoHands", path: "Sources/Lessons/01-two-stones/polish-two-hands", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01PolishOneHand", path: "Sources/Lessons/01-two-stones/polish-one-hand", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01ThreeStonesStarter", path: "Sources/Lessons/01-two-stones/three-stones-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01ThreeStones", path: "Sources/Lessons/01-two-stones/three-stones", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson01", dependencies: ["Lesson01OneAtATime", "Lesson01TwoHandsDefault", "Lesson01OneHand", "Lesson01PolishOneByOne", "Lesson01PolishTwoHands", "Lesson01PolishOneHand", "Lesson01ThreeStonesStarter", "Lesson01ThreeStones"], path: "Sources/Lessons/01-two-stones/Lesson01", swiftSettings: lessonSettings),
  // lessons/02-blocking.md
  .executableTarget(name: "Lesson02HoldingHand", path: "Sources/Lessons/02-blocking/holding-hand", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02OpenHand", path: "Sources/Lessons/02-blocking/open-hand", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02BlockedPool", path: "Sources/Lessons/02-blocking/blocked-pool", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02SleepingPool", path: "Sources/Lessons/02-blocking/sleeping-pool", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02GlobalQueue", path: "Sources/Lessons/02-blocking/global-queue", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02OwnThread", path: "Sources/Lessons/02-blocking/own-thread", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02NioPool", dependencies: [.product(name: "NIOPosix", package: "swift-nio")], path: "Sources/Lessons/02-blocking/nio-pool", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02TenThousandTasks", path: "Sources/Lessons/02-blocking/ten-thousand-tasks", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02TenThousandThreads", path: "Sources/Lessons/02-blocking/ten-thousand-threads", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02PriceListStarter", path: "Sources/Lessons/02-blocking/price-list-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02PriceList", path: "Sources/Lessons/02-blocking/price-list", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson02", dependencies: ["Lesson02HoldingHand", "Lesson02OpenHand", "Lesson02BlockedPool", "Lesson02SleepingPool", "Lesson02GlobalQueue", "Lesson02OwnThread", "Lesson02NioPool", "Lesson02TenThousandTasks", "Lesson02TenThousandThreads", "Lesson02PriceListStarter", "Lesson02PriceList"], path: "Sources/Lessons/02-blocking/Lesson02", swiftSettings: lessonSettings),
  // lessons/03-event-loop.md
  .executableTarget(name: "Lesson03TwoJobs", path: "Sources/Lessons/03-event-loop/two-jobs", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03HiHoiSequential", path: "Sources/Lessons/03-event-loop/hi-hoi-sequential", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03HiHoiTasks", path: "Sources/Lessons/03-event-loop/hi-hoi-tasks", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03BlockedLoop", path: "Sources/Lessons/03-event-loop/blocked-loop", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03MainActorBlocked", path: "Sources/Lessons/03-event-loop/main-actor-blocked", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03Scoreboard", path: "Sources/Lessons/03-event-loop/scoreboard", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03HiHoiLoop", path: "Sources/Lessons/03-event-loop/hi-hoi-loop", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03ActorOnLoop", path: "Sources/Lessons/03-event-loop/actor-on-loop", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03NioHiHoi", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")], path: "Sources/Lessons/03-event-loop/nio-hi-hoi", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03OnTimeStarter", path: "Sources/Lessons/03-event-loop/on-time-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03OnTime", path: "Sources/Lessons/03-event-loop/on-time", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson03", dependencies: ["Lesson03TwoJobs", "Lesson03HiHoiSequential", "Lesson03HiHoiTasks", "Lesson03BlockedLoop", "Lesson03MainActorBlocked", "Lesson03Scoreboard", "Lesson03HiHoiLoop", "Lesson03ActorOnLoop", "Lesson03NioHiHoi", "Lesson03OnTimeStarter", "Lesson03OnTime"], path: "Sources/Lessons/03-event-loop/Lesson03", swiftSettings: lessonSettings),
  // lessons/04-many-requests.md
  .executableTarget(name: "Lesson04OneByOne", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/one-by-one", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04AllAtOnce", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/all-at-once", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04TwoAtOnce", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/two-at-once", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04UrlsessionDefaults", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/urlsession-defaults", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04ClientDefaults", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/client-defaults", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04RaisedLimits", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/raised-limits", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04Bounded", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/bounded", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04OneLoop", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "AsyncHTTPClient", package: "async-http-client")], path: "Sources/Lessons/04-many-requests/one-loop", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04BlockedLoop", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "AsyncHTTPClient", package: "async-http-client")], path: "Sources/Lessons/04-many-requests/blocked-loop", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04FirstFailure", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/first-failure", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04EveryResult", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/every-result", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04Deadline", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/deadline", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04StalledBody", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/stalled-body", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04FiveAtATimeStarter", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/five-at-a-time-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04FiveAtATime", dependencies: [.product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"), .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio")], path: "Sources/Lessons/04-many-requests/five-at-a-time", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson04", dependencies: ["Lesson04OneByOne", "Lesson04AllAtOnce", "Lesson04TwoAtOnce", "Lesson04UrlsessionDefaults", "Lesson04ClientDefaults", "Lesson04RaisedLimits", "Lesson04Bounded", "Lesson04OneLoop", "Lesson04BlockedLoop", "Lesson04FirstFailure", "Lesson04EveryResult", "Lesson04Deadline", "Lesson04StalledBody", "Lesson04FiveAtATimeStarter", "Lesson04FiveAtATime"], path: "Sources/Lessons/04-many-requests/Lesson04", swiftSettings: lessonSettings),
  // lessons/05-under-the-hood.md
  .executableTarget(name: "Lesson05Frames", path: "Sources/Lessons/05-under-the-hood/frames", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05Countdown", path: "Sources/Lessons/05-under-the-hood/countdown", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05CountdownByHand", path: "Sources/Lessons/05-under-the-hood/countdown-by-hand", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05Bridge", path: "Sources/Lessons/05-under-the-hood/bridge", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05ResumeTwice", path: "Sources/Lessons/05-under-the-hood/resume-twice", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05NeverResumed", path: "Sources/Lessons/05-under-the-hood/never-resumed", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05TinyRuntime", path: "Sources/Lessons/05-under-the-hood/tiny-runtime", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05TaskMemory", path: "Sources/Lessons/05-under-the-hood/task-memory", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05ThreadMemory", path: "Sources/Lessons/05-under-the-hood/thread-memory", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05TaskSwitch", path: "Sources/Lessons/05-under-the-hood/task-switch", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05ThreadSwitch", path: "Sources/Lessons/05-under-the-hood/thread-switch", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05LetGoStarter", path: "Sources/Lessons/05-under-the-hood/let-go-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05LetGo", path: "Sources/Lessons/05-under-the-hood/let-go", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson05", dependencies: ["Lesson05Frames", "Lesson05Countdown", "Lesson05CountdownByHand", "Lesson05Bridge", "Lesson05ResumeTwice", "Lesson05NeverResumed", "Lesson05TinyRuntime", "Lesson05TaskMemory", "Lesson05ThreadMemory", "Lesson05TaskSwitch", "Lesson05ThreadSwitch", "Lesson05LetGoStarter", "Lesson05LetGo"], path: "Sources/Lessons/05-under-the-hood/Lesson05", swiftSettings: lessonSettings),
  // lessons/06-stopping.md
  .executableTarget(name: "Lesson06DeafDefault", path: "Sources/Lessons/06-stopping/deaf.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06DeafNonsending", path: "Sources/Lessons/06-stopping/deaf.nonsending", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson06Listening", path: "Sources/Lessons/06-stopping/listening", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06Sleeper", path: "Sources/Lessons/06-stopping/sleeper", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06Swallowed", path: "Sources/Lessons/06-stopping/swallowed", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06StopADownload", path: "Sources/Lessons/06-stopping/stop-a-download", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06Family", path: "Sources/Lessons/06-stopping/family", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06SlowSibling", path: "Sources/Lessons/06-stopping/slow-sibling", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06Orphan", path: "Sources/Lessons/06-stopping/orphan", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06Timeout", path: "Sources/Lessons/06-stopping/timeout", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06DeafTimeout", path: "Sources/Lessons/06-stopping/deaf-timeout", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06OnDeadlineStarter", path: "Sources/Lessons/06-stopping/on-deadline-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06OnDeadline", path: "Sources/Lessons/06-stopping/on-deadline", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson06", dependencies: ["Lesson06DeafDefault", "Lesson06DeafNonsending", "Lesson06Listening", "Lesson06Sleeper", "Lesson06Swallowed", "Lesson06StopADownload", "Lesson06Family", "Lesson06SlowSibling", "Lesson06Orphan", "Lesson06Timeout", "Lesson06DeafTimeout", "Lesson06OnDeadlineStarter", "Lesson06OnDeadline"], path: "Sources/Lessons/06-stopping/Lesson06", swiftSettings: lessonSettings),
  // lessons/07-sharing.md
  .executableTarget(name: "Lesson07CountsSentBack", path: "Sources/Lessons/07-sharing/counts-sent-back", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07FilledFirst", path: "Sources/Lessons/07-sharing/filled-first", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07MainActorScore", path: "Sources/Lessons/07-sharing/main-actor-score", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07HopToMain", path: "Sources/Lessons/07-sharing/hop-to-main", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07CrossingConformanceMainActorNonsending", path: "Sources/Lessons/07-sharing/crossing-conformance.main-actor-nonsending", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault"), .enableUpcomingFeature("InferIsolatedConformances"), .defaultIsolation(MainActor.self)]),
  .executableTarget(name: "Lesson07IsolatedConformance", path: "Sources/Lessons/07-sharing/isolated-conformance", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07AskTheActor", path: "Sources/Lessons/07-sharing/ask-the-actor", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07ActorCounter", path: "Sources/Lessons/07-sharing/actor-counter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07Reentrancy", path: "Sources/Lessons/07-sharing/reentrancy", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07NoReentrancy", path: "Sources/Lessons/07-sharing/no-reentrancy", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07MutexCounter", path: "Sources/Lessons/07-sharing/mutex-counter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07AtomicCounter", path: "Sources/Lessons/07-sharing/atomic-counter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07SixTakersStarter", path: "Sources/Lessons/07-sharing/six-takers-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07SixTakers", path: "Sources/Lessons/07-sharing/six-takers", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson07", dependencies: ["Lesson07CountsSentBack", "Lesson07FilledFirst", "Lesson07MainActorScore", "Lesson07HopToMain", "Lesson07CrossingConformanceMainActorNonsending", "Lesson07IsolatedConformance", "Lesson07AskTheActor", "Lesson07ActorCounter", "Lesson07Reentrancy", "Lesson07NoReentrancy", "Lesson07MutexCounter", "Lesson07AtomicCounter", "Lesson07SixTakersStarter", "Lesson07SixTakers"], path: "Sources/Lessons/07-sharing/Lesson07", swiftSettings: lessonSettings),
  // lessons/08-streams.md
  .executableTarget(name: "Lesson08Ticks", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")], path: "Sources/Lessons/08-streams/ticks", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08Unbounded", path: "Sources/Lessons/08-streams/unbounded", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08Newest", path: "Sources/Lessons/08-streams/newest", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08Channel", dependencies: [.product(name: "AsyncAlgorithms", package: "swift-async-algorithms")], path: "Sources/Lessons/08-streams/channel", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08Merged", dependencies: [.product(name: "AsyncAlgorithms", package: "swift-async-algorithms")], path: "Sources/Lessons/08-streams/merged", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08ProgressStarter", path: "Sources/Lessons/08-streams/progress-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08Progress", path: "Sources/Lessons/08-streams/progress", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson08", dependencies: ["Lesson08Ticks", "Lesson08Unbounded", "Lesson08Newest", "Lesson08Channel", "Lesson08Merged", "Lesson08ProgressStarter", "Lesson08Progress"], path: "Sources/Lessons/08-streams/Lesson08", swiftSettings: lessonSettings),
  // lessons/09-where-code-runs.md
  .executableTarget(name: "Lesson09WhereAmIDefault", path: "Sources/Lessons/09-where-code-runs/where-am-i.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09WhereAmINonsending", path: "Sources/Lessons/09-where-code-runs/where-am-i.nonsending", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson09ActorNotesNonsending", path: "Sources/Lessons/09-where-code-runs/actor-notes.nonsending", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson09HeartbeatDefault", path: "Sources/Lessons/09-where-code-runs/heartbeat.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09HeartbeatNonsending", path: "Sources/Lessons/09-where-code-runs/heartbeat.nonsending", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson09HeartbeatMainActor", path: "Sources/Lessons/09-where-code-runs/heartbeat.main-actor", swiftSettings: lessonSettings + [.defaultIsolation(MainActor.self)]),
  .executableTarget(name: "Lesson09HeartbeatConcurrentDefault", path: "Sources/Lessons/09-where-code-runs/heartbeat-concurrent.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09HeartbeatConcurrentNonsending", path: "Sources/Lessons/09-where-code-runs/heartbeat-concurrent.nonsending", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson09HeartbeatConcurrentMainActor", path: "Sources/Lessons/09-where-code-runs/heartbeat-concurrent.main-actor", swiftSettings: lessonSettings + [.defaultIsolation(MainActor.self)]),
  .executableTarget(name: "Lesson09LaunchesMainActor", path: "Sources/Lessons/09-where-code-runs/launches.main-actor", swiftSettings: lessonSettings + [.defaultIsolation(MainActor.self)]),
  .executableTarget(name: "Lesson09ChecksumDefault", path: "Sources/Lessons/09-where-code-runs/checksum.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09ChecksumNonisolatedDefault", path: "Sources/Lessons/09-where-code-runs/checksum-nonisolated.default", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09ChecksumNonisolatedMainActor", path: "Sources/Lessons/09-where-code-runs/checksum-nonisolated.main-actor", swiftSettings: lessonSettings + [.defaultIsolation(MainActor.self)]),
  .executableTarget(name: "Lesson09MainActorTour", path: "Sources/Lessons/09-where-code-runs/main-actor-tour", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09AssumeWrongly", path: "Sources/Lessons/09-where-code-runs/assume-wrongly", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09HopCost", path: "Sources/Lessons/09-where-code-runs/hop-cost", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09RequestId", path: "Sources/Lessons/09-where-code-runs/request-id", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09Escalation", path: "Sources/Lessons/09-where-code-runs/escalation", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09Names", path: "Sources/Lessons/09-where-code-runs/names", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09WhatTasksTake", path: "Sources/Lessons/09-where-code-runs/what-tasks-take", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09ImmediateOrder", path: "Sources/Lessons/09-where-code-runs/immediate-order", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09ImmediateLatency", path: "Sources/Lessons/09-where-code-runs/immediate-latency", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09IsolatedCast", path: "Sources/Lessons/09-where-code-runs/isolated-cast", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson09UnblockStarter", path: "Sources/Lessons/09-where-code-runs/unblock-starter", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson09Unblock", path: "Sources/Lessons/09-where-code-runs/unblock", swiftSettings: lessonSettings + [.enableUpcomingFeature("NonisolatedNonsendingByDefault")]),
  .executableTarget(name: "Lesson09", dependencies: ["Lesson09WhereAmIDefault", "Lesson09WhereAmINonsending", "Lesson09ActorNotesNonsending", "Lesson09HeartbeatDefault", "Lesson09HeartbeatNonsending", "Lesson09HeartbeatMainActor", "Lesson09HeartbeatConcurrentDefault", "Lesson09HeartbeatConcurrentNonsending", "Lesson09HeartbeatConcurrentMainActor", "Lesson09LaunchesMainActor", "Lesson09ChecksumDefault", "Lesson09ChecksumNonisolatedDefault", "Lesson09ChecksumNonisolatedMainActor", "Lesson09MainActorTour", "Lesson09AssumeWrongly", "Lesson09HopCost", "Lesson09RequestId", "Lesson09Escalation", "Lesson09Names", "Lesson09WhatTasksTake", "Lesson09ImmediateOrder", "Lesson09ImmediateLatency", "Lesson09IsolatedCast", "Lesson09UnblockStarter", "Lesson09Unblock"], path: "Sources/Lessons/09-where-code-runs/Lesson09", swiftSettings: lessonSettings),
  // lessons/10-from-asyncio.md
  .executableTarget(name: "Lesson10FirstFailure", path: "Sources/Lessons/10-from-asyncio/first-failure", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson10SwiftSequential", path: "Sources/Lessons/10-from-asyncio/swift-sequential", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson10SwiftTasks", path: "Sources/Lessons/10-from-asyncio/swift-tasks", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson10GatherStarter", path: "Sources/Lessons/10-from-asyncio/gather-starter", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson10Gather", path: "Sources/Lessons/10-from-asyncio/gather", swiftSettings: lessonSettings),
  .executableTarget(name: "Lesson10", dependencies: ["Lesson10FirstFailure", "Lesson10SwiftSequential", "Lesson10SwiftTasks", "Lesson10GatherStarter", "Lesson10Gather"], path: "Sources/Lessons/10-from-asyncio/Lesson10", swiftSettings: lessonSettings),
]
// MARK: End of tangled lessons.

let package = Package(
  name: "TwoStones",
  products: [
    .executable(name: "lesson-runner", targets: ["LessonRunner"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax.git", from: "603.0.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    // SHA-256 for the search page's Content-Security-Policy. AsyncHTTPClient already
    // builds it for lesson 4, so it costs the first build nothing more.
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
  ] + lessonPackages,
  targets: [
    // parse: cmark's C API, wrapped in one file.
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
    .target(name: "CommonMark", dependencies: ["CCmark"]),
    // The lesson format, tangling and verdicts: pure logic, no processes.
    .target(name: "LessonKit", dependencies: ["CommonMark"]),
    // Building lessons and running their examples as processes.
    .target(name: "CProcessControl"),
    .target(name: "LessonRun", dependencies: ["LessonKit", "CProcessControl"]),
    // weave: the book as a website, from the lessons and their latest reports.
    .target(
      name: "LessonWeave",
      dependencies: [
        "LessonKit", "CommonMark",
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Resources")]),
    .executableTarget(
      name: "LessonRunner",
      dependencies: [
        "LessonKit", "LessonRun", "LessonWeave",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // The live preview's server; lesson 4's examples build it anyway.
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
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
