// Example 'launches' under setting 'default' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
struct Stats {
    static var launches = 0
}

func recordLaunch() {
    Stats.launches += 1
}

recordLaunch()
recordLaunch()
print("launches: \(Stats.launches)")
