// Example 'unblock-starter' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

let clock = ContinuousClock()

/// Keeps the calling thread busy for `duration`: work that never suspends.
nonisolated func crunch(for duration: Duration) {
    let end = clock.now + duration
    while clock.now < end {}
}

/// Marks the start or end of a piece of work for the run's timeline.
nonisolated func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}

var beating = true

/// Ticks every 5 ms on the main actor; gives the longest time between ticks.
let heartbeat = Task { @MainActor in
    var last = clock.now
    var worst = Duration.zero
    while beating {
        span("begin", "tick")
        try? await Task.sleep(for: .milliseconds(5))
        span("end", "tick")
        worst = max(worst, clock.now - last)
        last = clock.now
    }
    return worst
}

/// Stops the heartbeat, and gives its worst gap as "0.012 s".
@MainActor func stopHeartbeat() async -> String {
    beating = false
    let worst = await heartbeat.value
    return String(format: "%.3f s", worst / .seconds(1))
}
func checksum() async -> (Int, Bool) {
    span("begin", "checksum")
    crunch(for: .milliseconds(300))
    let isolation: (any Actor)? = #isolation
    span("end", "checksum")
    return ((1...1_000).reduce(0, +), isolation != nil)
}

try await Task.sleep(for: .milliseconds(50))   // let the heartbeat start
let (sum, onActor) = await checksum()
print("checksum: \(sum)")
print("ran on an actor: \(onActor)")
print("worst gap: \(await stopHeartbeat())")
