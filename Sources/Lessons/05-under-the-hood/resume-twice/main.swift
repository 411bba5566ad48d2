// Example 'resume-twice' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// A callback API with a bug: it reports its result twice.
func fetchStones(_ done: @escaping @Sendable (Int) -> Void) {
    done(2)
    done(3)
}

func stones() async -> Int {
    await withCheckedContinuation { continuation in
        fetchStones { count in continuation.resume(returning: count) }
    }
}

print("got \(await stones()) stones")
