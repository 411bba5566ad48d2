// Example 'crossing-conformance' under setting 'main-actor-nonsending' of lessons/07-sharing.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
protocol Describes {
    func describe() -> String
}

@MainActor
final class Scoreboard: Describes {
    var score = 0
    func describe() -> String { "score: \(score)" }
}
