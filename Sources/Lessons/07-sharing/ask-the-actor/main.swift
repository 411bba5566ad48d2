// Example 'ask-the-actor' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
actor Counter {
    var value = 0
    func bump() { value += 1 }          // the actor's own code may change it
}

func bump(_ counter: Counter) async {
    await counter.bump()                // ask the actor, and wait for its turn
}

let counter = Counter()
await bump(counter)
await bump(counter)
print("value: \(await counter.value)")
