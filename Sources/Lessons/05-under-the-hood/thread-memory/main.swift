// Example 'thread-memory' of lessons/05-under-the-hood.md.
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

/// Parked threads wait here until `release()`.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var open = false
    private var waiting = 0

    func wait() {
        condition.lock()
        waiting += 1
        condition.broadcast()
        while !open { condition.wait() }
        condition.unlock()
    }
    func waitUntil(_ count: Int) {
        condition.lock()
        while waiting < count { condition.wait() }
        condition.unlock()
    }
    func release() {
        condition.lock()
        open = true
        condition.broadcast()
        condition.unlock()
    }
}

let gate = Gate()
let count = 10_000
let before = residentBytes()
for _ in 0..<count { Thread { gate.wait() }.start() }
gate.waitUntil(count)
let perThread = (residentBytes() - before) / count
print("memory per parked thread: \(perThread) bytes")
gate.release()
