// Example 'polish-two-hands' of lessons/01-two-stones.md.
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
/// Work that needs the hand every moment: a chain of xorshift steps,
/// each one using the result of the one before.
/// (The examples are built in debug mode, where every step runs as written. An
/// optimizing build may drop work whose result is never used, so do not time a
/// loop like this in release mode without using its result.)
@discardableResult
func polish(_ stone: String, strokes: Int) -> UInt64 {
    span("begin", stone)
    var shine: UInt64 = 1
    for _ in 0..<strokes {
        shine ^= shine << 13
        shine ^= shine >> 7
        shine ^= shine << 17
    }
    span("end", stone)
    return shine
}

let strokesPerStone = 300_000_000
let bothPolished = DispatchGroup()
for stone in ["high stone", "low stone"] {
    bothPolished.enter()
    Thread {
        polish(stone, strokes: strokesPerStone)
        report("polished the \(stone)")
        bothPolished.leave()
    }.start()
}
bothPolished.wait()
print("threads used: \(threadsUsed())")
