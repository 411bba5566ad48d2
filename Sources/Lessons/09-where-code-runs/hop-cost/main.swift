// Example 'hop-cost' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

let clock = ContinuousClock()
let hops = 10_000
var onMain = 0                    // top-level: the main actor's

actor Counter {
    var value = 0
    func bump() { value += 1 }
}
let counter = Counter()

/// The time of one crossing, in nanoseconds.
func perHop(_ elapsed: Duration) -> String {
    String(format: "%.0f ns", elapsed / .nanoseconds(1) / Double(hops))
}

let mainTime = await Task.detached {
    let start = clock.now
    for _ in 0..<hops { await MainActor.run { onMain += 1 } }
    return clock.now - start
}.value
let actorTime = await Task.detached {
    let start = clock.now
    for _ in 0..<hops { await counter.bump() }
    return clock.now - start
}.value
print("main actor hop: \(perHop(mainTime))")
print("actor call: \(perHop(actorTime))")
print("counts: \(onMain) \(await counter.value)")
