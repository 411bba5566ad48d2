// Example 'holding-hand' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// The kernel's id for the calling thread, asked as in lesson 1.
func threadID() -> Int {
#if os(Linux)
    // /proc/thread-self links to "PID/task/TID".
    let link = try! FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")
    return Int(link.split(separator: "/").last!)!
#else
    // macOS: pthread_threadid_np gives the calling thread's id.
    var id: UInt64 = 0
    pthread_threadid_np(nil, &id)
    return Int(id)
#endif
}

/// Marks where a piece of work begins or ends ("begin" or "end"), for the
/// timeline the site draws of what ran when; with `thread`, on that thread's row.
func span(_ edge: String, _ name: String, thread: Int? = nil) {
    let row = thread.map { " thread=\($0)" } ?? ""
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\(row)\n".utf8))
}
print("throw the first stone")
span("begin", "first stone")
Thread.sleep(forTimeInterval: 1)  // the thread waits, and does nothing else
span("end", "first stone")
print("it lands; throw the second")
span("begin", "second stone")
Thread.sleep(forTimeInterval: 1)
span("end", "second stone")
print("it lands")
