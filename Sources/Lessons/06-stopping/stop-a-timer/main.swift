// Example 'stop-a-timer' of lessons/06-stopping.md.
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

/// Marks the start or end of a piece of work for the picture of the run.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
import NIOCore
import NIOPosix

/// Waits `delay` on an event loop's timer; cancelling the task stops the timer.
func timer(_ delay: TimeAmount) async throws {
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let scheduled = loop.scheduleTask(in: delay) {}
    try await withTaskCancellationHandler {
        try await scheduled.futureResult.get()        // the wait
    } onCancel: {
        scheduled.cancel()                            // stop the outside work
    }
}
let waiter = Task {
    span("begin", "a 5 s timer")
    defer { span("end", "a 5 s timer") }
    try await timer(.seconds(5))
}
try await Task.sleep(for: .milliseconds(200))
waiter.cancel()
print("the timer ended with: \(await waiter.result)")
print("at \(now())")
