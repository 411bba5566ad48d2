// Example 'outside-the-actor' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
actor Counter {
    var value = 0
}

func bump(_ counter: Counter) {
    counter.value += 1
}
