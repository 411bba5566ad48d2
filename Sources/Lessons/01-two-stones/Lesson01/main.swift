// The examples of lessons/01-two-stones.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("one-at-a-time\ntwo-hands:default\none-hand\npolish-one-by-one\npolish-two-hands\npolish-one-hand\nthree-stones-starter\nthree-stones")
