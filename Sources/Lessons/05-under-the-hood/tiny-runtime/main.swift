// Example 'tiny-runtime' of lessons/05-under-the-hood.md.
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
/// A value that will exist later, and who to tell when it does.
final class Future<Value> {
    private(set) var value: Value?
    private var callbacks: [(Value) -> Void] = []

    func resolve(_ value: Value) {
        self.value = value
        let waiting = callbacks
        callbacks = []
        for callback in waiting { callback(value) }
    }

    /// Calls `callback` with the value, now if there is one, else when there is.
    func whenDone(_ callback: @escaping (Value) -> Void) {
        if let value { callback(value) } else { callbacks.append(callback) }
    }
}

/// What a coroutine says each time it stops.
enum Step<Result> {
    case waitFor(Future<Void>)   // resume me when this is done
    case finished(Result)        // I am done, with this result
}

/// A coroutine cut by hand: each `resume()` runs to its next stop.
protocol Coroutine {
    associatedtype Result
    mutating func resume() -> Step<Result>
}

let loop = TinyLoop()

/// A task: drives `coroutine` on the loop, one job per piece, and returns
/// a future for its result.
func spawn<C: Coroutine>(_ coroutine: C) -> Future<C.Result> {
    let result = Future<C.Result>()
    var coroutine = coroutine
    func runOnePiece() {
        switch coroutine.resume() {
        case .waitFor(let future):
            future.whenDone { _ in loop.execute(runOnePiece) }   // the next piece
        case .finished(let value):
            result.resolve(value)
        }
    }
    loop.execute(runOnePiece)
    return result
}

/// A future that is done after `delay`: a timer on the loop.
func sleep(_ delay: Duration) -> Future<Void> {
    let done = Future<Void>()
    loop.schedule(after: delay) { done.resolve(()) }
    return done
}

/// A future for all of `futures`' values, in order, done when the last is.
func gather<Value>(_ futures: [Future<Value>]) -> Future<[Value]> {
    let all = Future<[Value]>()
    var left = futures.count
    for future in futures {
        future.whenDone { _ in
            left -= 1
            if left == 0 { all.resolve(futures.map { $0.value! }) }
        }
    }
    return all
}

/// Lets a coroutine wait for a future whose value it reads afterwards.
func done<Value>(_ future: Future<Value>) -> Future<Void> {
    let signal = Future<Void>()
    future.whenDone { _ in signal.resolve(()) }
    return signal
}
/// async def say(what, delay): await asyncio.sleep(delay); print(what)
struct Say: Coroutine {
    let what: String
    let delay: Duration
    var next = 0
    mutating func resume() -> Step<String> {
        switch next {
        case 0:
            next = 1
            span("begin", what)
            return .waitFor(sleep(delay))      // await asyncio.sleep(delay)
        default:
            span("end", what)
            print("\(what) at \(now())")
            return .finished(what)
        }
    }
}

/// async def main(): await asyncio.gather(say("hi", 1), say("hoi", 2))
struct Main: Coroutine {
    var next = 0
    var both: Future<[String]>?
    mutating func resume() -> Step<Void> {
        switch next {
        case 0:
            next = 1
            let all = gather([spawn(Say(what: "hi", delay: .seconds(1))),
                              spawn(Say(what: "hoi", delay: .seconds(2)))])
            both = all
            return .waitFor(done(all))         // await gather(...)
        default:
            print("main got \(both!.value!) at \(now())")
            return .finished(())
        }
    }
}

_ = spawn(Main())        // asyncio.run(main())
loop.run()
