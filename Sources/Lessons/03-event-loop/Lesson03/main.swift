// The examples of lessons/03-event-loop.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("two-jobs\nhi-hoi-sequential\nhi-hoi-tasks\nblocked-loop\nmain-actor-blocked\nscoreboard\nhi-hoi-loop\nactor-on-loop\nnio-hi-hoi\non-time-starter\non-time")
