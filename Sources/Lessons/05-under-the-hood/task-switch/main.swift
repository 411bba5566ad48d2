// Example 'task-switch' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

let rounds = 100_000
let clock = ContinuousClock()
let elapsed = await Task.detached {
    let start = clock.now
    for _ in 0..<rounds { await Task.yield() }   // suspend, enqueue, resume
    return clock.now - start
}.value
let (whole, attoseconds) = elapsed.components
let total = Double(whole) + Double(attoseconds) / 1e18
print("time per suspension:", String(format: "%.0f ns", total / Double(rounds) * 1e9))
