// Example 'sleep-in-async' of lessons/02-blocking.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

func fetchReport() async {
    Thread.sleep(forTimeInterval: 1)
}
