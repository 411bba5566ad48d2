// Example 'ticks' of lessons/08-streams.md.
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
import NIOCore
import NIOPosix
import Synchronization

let (ticks, feed) = AsyncStream.makeStream(of: Int.self)
let loop = MultiThreadedEventLoopGroup.singleton.next()
let count = Atomic(0)
loop.scheduleRepeatedTask(initialDelay: .milliseconds(100),
                          delay: .milliseconds(100)) { task in
    let n = count.wrappingAdd(1, ordering: .relaxed).newValue
    feed.yield(n)                             // a callback feeds the stream
    if n == 5 {
        task.cancel()
        feed.finish()                         // no more values
    }
}

for await tick in ticks {                     // suspends between values
    print("tick \(tick) at \(now())")
}
print("the stream ended at \(now())")
