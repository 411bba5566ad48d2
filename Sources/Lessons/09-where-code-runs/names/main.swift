// Example 'names' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
func line(_ place: String) -> String { "\(place): \(Task.name ?? "no name")" }

await Task(name: "fetch-user") {
    print(line("Task(name: \"fetch-user\")"))
    async let child = line("its async let child")
    print(await child)
    print(await Task { line("a Task {} it starts") }.value)
}.value
print(await Task.detached(name: "cleanup") { line("Task.detached(name: \"cleanup\")") }.value)
