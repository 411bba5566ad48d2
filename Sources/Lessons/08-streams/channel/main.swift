// Example 'channel' of lessons/08-streams.md.
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

let channel = AsyncChannel<Int>()

let producer = Task.detached {
    span("begin", "producer")
    for n in 1...20 {
        await channel.send(n)                 // waits until it is taken
    }
    channel.finish()
    span("end", "producer")
    print("the producer finished at \(now())")
}

span("begin", "consumer")
var received = 0
for await _ in channel {
    received += 1
    try? await Task.sleep(for: .milliseconds(20))       // slow work
}
span("end", "consumer")
print("values received: \(received)")
await producer.value
