// Example 'hi-hoi-sequential' of lessons/03-event-loop.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
#sourceLocation(file: "lessons/03-event-loop.md", line: 192)
func say(_ what: String, after delay: Duration) async {
    try? await Task.sleep(for: delay)
    print(what)
}

await say("hi", after: .seconds(1))
await say("hoi", after: .seconds(2))
#sourceLocation()
