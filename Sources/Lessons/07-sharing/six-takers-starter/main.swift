// Example 'six-takers-starter' of lessons/07-sharing.md.
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
    var stones = 3

    /// Hands a stone to `who`, if one is left; says whether it did.
    func hand(to who: String) async -> Bool {
        guard stones > 0 else { return false }
        span("begin", "\(who) is looked over")
        try? await Task.sleep(for: .milliseconds(300))   // look the taker over
        span("end", "\(who) is looked over")
        stones -= 1
        return true
    }
}

let keeper = StoneKeeper()
let watch = Stopwatch()
let answers = await withTaskGroup(of: Bool.self) { group in
    for taker in 1...6 {
        group.addTask { await keeper.hand(to: "taker \(taker)") }
    }
    var answers: [Bool] = []
    for await answer in group { answers.append(answer) }
    return answers
}
print("stones handed out: \(answers.filter { $0 }.count)")
print("takers turned away: \(answers.filter { !$0 }.count)")
print("stones left: \(await keeper.stones)")
print("all answered after: \(watch.elapsed)")
