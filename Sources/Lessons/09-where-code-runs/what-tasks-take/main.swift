// Example 'what-tasks-take' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
enum Request {
    @TaskLocal static var id: String?
}

func actorName(_ isolation: (any Actor)?) -> String {
    isolation === MainActor.shared ? "main actor" : isolation == nil ? "no actor" : "another"
}

func priorityName(_ priority: TaskPriority) -> String {
    switch priority {
    case .high: "high"
    case .medium: "medium"
    case .low: "low"
    case .background: "background"
    default: "other"
    }
}

func report(_ who: String, _ isolation: (any Actor)? = #isolation) {
    let id = Request.id ?? "none"
    let priority = priorityName(Task.currentPriority)
    print("\(who): \(actorName(isolation)), priority \(priority), request \(id)")
}

report("top-level code")
// Waiting with a continuation, not `await parent.value`: awaiting a task
// would raise its priority to the waiter's, as in the section above.
await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
    Task(priority: .low) {
        await Request.$id.withValue("req-7") {
            report("parent")
            await Task { report("Task {}") }.value
            await Task.detached { report("Task.detached") }.value
        }
        done.resume()
    }
}
