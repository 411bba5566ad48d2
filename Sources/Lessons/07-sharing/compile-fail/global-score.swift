// Example 'global-score' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
enum Score {
    static var stonesThrown = 0
}

func threw() {
    Score.stonesThrown += 1
}
