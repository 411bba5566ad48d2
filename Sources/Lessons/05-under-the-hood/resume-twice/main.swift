// Example 'resume-twice' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// A callback API with a bug: it reports its result twice.
func countCatches(_ done: @escaping @Sendable (Int) -> Void) {
    done(2)
    done(3)
}

func catches() async -> Int {
    await withCheckedContinuation { continuation in
        countCatches { count in continuation.resume(returning: count) }
    }
}

print("stones caught: \(await catches())")
