// Example 'isolated-cast' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
protocol Describes {
    func describe() -> String
}

@MainActor final class Scoreboard {
    var score = 3
}

extension Scoreboard: @MainActor Describes {
    func describe() -> String { "score: \(score)" }
}

/// Asks at run time whether `value` can describe itself.
func tryDescribe(_ value: Any) -> String {
    if let d = value as? any Describes { return d.describe() }
    return "not Describes here"
}

let board = Scoreboard()
print("on the main actor: \(tryDescribe(board))")
print("in a detached task: \(await Task.detached { tryDescribe(board) }.value)")
