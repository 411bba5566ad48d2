// Example 'hop-to-main' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
enum Score {
    @MainActor static var stonesThrown = 0
}

@MainActor func threw() {
    Score.stonesThrown += 1
}

func throwFromAnywhere() async {
    await threw()                    // hop onto the main actor, wait for its turn
}

await withTaskGroup(of: Void.self) { group in
    for _ in 1...3 {
        group.addTask { await throwFromAnywhere() }
    }
}
print("stones thrown: \(Score.stonesThrown)")
