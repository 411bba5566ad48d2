// Example 'thread-memory' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// The bytes of memory this process really uses (its resident set).
func residentBytes() -> Int {
    let file = FileHandle(forReadingAtPath: "/proc/self/statm")!
    let fields = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        .split(separator: " ")
    return Int(fields[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
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
let count = 1_000
let before = residentBytes()
for _ in 0..<count { Thread { gate.wait() }.start() }
gate.waitUntil(count)
let perThread = (residentBytes() - before) / count
print("memory per parked thread: \(perThread) bytes")
gate.release()
