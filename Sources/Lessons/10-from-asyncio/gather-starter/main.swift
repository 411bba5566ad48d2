// Example 'gather-starter' of lessons/10-from-asyncio.md.
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
/// A stone that comes back after `delay` with `word` written on it.
func stone(_ word: String, after delay: Duration) async -> String {
    span("begin", word)
    try? await Task.sleep(for: delay)
    span("end", word)
    return word
}

let thrown: [(word: String, delay: Duration)] = [
    ("hi", .milliseconds(800)),
    ("hoi", .milliseconds(300)),
    ("hallo", .milliseconds(600)),
    ("hey", .milliseconds(200)),
]

// words = await asyncio.gather(*(stone(w, d) for w, d in thrown))
var words: [String] = []
for (word, delay) in thrown {
    words.append(await stone(word, after: delay))
}
print(words.joined(separator: " "))
