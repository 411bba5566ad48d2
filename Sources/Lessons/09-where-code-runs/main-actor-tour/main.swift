// Example 'main-actor-tour' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
@MainActor final class Model {
    var items: [String] = []
    func add(_ item: String) { items.append(item) }
}

let model = Model()               // top-level code is the main actor's

/// Code that belongs to no actor starts a task that belongs to the main actor.
func refresh() -> Task<Void, Never> {
    Task { @MainActor in model.add("from Task { @MainActor in }") }
}
await refresh().value

await Task.detached {             // belongs to no actor: visit the main actor
    await MainActor.run { model.add("from MainActor.run") }
}.value

/// A synchronous callback that a framework delivers on the main actor.
func frameworkCallback() {
    MainActor.assumeIsolated { model.add("from MainActor.assumeIsolated") }
}
frameworkCallback()

for item in model.items { print(item) }
