// Example 'hi-hoi-tasks' of lessons/03-event-loop.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
func say(_ what: String, after delay: Duration) async {
    try? await Task.sleep(for: delay)
    print(what)
}

let hi = Task { await say("hi", after: .seconds(1)) }
let hoi = Task { await say("hoi", after: .seconds(2)) }
await hi.value
await hoi.value
