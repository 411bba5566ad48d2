// Example 'progress-starter' of lessons/08-streams.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

let start = ContinuousClock.now
/// The time since the program started, as "1.23 s".
func now() -> String {
    let (whole, attoseconds) = start.duration(to: .now).components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}

/// Marks the start or end of a piece of work for the timeline the site draws.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}
let (progress, feed) = AsyncStream.makeStream(of: Int.self)

// A download reports its progress, 40 times, every 10 ms.
let download = Task.detached {
    span("begin", "download")
    for step in 1...40 {
        try? await Task.sleep(for: .milliseconds(10))
        feed.yield(step * 100 / 40)                     // percent done
    }
    feed.finish()
    span("end", "download")
    return ContinuousClock.now                          // when it finished
}

// The progress bar takes 40 ms to draw.
span("begin", "progress bar")
var drawn: [Int] = []
for await percent in progress {
    drawn.append(percent)
    try? await Task.sleep(for: .milliseconds(40))       // draw it
}
span("end", "progress bar")
let downloadDone = await download.value
print("bars drawn: \(drawn.count)")
print("last bar: \(drawn.last ?? 0)%")
print("bar behind: \(downloadDone.duration(to: .now))")
