// The examples of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("holding-hand\nopen-hand\nblocked-pool\nsleeping-pool\nglobal-queue\nown-thread\nnio-pool\nten-thousand-tasks\nten-thousand-threads\nprice-list-starter\nprice-list")
