// The examples of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("actor-counter\nreentrancy\nno-reentrancy\nmutex-counter\natomic-counter\nsix-takers-starter\nsix-takers")
