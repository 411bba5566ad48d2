// Example 'ten-thousand-tasks' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation
import Synchronization

/// The memory this process occupies right now, in kilobytes: the VmRSS line
/// of /proc/self/status on Linux.
func residentKilobytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    let fields = line.split(whereSeparator: \.isWhitespace)
    return fields.count > 1 ? Int(fields[1]) ?? 0 : 0
}
let count = 10_000
let asleep = Atomic(0)
let before = residentKilobytes()

await withTaskGroup(of: Void.self) { group in
    for _ in 0..<count {
        group.addTask {
            asleep.add(1, ordering: .relaxed)
            try? await Task.sleep(for: .seconds(1))
        }
    }
    // Once every task has gone to sleep, weigh them.
    while asleep.load(ordering: .relaxed) < count {
        try? await Task.sleep(for: .milliseconds(10))
    }
    let perTask = Double(residentKilobytes() - before) / Double(count)
    print("\(count) tasks asleep")
    print("kilobytes per waiting task:", String(format: "%.1f", perTask))
}
print("all of them woke up")
