// Example 'holding-hand' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

print("throw the first stone")
Thread.sleep(forTimeInterval: 1)  // the thread waits, and does nothing else
print("it lands; throw the second")
Thread.sleep(forTimeInterval: 1)
print("it lands")
