// The examples that import libraries of lessons/04-many-requests.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every one of them at once.
print("one-by-one\nall-at-once\ntwo-at-once\nurlsession-defaults\nclient-defaults\nraised-limits\nbounded\none-loop\nblocked-loop\nfirst-failure\nevery-result\ndeadline\nstalled-body\nfive-at-a-time-starter\nfive-at-a-time")
