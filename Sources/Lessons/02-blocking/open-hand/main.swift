// Example 'open-hand' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
print("throw the first stone")
try await Task.sleep(for: .seconds(1))  // the task waits; its thread is free
print("it lands; throw the second")
try await Task.sleep(for: .seconds(1))
print("it lands")
