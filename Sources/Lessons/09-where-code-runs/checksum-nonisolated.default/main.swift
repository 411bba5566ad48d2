// Example 'checksum-nonisolated' under setting 'default' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
nonisolated struct Checksum {
    var total = 0
    mutating func add(_ x: Int) { total &+= x }
}

let result = await Task.detached {
    var sum = Checksum()
    for i in 1...1_000 { sum.add(i) }
    return sum.total
}.value
print("checksum: \(result)")
