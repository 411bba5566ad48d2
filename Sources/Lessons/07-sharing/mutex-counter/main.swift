// Example 'mutex-counter' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// Reports the time since it was made: in all, or per step of the work.
struct Stopwatch {
    let began = ContinuousClock.now
    var seconds: Double {
        let (whole, attoseconds) = began.duration(to: .now).components
        return Double(whole) + Double(attoseconds) / 1e18
    }
    /// "123.4 ms"
    var elapsed: String { String(format: "%.1f ms", seconds * 1e3) }
    /// "12.3 ns": the time so far, divided among `steps` steps.
    func each(of steps: Int) -> String { String(format: "%.1f ns", seconds * 1e9 / Double(steps)) }
}

/// Marks the start or end of a piece of work for the picture of the run.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
import Synchronization

let counter = Mutex(0)
let watch = Stopwatch()
await withTaskGroup(of: Void.self) { group in
    for _ in 1...4 {
        group.addTask {
            for _ in 1...2_500_000 { counter.withLock { $0 += 1 } }
        }
    }
}
print("total: \(counter.withLock { $0 })")
print("time per bump: \(watch.each(of: 10_000_000))")
