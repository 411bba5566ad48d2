// Example 'swallowed' of lessons/06-stopping.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// Keeps the calling thread busy for `duration`: work that never suspends.
func crunch(for duration: Duration) {
    let end = ContinuousClock.now + duration
    while ContinuousClock.now < end {}
}

/// A duration as "1.23 s", and the time since the program started.
func seconds(_ d: Duration) -> String {
    let (whole, attoseconds) = d.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}
let start = ContinuousClock.now
func now() -> String { seconds(start.duration(to: .now)) }

/// Marks the start or end of a piece of work for the timeline of the run.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
let heartbeat = Task {
    for beat in 1...5 {
        span("begin", "beat \(beat)")
        try? await Task.sleep(for: .milliseconds(200))   // cancellation lost here
        span("end", "beat \(beat)")
        print("beat \(beat) at \(now())")
    }
}
try await Task.sleep(for: .milliseconds(300))
heartbeat.cancel()
await heartbeat.value
print("all five beats done at: \(now())")
