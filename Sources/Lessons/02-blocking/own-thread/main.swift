// Example 'own-thread' of lessons/02-blocking.md.
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
/// Runs the blocking call on a new thread, and suspends meanwhile.
func lookUp() async {
    await withCheckedContinuation { continuation in
        Thread {
            blockingSleep(seconds: 1)
            continuation.resume()
        }.start()
    }
}

let heartbeat = startHeartbeat()
await withTaskGroup(of: Void.self) { group in
    for _ in 0..<2 * cores {
        group.addTask { await lookUp() }
    }
}
await stopHeartbeat(heartbeat)
