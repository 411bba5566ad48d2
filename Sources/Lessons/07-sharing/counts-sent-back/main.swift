// Example 'counts-sent-back' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
func countTwice() async -> Int {
    await withTaskGroup(of: Int.self) { group in
        group.addTask { 1 }                         // each child sends back its count
        group.addTask { 1 }
        var count = 0
        for await one in group { count += one }     // and only this task adds them
        return count
    }
}

print("count: \(await countTwice())")
