// Example 'task-memory' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// The memory this process occupies right now, in bytes: the VmRSS line of
/// /proc/self/status, as in lesson 2, which Linux gives in kilobytes.
func residentBytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    let fields = line.split(whereSeparator: \.isWhitespace)
    return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * 1024
}
import Synchronization

/// The continuations of the suspended tasks, resumed at the end.
let parked = Mutex<[CheckedContinuation<Void, Never>]>([])

func waitInLine() async {
    var steps = 1                    // a local that lives across the await
    await withCheckedContinuation { continuation in
        parked.withLock { $0.append(continuation) }
    }
    steps += 1
}

let count = 10_000
parked.withLock { $0.reserveCapacity(count) }
let before = residentBytes()

await withTaskGroup(of: Void.self) { group in
    for _ in 0..<count {
        group.addTask { await waitInLine() }
    }
    // Once every task is waiting, weigh them; then let them all go on.
    while parked.withLock({ $0.count }) < count {
        try? await Task.sleep(for: .milliseconds(10))
    }
    print("memory per suspended task: \((residentBytes() - before) / count) bytes")
    for continuation in parked.withLock({ $0 }) { continuation.resume() }
}
