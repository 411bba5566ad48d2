// Example 'on-time' of lessons/03-event-loop.md.
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
let loop = TinyLoop()

/// A clock on the loop: four ticks, due every 0.3 s. The last tick
/// prints how late the slowest one fired.
func startClock() {
    let first = ContinuousClock.now
    var slowest = Duration.zero
    for tick in 1...4 {
        let due = first + .milliseconds(300 * tick)
        span("begin", "tick \(tick)")
        loop.schedule(after: .milliseconds(300 * tick)) {
            span("end", "tick \(tick)")
            slowest = max(slowest, due.duration(to: .now))
            print("tick \(tick)")
            if tick == 4 {
                print("slowest tick late:", String(format: "%.2f ms", slowest / .milliseconds(1)))
            }
        }
    }
}

/// Reads the day's scores: a blocking call that holds its thread for 0.75 s.
func readScores() -> Int {
    Thread.sleep(forTimeInterval: 0.75)
    return 42
}

startClock()
loop.execute {
    // The blocking call goes to a thread of its own; this job returns at once.
    Thread {
        let thread = threadID()
        span("begin", "reading scores", thread: thread)
        let scores = readScores()
        span("end", "reading scores", thread: thread)
        // Back to the loop: the scores are handled there, as a job of their own.
        loop.execute {
            print("scores: \(scores), handled on \(thisThread())")
        }
    }.start()
}
loop.execute {
    print("a quick job runs")
}
loop.run()
