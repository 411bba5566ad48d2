// Example 'no-reentrancy' of lessons/07-sharing.md.
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
actor StoneKeeper {
    var stones = 1

    func hand(to who: String) async -> String {
        guard stones > 0 else { return "\(who) gets nothing" }   // check
        stones -= 1                                             // and act,
        span("begin", "\(who) waits")
        try? await Task.sleep(for: .milliseconds(300))          // then look
        span("end", "\(who) waits")
        return "\(who) gets the stone"
    }
}

let keeper = StoneKeeper()
async let first = keeper.hand(to: "task A")
async let second = keeper.hand(to: "task B")
let answers = await [first, second]
// Which task comes first is up to the scheduler; how many get a stone is not.
print("tasks that got the stone: \(answers.filter { $0.hasSuffix("the stone") }.count)")
print("tasks that got nothing: \(answers.filter { $0.hasSuffix("nothing") }.count)")
print("stones left: \(await keeper.stones)")
