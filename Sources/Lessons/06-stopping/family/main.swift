// Example 'family' of lessons/06-stopping.md.
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
let parent = Task {
    await withTaskGroup(of: String.self) { group in
        for child in 1...3 {
            group.addTask {
                span("begin", "child \(child)")
                defer { span("end", "child \(child)") }
                do {
                    try await Task.sleep(for: .seconds(5))
                    return "child \(child) slept"
                } catch {
                    return "child \(child) was cancelled"
                }
            }
        }
        for await line in group { print(line) }
    }
}
try await Task.sleep(for: .milliseconds(200))
parent.cancel()                   // only the parent is cancelled by name
await parent.value
print("the family stopped at: \(now())")
