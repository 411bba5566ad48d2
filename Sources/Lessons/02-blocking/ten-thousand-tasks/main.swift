// Example 'ten-thousand-tasks' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation
import Synchronization

/// The memory this process occupies right now, in kilobytes.
func residentKilobytes() -> Int {
#if os(Linux)
    // The VmRSS line of /proc/self/status, which Linux gives in kilobytes.
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    let fields = line.split(whereSeparator: \.isWhitespace)
    return fields.count > 1 ? Int(fields[1]) ?? 0 : 0
#else
    // macOS: task_info fills in a mach_task_basic_info for this process
    // (mach_task_self_), whose resident_size is in bytes. It takes the struct
    // as an array of integer_t, and `count` as that array's length.
    var info = mach_task_basic_info()
    var count = mach_msg_type_number_t(
        MemoryLayout<mach_task_basic_info>.size / MemoryLayout<natural_t>.size)
    let result = withUnsafeMutablePointer(to: &info) {
        $0.withMemoryRebound(to: integer_t.self, capacity: Int(count)) {
            task_info(mach_task_self_, task_flavor_t(MACH_TASK_BASIC_INFO), $0, &count)
        }
    }
    return result == KERN_SUCCESS ? Int(info.resident_size) / 1024 : 0
#endif
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
