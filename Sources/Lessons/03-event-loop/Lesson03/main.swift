// The examples that import libraries of lessons/03-event-loop.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every one of them at once.
print("nio-hi-hoi")
