// Example 'blocked-pool' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation
import Synchronization

/// The number of CPUs this machine is configured with.
let cores = sysconf(Int32(_SC_NPROCESSORS_CONF))

/// Sleeps the way a blocking API waits: by holding on to the thread.
func blockingSleep(seconds: Double) {
    Thread.sleep(forTimeInterval: seconds)
}

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
            try? await Task.sleep(for: .milliseconds(100))
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
let running = Gauge()

await withTaskGroup(of: Void.self) { group in
    for _ in 0..<2 * cores {
        group.addTask {
            running.enter()
            blockingSleep(seconds: 1)
            running.leave()
        }
    }
}

print("\(2 * cores) blocking tasks, \(cores) cores")
print("running at once: \(running.most) (one per core: \(running.most == cores))")
await stopHeartbeat(heartbeat)
