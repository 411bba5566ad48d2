// Example 'assume-wrongly' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

var taps = 0                      // top-level: the main actor's

func frameworkCallback() {
    MainActor.assumeIsolated { taps += 1 }
}

frameworkCallback()               // on the main actor: the promise holds
print("on the main actor: taps = \(taps)")
fflush(nil)                       // print's buffer would be lost in the crash
await Task.detached {
    frameworkCallback()           // off the main actor: the program stops
}.value
print("never printed")
