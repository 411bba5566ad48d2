// Example 'isolated-conformance' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
protocol Describes {
    func describe() -> String
}

@MainActor
final class Scoreboard: @MainActor Describes {
    var score = 0
    func describe() -> String { "score: \(score)" }
}

/// Works with anything that can describe itself.
func show(_ thing: some Describes) -> String { thing.describe() }

let board = Scoreboard()
board.score = 3
print(show(board))               // top-level code is on the main actor
