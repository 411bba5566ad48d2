// Example 'unbounded' of lessons/08-streams.md.
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
/// Yields 1...50 into `feed`, one every 5 ms, from a task of its own;
/// returns when it has yielded the last one.
func produce(into feed: AsyncStream<Int>.Continuation) -> Task<Void, Never> {
    Task.detached {
        span("begin", "producer")
        for n in 1...50 {
            feed.yield(n)                     // never waits for the consumer
            try? await Task.sleep(for: .milliseconds(5))
        }
        feed.finish()
        span("end", "producer")
        print("the producer finished at \(now())")
    }
}

/// Takes every value from `stream`, 20 ms of work each, and says what it got.
func consume(_ stream: AsyncStream<Int>) async {
    span("begin", "consumer")
    var received: [Int] = []
    for await value in stream {
        received.append(value)
        try? await Task.sleep(for: .milliseconds(20))   // slow work
    }
    span("end", "consumer")
    print("values received: \(received.count)")
    print("the last one: \(received.last ?? 0)")
    print("the consumer finished at \(now())")
}
let (stream, feed) = AsyncStream.makeStream(of: Int.self)   // .unbounded
let producer = produce(into: feed)
await consume(stream)
await producer.value
