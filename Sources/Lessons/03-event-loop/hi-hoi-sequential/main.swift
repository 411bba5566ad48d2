// Example 'hi-hoi-sequential' of lessons/03-event-loop.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
func say(_ what: String, after delay: Duration) async {
    try? await Task.sleep(for: delay)
    print(what)
}

await say("hi", after: .seconds(1))
await say("hoi", after: .seconds(2))
