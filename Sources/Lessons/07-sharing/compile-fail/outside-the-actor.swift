// Example 'outside-the-actor' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
#sourceLocation(file: "lessons/07-sharing.md", line: 123)
actor Counter {
    var value = 0
}

func bump(_ counter: Counter) {
    counter.value += 1
}
#sourceLocation()
