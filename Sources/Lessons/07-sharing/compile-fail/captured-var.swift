// Example 'captured-var' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
func countTwice() async -> Int {
    var count = 0
    await withTaskGroup(of: Void.self) { group in
        group.addTask { count += 1 }
        group.addTask { count += 1 }
    }
    return count
}
