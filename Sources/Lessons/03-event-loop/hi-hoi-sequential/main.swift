// Example 'hi-hoi-sequential' of lessons/03-event-loop.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// The kernel's id for the thread running this line.
func threadID() -> Int {
#if os(Linux)
    // Linux shows it as the symbolic link /proc/thread-self, which points
    // to "PID/task/TID".
    let link = try! FileManager.default
        .destinationOfSymbolicLink(atPath: "/proc/thread-self")
    return Int(link.split(separator: "/").last!)!
#else
    // macOS: pthread_threadid_np gives the calling thread's id.
    var id: UInt64 = 0
    pthread_threadid_np(nil, &id)
    return Int(id)
#endif
}

/// Whether this line runs on the process's first thread, the main thread.
func isMainThread() -> Bool {
#if os(Linux)
    return threadID() == Int(getpid())   // on Linux its id is the process id
#else
    return pthread_main_np() != 0
#endif
}

/// "the main thread", or "thread 12345".
func thisThread() -> String {
    isMainThread() ? "the main thread" : "thread \(threadID())"
}

/// A duration as "1.23 s", and the time since the program started.
func seconds(_ d: Duration) -> String {
    let (whole, attoseconds) = d.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}
let start = ContinuousClock.now
func now() -> String { seconds(start.duration(to: .now)) }

/// Marks where a piece of work begins or ends ("begin" or "end"), for the
/// timeline the site draws of what ran when; with `thread`, on that thread's row.
func span(_ edge: String, _ name: String, thread: Int? = nil) {
    let row = thread.map { " thread=\($0)" } ?? ""
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\(row)\n".utf8))
}
func say(_ what: String, after delay: Duration) async {
    span("begin", what)
    try? await Task.sleep(for: delay)
    span("end", what)
    print(what)
}

await say("hi", after: .seconds(1))
await say("hoi", after: .seconds(2))
