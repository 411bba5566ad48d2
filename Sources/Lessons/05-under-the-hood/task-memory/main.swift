// Example 'task-memory' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// The memory this process occupies right now, in bytes, as in lesson 2.
func residentBytes() -> Int {
#if os(Linux)
    // The VmRSS line of /proc/self/status, which Linux gives in kilobytes.
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    let fields = line.split(whereSeparator: \.isWhitespace)
    return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * 1024
#else
    // macOS: the resident_size of task_info's report on this process, in bytes.
    var info = mach_task_basic_info()
    var count = mach_msg_type_number_t(
        MemoryLayout<mach_task_basic_info>.size / MemoryLayout<natural_t>.size)
    let result = withUnsafeMutablePointer(to: &info) {
        $0.withMemoryRebound(to: integer_t.self, capacity: Int(count)) {
            task_info(mach_task_self_, task_flavor_t(MACH_TASK_BASIC_INFO), $0, &count)
        }
    }
    return result == KERN_SUCCESS ? Int(info.resident_size) : 0
#endif
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
