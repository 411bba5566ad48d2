// The examples of lessons/08-streams.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("ticks\nunbounded\nnewest\nchannel\nmerged\nprogress-starter\nprogress")
