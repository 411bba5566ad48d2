// The examples of lessons/10-from-asyncio.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("first-failure\nswift-sequential\nswift-tasks\ngather-starter\ngather")
