// Example 'deaf' under setting 'default' of lessons/06-stopping.md.
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
/// Ten steps of work; never asks whether it should stop.
func tenSteps() async -> Int {
    var done = 0
    for step in 1...10 {
        span("begin", "step \(step)")
        crunch(for: .milliseconds(100))
        span("end", "step \(step)")
        done += 1
    }
    return done
}

let job = Task { await tenSteps() }
try await Task.sleep(for: .milliseconds(250))
span("begin", "cancelled")
job.cancel()
print("asked to stop at: \(now())")
print("steps done: \(await job.value)")
span("end", "cancelled")
print("stopped at \(now())")
