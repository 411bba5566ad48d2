// Example 'thread-memory' of lessons/05-under-the-hood.md.
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
