// Example 'bridge' of lessons/05-under-the-hood.md.
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

/// The same, as something to await.
func pause(_ delay: Duration) async {
    await withCheckedContinuation { continuation in
        after(delay) { continuation.resume() }
    }
}

func stone(_ name: String, flight: Duration) async {
    span("begin", name)
    await pause(flight)
    span("end", name)
    print("\(name) lands at \(now())")
}

async let high: Void = stone("high stone", flight: .milliseconds(600))
async let low: Void = stone("low stone", flight: .milliseconds(300))
_ = await (high, low)
