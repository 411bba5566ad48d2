// Example 'actor-notes' under setting 'nonsending' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
/// A list that any code may change: not safe to share, so not Sendable.
final class Notes {
    var items: [String] = []
}

/// Adds a line to the notes it is given.
func jot(_ line: String, in notes: Notes) async {
    notes.items.append(line)
}

actor Store {
    let notes = Notes()
    func record() async -> [String] {
        await jot("recorded", in: notes)
        return notes.items
    }
}

print("notes: \(await Store().record())")
