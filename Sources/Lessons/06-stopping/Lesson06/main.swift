// The examples of lessons/06-stopping.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("deaf:default\ndeaf:nonsending\nlistening\nsleeper\nswallowed\nstop-a-download\nfamily\nslow-sibling\norphan\ntimeout\ndeaf-timeout\non-deadline-starter\non-deadline")
