// Example 'two-hands' under setting 'main-actor' of lessons/01-two-stones.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation
import Synchronization

/// The kernel's id for the thread that calls this function.
func threadID() -> Int {
#if os(Linux)
    // "/proc/thread-self" links to "PROCESS/task/THREAD" for the thread reading it.
    var link = [CChar](repeating: 0, count: 64)
    let length = readlink("/proc/thread-self", &link, link.count)
    let text = String(decoding: link[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return Int(text.split(separator: "/").last!)!
#else
    // macOS: the kernel's id for the calling thread (nil means "this thread").
    var id: UInt64 = 0
    pthread_threadid_np(nil, &id)
    return Int(id)
#endif
}

let start = Date()
let threadsSeen = Mutex<Set<Int>>([])

/// Prints one line of the timeline: seconds since the start, thread, event.
func report(_ event: String) {
    let thread = threadID()
    threadsSeen.withLock { _ = $0.insert(thread) }
    let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
    print("\(seconds) s  thread \(thread)  \(event)")
}

/// How many different threads have called `report` so far.
func threadsUsed() -> Int {
    threadsSeen.withLock { $0.count }
}

/// Marks where a piece of work begins or ends ("begin" or "end"), for the
/// timeline the site draws of what ran when. Marks go to standard error, apart
/// from the output.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name) thread=\(threadID())\n".utf8))
}
func threw(_ stone: String) {
    report("threw the \(stone)")
    span("begin", stone)
}

func caught(_ stone: String) {
    span("end", stone)
    report("caught the \(stone)")
}

/// Throws a stone, then waits and does nothing else until it comes down.
func throwAndWait(_ stone: String, flight: TimeInterval) {
    threw(stone)
    Thread.sleep(forTimeInterval: flight)
    caught(stone)
}
let bothCaught = DispatchGroup()
for (stone, flight) in [("high stone", 2.0), ("low stone", 1.0)] {
    bothCaught.enter()
    Thread {
        throwAndWait(stone, flight: flight)
        bothCaught.leave()
    }.start()
}
bothCaught.wait()
print("threads used: \(threadsUsed())")
