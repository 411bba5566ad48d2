// Example 'slow-sibling' of lessons/06-stopping.md.
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
struct BadAnswer: Error {}

let clock = ContinuousClock()
let began = clock.now
do {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            span("begin", "fails")
            defer { span("end", "fails") }
            try await Task.sleep(for: .milliseconds(100))
            throw BadAnswer()
        }
        group.addTask {
            span("begin", "does not check")
            defer { span("end", "does not check") }
            crunch(for: .milliseconds(600))       // never looks at the flag
        }
        for try await _ in group {}           // the error leaves the body here
    }
} catch {
    print("the group threw: \(error)")
}
print("the group returned after: \(seconds(clock.now - began))")
