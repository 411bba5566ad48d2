// Example 'merged' of lessons/08-streams.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

let start = ContinuousClock.now
/// The time since the program started, as "1.23 s".
func now() -> String {
    let (whole, attoseconds) = start.duration(to: .now).components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}

/// Marks the start or end of a piece of work for the timeline the site draws.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
import AsyncAlgorithms

/// A stream of `count` stones, one every `interval`.
func stones(_ name: String, every interval: Duration, count: Int) -> AsyncStream<String> {
    AsyncStream { feed in
        let task = Task {
            var n = 0
            span("begin", name)                         // a stone in the air
            for await _ in AsyncTimerSequence(interval: interval, clock: .continuous) {
                span("end", name)
                n += 1
                feed.yield("\(name) \(n)")
                if n == count { break }
                span("begin", name)
            }
            feed.finish()
        }
        // Called when the stream ends or its consumer stops listening.
        feed.onTermination = { _ in task.cancel() }
    }
}

let slow = stones("slow", every: .milliseconds(300), count: 3)
let quick = stones("quick", every: .milliseconds(250), count: 3)
for await stone in merge(slow, quick) {
    print("\(stone) at \(now())")
}
print("both streams done at \(now())")
