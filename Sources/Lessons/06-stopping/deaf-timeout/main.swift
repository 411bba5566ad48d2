// Example 'deaf-timeout' of lessons/06-stopping.md.
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
struct TimedOut: Error, CustomStringConvertible {
    let after: Duration
    var description: String { "timed out after \(after)" }
}

/// Runs `operation`, but gives up after `limit`: the operation is cancelled,
/// and, once it has stopped, `TimedOut` is thrown.
func withTimeout<Value: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(after: limit)
        }
        defer { group.cancelAll() }             // the loser is cancelled
        return try await group.next()!          // the first to finish wins
    }
}
let clock = ContinuousClock()
let began = clock.now
do {
    try await withTimeout(.milliseconds(350)) {
        span("begin", "crunch")
        crunch(for: .seconds(1))
        span("end", "crunch")
    }
} catch {
    print("error: \(error)")
}
print("withTimeout returned after: \(seconds(clock.now - began))")
