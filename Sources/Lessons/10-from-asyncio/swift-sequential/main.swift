// Example 'swift-sequential' of lessons/10-from-asyncio.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}

/// How long the program has run: "2.00 s".
let programStart = ContinuousClock.now
func took() -> String {
    let d = ContinuousClock.now - programStart
    return String(format: "%.2f s", Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
}

func say(_ what: String, after delay: Duration) async {
    span("begin", what)
    try? await Task.sleep(for: delay)
    span("end", what)
    print(what)
}
await say("hi", after: .seconds(1))
await say("hoi", after: .seconds(2))
print("took: \(took())")
