// Example 'never-resumed' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// A callback API with a bug: it forgets to call back at all.
func fetchStones(_ done: @escaping @Sendable (Int) -> Void) {}

func stones() async -> Int {
    await withCheckedContinuation { continuation in
        fetchStones { count in continuation.resume(returning: count) }
    }
}

let waiting = Task { await stones() }
try await Task.sleep(for: .milliseconds(300))
print("after 0.3 s the task is still waiting")
waiting.cancel()
print("cancelling it changes nothing: a continuation does not look at the flag")
