// Example 'stop-a-download' of lessons/06-stopping.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// Keeps the calling thread busy for `duration`: work that never suspends.
func crunch(for duration: Duration) {
    let end = ContinuousClock.now + duration
    while ContinuousClock.now < end {}
}

/// A duration as "1.23 s", and the time since the program started.
func seconds(_ d: Duration) -> String {
    let (whole, attoseconds) = d.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}
let start = ContinuousClock.now
func now() -> String { seconds(start.duration(to: .now)) }

/// Marks the start or end of a piece of work for the timeline of the run.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
import Synchronization

/// An old-style download API, from before async/await; it stands in for any
/// callback API. `start` calls `done` with the data, on a Dispatch thread,
/// once `duration` has passed. `cancel()`, from any thread, stops it: a
/// download cancelled before it starts never starts, and one cancelled while
/// it runs never calls `done`, unless that call was already on its way.
final class Download: Sendable {
    let duration: Duration
    private let stopped = Atomic(false)

    init(taking duration: Duration) { self.duration = duration }

    func start(_ done: @escaping @Sendable (String) -> Void) {
        guard !stopped.load(ordering: .relaxed) else { return }
        print("the download starts")
        let (whole, attoseconds) = duration.components
        let delay = Double(whole) + Double(attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
            if !stopped.load(ordering: .relaxed) { done("the file") }
        }
    }

    func cancel() { stopped.store(true, ordering: .relaxed) }
}
/// What the operation, the callback and the handler share.
struct Waiting {
    var continuation: CheckedContinuation<String, any Error>?
    var cancelled = false
}

/// The download, as something to await; cancelling the task stops it.
func download(taking duration: Duration) async throws -> String {
    let transfer = Download(taking: duration)
    let waiting = Mutex(Waiting())
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            let goAhead = waiting.withLock { state in
                if state.cancelled { return false }      // the handler came first
                state.continuation = continuation
                return true
            }
            guard goAhead else {
                continuation.resume(throwing: CancellationError())
                return                                   // and never start
            }
            transfer.start { data in
                waiting.withLock { $0.continuation.take() }?.resume(returning: data)
            }
        }
    } onCancel: {
        transfer.cancel()                                // stop the outside work
        let continuation = waiting.withLock { state in
            state.cancelled = true
            return state.continuation.take()
        }
        continuation?.resume(throwing: CancellationError())
    }
}
let clock = ContinuousClock()
let began = clock.now
let waiter = Task {
    span("begin", "a 1 s download")
    defer { span("end", "a 1 s download") }
    return try await download(taking: .seconds(1))
}
try await Task.sleep(for: .milliseconds(200))
waiter.cancel()
print("the download ended with: \(await waiter.result)")
print("the wait took: \(seconds(clock.now - began))")
let beganEarly = clock.now
let early = Task {
    span("begin", "cancelled before it began")
    defer { span("end", "cancelled before it began") }
    print("cancelled before it began: \(Task.isCancelled)")
    return try await download(taking: .seconds(1))
}
early.cancel()
print("the early one ended with: \(await early.result)")
print("the early one took: \(seconds(clock.now - beganEarly))")
