// Example 'hi-hoi-loop' of lessons/03-event-loop.md.
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
import Foundation

/// A tiny event loop: one thread, a queue of jobs, and timers kept in
/// deadline order. `run()` works on the thread that calls it, and returns
/// when there is nothing left to do.
final class TinyLoop: @unchecked Sendable {
    typealias Job = () -> Void
    private let lock = NSCondition()          // guards the two lists below
    private var jobs: [Job] = []              // ready to run, first in, first out
    // Jobs waiting for a moment, kept sorted: earliest deadline first.
    private var timers: [(deadline: ContinuousClock.Instant, job: Job)] = []

    /// Queue a job to run as soon as the loop gets to it.
    func execute(_ job: @escaping Job) {
        lock.lock(); defer { lock.unlock() }
        jobs.append(job)
        lock.signal()                         // wake the loop if it is waiting
    }

    /// Queue a job to run once `delay` has passed.
    func schedule(after delay: Duration, _ job: @escaping Job) {
        lock.lock(); defer { lock.unlock() }
        let deadline = ContinuousClock.now + delay
        let place = timers.firstIndex { $0.deadline > deadline } ?? timers.endIndex
        timers.insert((deadline, job), at: place)
        lock.signal()
    }

    /// The loop itself: take the next job, run it to the end, repeat.
    func run() {
        while let job = nextJob() {
            job()                             // one job at a time, never two
        }
    }

    private func nextJob() -> Job? {
        lock.lock(); defer { lock.unlock() }
        while true {
            // Timers whose deadline has passed join the back of the queue.
            while let first = timers.first, first.deadline <= .now {
                jobs.append(timers.removeFirst().job)
            }
            if !jobs.isEmpty { return jobs.removeFirst() }
            guard let first = timers.first else { return nil }   // nothing left: stop
            // Nothing ready: sleep until the next deadline, or until a new job arrives.
            let wait = ContinuousClock.now.duration(to: first.deadline).components
            let seconds = Double(wait.seconds) + Double(wait.attoseconds) / 1e18
            _ = lock.wait(until: Date(timeIntervalSinceNow: seconds))
        }
    }
}
/// Swift tasks and actors can run on the loop too. The runtime hands the
/// loop each piece of a task, from one suspension to the next, as a job.
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

func say(_ what: String, after delay: Duration) async {
    span("begin", what, thread: threadID())
    await loop.sleep(for: delay)
    span("end", what, thread: threadID())
    print("\(what) at \(now()) on \(thisThread())")
}

Task(executorPreference: loop) { await say("hi", after: .seconds(1)) }
Task(executorPreference: loop) { await say("hoi", after: .seconds(2)) }
loop.run()
