// Example 'thread-switch' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// Two threads take turns: each waits until it is its turn, then passes.
final class Baton: @unchecked Sendable {
    private let condition = NSCondition()
    private var turn = 0

    func take(turns: Int, as me: Int) {
        for _ in 0..<turns {
            condition.lock()
            while turn != me { condition.wait() }
            turn = 1 - me                    // hand over
            condition.signal()
            condition.unlock()
        }
    }
}

let rounds = 100_000
let baton = Baton()
let finished = DispatchSemaphore(value: 0)
let clock = ContinuousClock()
let start = clock.now
Thread { baton.take(turns: rounds / 2, as: 1); finished.signal() }.start()
baton.take(turns: rounds / 2, as: 0)
finished.wait()
let (whole, attoseconds) = (clock.now - start).components
let total = Double(whole) + Double(attoseconds) / 1e18
print("time per hand-off:", String(format: "%.0f ns", total / Double(rounds) * 1e9))
