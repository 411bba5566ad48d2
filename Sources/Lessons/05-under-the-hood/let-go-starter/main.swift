// Example 'let-go-starter' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// A duration as "1.23 s", and the time since the program started.
func seconds(_ d: Duration) -> String {
    let (whole, attoseconds) = d.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}
let start = ContinuousClock.now
func now() -> String { seconds(start.duration(to: .now)) }

/// Marks the start or end of a piece of work for the timeline the site draws.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
/// An old-style API: calls `done` on some thread once `delay` has passed.
func after(_ delay: Duration, _ done: @escaping @Sendable () -> Void) {
    let (whole, attoseconds) = delay.components
    let interval = Double(whole) + Double(attoseconds) / 1e18
    DispatchQueue.global().asyncAfter(deadline: .now() + interval, execute: done)
}

/// Waits until `after` calls back, holding the thread all the while.
func pause(_ delay: Duration) {
    let landed = DispatchSemaphore(value: 0)
    after(delay) { landed.signal() }
    landed.wait()
}

let flights = [("high stone", 600), ("middle stone", 450), ("low stone", 300)]
let thrown = ContinuousClock.now
var stones: [Task<Void, Never>] = []
for (name, ms) in flights {
    stones.append(Task {                  // a task on the main actor
        span("begin", name)
        pause(.milliseconds(ms))
        span("end", name)
        print("\(name) lands")
    })
}
for stone in stones { await stone.value }
print("all back after: \(seconds(thrown.duration(to: .now)))")
