// Example 'escalation' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
func name(_ priority: TaskPriority) -> String {
    priority == .high ? "high" : priority == .low ? "low" : "\(priority.rawValue)"
}

let (started, startedGo) = AsyncStream.makeStream(of: Void.self)
let (woken, wake) = AsyncStream.makeStream(of: Void.self)

let low = Task(priority: .low) {
    await withTaskPriorityEscalationHandler {
        print("low task: priority \(name(Task.currentPriority))")
        startedGo.yield()
        for await _ in woken { break }     // until the handler wakes it
        print("low task, escalated: priority \(name(Task.currentPriority))")
    } onPriorityEscalated: { old, new in
        print("handler: from \(name(old)) to \(name(new))")
        wake.yield()
    }
}

for await _ in started { break }           // the low task is running
let high = Task(priority: .high) {
    print("high task: awaits the low one")
    await low.value
}
await high.value
