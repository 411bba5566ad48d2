// Example 'request-id' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
enum Request {
    @TaskLocal static var id: String?
}

func show(_ place: String) -> String {
    "\(place): request \(Request.id ?? "none")"
}

print(show("outside"))
await Request.$id.withValue("req-42") {
    print(show("inside withValue"))
    async let child = show("async let child")
    print(await child)
    await withTaskGroup(of: String.self) { group in
        group.addTask { show("task group child") }
        for await line in group { print(line) }
    }
    print(await Task { show("Task {}") }.value)
    print(await Task.detached { show("Task.detached") }.value)
}
print(show("after withValue"))
