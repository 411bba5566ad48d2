// Example 'countdown' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// A duration as "1.23 s", and the time since the program started.
func seconds(_ d: Duration) -> String {
    let (whole, attoseconds) = d.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}
let start = ContinuousClock.now
func now() -> String { seconds(start.duration(to: .now)) }

/// Marks the start or end of a piece of work for the timeline the site draws.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
import Foundation

/// Lesson 3's event loop: one thread, a queue of jobs, and timers kept in
/// deadline order. `run()` works on the thread that calls it, and returns
/// when there is nothing left to do.
final class TinyLoop: @unchecked Sendable {
    typealias Job = () -> Void
    private let lock = NSCondition()
    private var jobs: [Job] = []
    private var timers: [(deadline: ContinuousClock.Instant, job: Job)] = []

    func execute(_ job: @escaping Job) {
        lock.lock(); defer { lock.unlock() }
        jobs.append(job)
        lock.signal()
    }

    func schedule(after delay: Duration, _ job: @escaping Job) {
        lock.lock(); defer { lock.unlock() }
        let deadline = ContinuousClock.now + delay
        let place = timers.firstIndex { $0.deadline > deadline } ?? timers.endIndex
        timers.insert((deadline, job), at: place)
        lock.signal()
    }

    func run() {
        while let job = nextJob() { job() }
    }

    private func nextJob() -> Job? {
        lock.lock(); defer { lock.unlock() }
        while true {
            while let first = timers.first, first.deadline <= .now {
                jobs.append(timers.removeFirst().job)
            }
            if !jobs.isEmpty { return jobs.removeFirst() }
            guard let first = timers.first else { return nil }
            let wait = ContinuousClock.now.duration(to: first.deadline).components
            let seconds = Double(wait.seconds) + Double(wait.attoseconds) / 1e18
            _ = lock.wait(until: Date(timeIntervalSinceNow: seconds))
        }
    }
}

/// Swift tasks can run on the loop too (lesson 3): each job is a piece of a
/// task, from one suspension to the next.
extension TinyLoop: TaskExecutor, SerialExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        execute {
            job.runSynchronously(isolatedTo: self.asUnownedSerialExecutor(),
                                 taskExecutor: self.asUnownedTaskExecutor())
        }
    }

    /// Suspend the calling task; a timer on the loop resumes it.
    func sleep(for delay: Duration) async {
        await withCheckedContinuation { continuation in
            schedule(after: delay) { continuation.resume() }
        }
    }
}
let loop = TinyLoop()

func countdown(from n: Int) async {
    var left = n
    while left > 0 {
        print("\(left) at \(now())")
        span("begin", "step \(left)")
        await loop.sleep(for: .milliseconds(400))
        span("end", "step \(left)")
        left -= 1
    }
    print("liftoff at \(now())")
}

Task(executorPreference: loop) { await countdown(from: 3) }
loop.run()
