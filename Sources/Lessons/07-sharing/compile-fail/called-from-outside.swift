// Example 'called-from-outside' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
enum Score {
    @MainActor static var stonesThrown = 0
}

@MainActor func threw() {
    Score.stonesThrown += 1
}

func throwFromAnywhere() {
    threw()
}
