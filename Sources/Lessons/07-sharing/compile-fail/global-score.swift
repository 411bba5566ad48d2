// Example 'global-score' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
#sourceLocation(file: "lessons/07-sharing.md", line: 101)
enum Score {
    static var stonesThrown = 0
}

func threw() {
    Score.stonesThrown += 1
}
#sourceLocation()
