// The examples of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
// Building this target builds every example of the lesson at once.
print("frames\ncountdown\ncountdown-by-hand\nbridge\nresume-twice\nnever-resumed\ntiny-runtime\ntask-memory\nthread-memory\ntask-switch\nthread-switch\nlet-go-starter\nlet-go")
