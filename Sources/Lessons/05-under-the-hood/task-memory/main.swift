// Example 'task-memory' of lessons/05-under-the-hood.md.
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

/// The continuations of the suspended tasks, resumed at the end.
let parked = Mutex<[CheckedContinuation<Void, Never>]>([])

func waitInLine() async {
    var stones = 1                   // a local that lives across the await
    await withCheckedContinuation { continuation in
        parked.withLock { $0.append(continuation) }
    }
    stones += 1
}

let count = 10_000
parked.withLock { $0.reserveCapacity(count) }
var tasks: [Task<Void, Never>] = []
tasks.reserveCapacity(count)
let before = residentBytes()
for _ in 0..<count { tasks.append(Task.detached { await waitInLine() }) }
while parked.withLock({ $0.count }) < count { try await Task.sleep(for: .milliseconds(10)) }
let perTask = (residentBytes() - before) / count
print("memory per suspended task: \(perTask) bytes")

for continuation in parked.withLock({ $0 }) { continuation.resume() }
for task in tasks { await task.value }
