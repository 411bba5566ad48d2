// Example 'sleeping-pool' of lessons/02-blocking.md.
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
/// The number of CPUs this machine is configured with.
let cores = sysconf(Int32(_SC_NPROCESSORS_CONF))

/// Sleeps the way a blocking API waits: by holding on to the thread.
func blockingSleep(seconds: Double) {
    Thread.sleep(forTimeInterval: seconds)
}
import Synchronization

/// Counts the callers between `enter()` and `leave()`, and remembers the
/// largest number that were inside at the same time.
final class Gauge: Sendable {
    private let counts = Mutex((inside: 0, most: 0))

    func enter() {
        counts.withLock { $0.inside += 1; $0.most = max($0.most, $0.inside) }
    }

    func leave() {
        counts.withLock { $0.inside -= 1 }
    }

    var most: Int { counts.withLock { $0.most } }
}
/// Starts a task on the pool that wakes every 0.1 s and returns the longest
/// gap it saw between two wake-ups.
func startHeartbeat() -> Task<Duration, Never> {
    let started = ContinuousClock.now
    return Task.detached {
        var last = started
        var longest = Duration.zero
        while !Task.isCancelled {
            span("begin", "heartbeat")
            try? await Task.sleep(for: .milliseconds(100))   // returns early once cancelled
            span("end", "heartbeat")
            let now = ContinuousClock.now
            longest = max(longest, now - last)
            last = now
        }
        return longest
    }
}

/// Stops the heartbeat, prints its longest gap and returns it.
@discardableResult
func stopHeartbeat(_ heartbeat: Task<Duration, Never>) async -> Duration {
    heartbeat.cancel()
    let gap = await heartbeat.value
    print("max heartbeat gap:", String(format: "%.3f s", gap / .seconds(1)))
    return gap
}
let heartbeat = startHeartbeat()
let sleeping = Gauge()

await withTaskGroup(of: Void.self) { group in
    for i in 1...2 * cores {
        group.addTask {
            span("begin", "task \(i)")
            sleeping.enter()
            try? await Task.sleep(for: .seconds(1))
            sleeping.leave()
            span("end", "task \(i)")
        }
    }
}

print("\(2 * cores) sleeping tasks, \(cores) cores")
print("sleeping at once: \(sleeping.most) (all of them: \(sleeping.most == 2 * cores))")
await stopHeartbeat(heartbeat)
