// Example 'main-actor-score' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
enum Score {
    @MainActor static var stonesThrown = 0
}

@MainActor func threw() {
    Score.stonesThrown += 1
}

threw()          // top-level code runs on the main actor
threw()
print("stones thrown: \(Score.stonesThrown)")
