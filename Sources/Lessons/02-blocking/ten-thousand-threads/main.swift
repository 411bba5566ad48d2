// Example 'ten-thousand-threads' of lessons/02-blocking.md.
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
let waiting = Atomic(0)
let before = residentKilobytes()
let go = DispatchSemaphore(value: 0)
let allDone = DispatchGroup()

for _ in 0..<count {
    allDone.enter()
    Thread {
        waiting.add(1, ordering: .relaxed)
        go.wait()  // blocks this thread until we let it go
        allDone.leave()
    }.start()
}
// Once every thread is waiting, weigh them.
while waiting.load(ordering: .relaxed) < count {
    usleep(10_000)
}
let perThread = Double(residentKilobytes() - before) / Double(count)
print("\(count) threads waiting")
print("kilobytes per waiting thread:", String(format: "%.1f", perThread))
for _ in 0..<count { go.signal() }
allDone.wait()
print("all of them done")
