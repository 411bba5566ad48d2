// Example 'immediate-order' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
@MainActor func alreadyOnMain() async {}   // awaited, but never suspends

let plain = Task { print("Task {}: first line") }
let immediate = Task.immediate {
    print("Task.immediate: first line")
    await alreadyOnMain()                   // an await that does not suspend
    print("Task.immediate: after an await that did not suspend")
    await Task.yield()                      // a real suspension
    print("Task.immediate: after suspending")
}
print("caller: after starting both")
await plain.value
await immediate.value
