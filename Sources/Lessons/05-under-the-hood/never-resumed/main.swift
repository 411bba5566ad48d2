// Example 'never-resumed' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// A callback API with a bug: it forgets to call back at all.
func countCatches(_ done: @escaping @Sendable (Int) -> Void) {}

func catches() async -> Int {
    await withCheckedContinuation { continuation in
        countCatches { count in continuation.resume(returning: count) }
    }
}

let waiting = Task { await catches() }
try await Task.sleep(for: .milliseconds(300))
print("after 0.3 s the task is still waiting")
waiting.cancel()
print("cancelling it changes nothing: a continuation does not look at the flag")
