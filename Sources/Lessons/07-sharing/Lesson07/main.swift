// The examples of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("counts-sent-back\nfilled-first\nmain-actor-score\nhop-to-main\ncrossing-conformance:main-actor-nonsending\nisolated-conformance\nask-the-actor\nactor-counter\nreentrancy\nno-reentrancy\nmutex-counter\natomic-counter\nsix-takers-starter\nsix-takers")
