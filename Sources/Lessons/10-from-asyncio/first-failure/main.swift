// Example 'first-failure' of lessons/10-from-asyncio.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

struct BadAnswer: Error {}

/// A duration as "1.23 s".
func seconds(_ d: Duration) -> String {
    let (whole, attoseconds) = d.components
    return String(format: "%.2f s", Double(whole) + Double(attoseconds) / 1e18)
}

/// Marks the start or end of a piece of work for the timeline the site draws.
func span(_ edge: String, _ name: String) {
    FileHandle.standardError.write(Data("::span-\(edge) \(name)\n".utf8))
}

/// A child that fails after 100 ms.
func fails(in group: String) async throws {
    span("begin", "\(group): fails")
    defer { span("end", "\(group): fails") }
    try await Task.sleep(for: .milliseconds(100))
    throw BadAnswer()
}

/// A child that sleeps for a second, unless it is cancelled first.
func sleeps(in group: String) async throws {
    span("begin", "\(group): sleeps")
    defer { span("end", "\(group): sleeps") }
    do {
        try await Task.sleep(for: .seconds(1))
        print("\(group): the sleeper slept its full second")
    } catch {
        print("\(group): the sleeper was cancelled")
        throw error
    }
}

let clock = ContinuousClock()

var began = clock.now
do {
    try await withThrowingDiscardingTaskGroup { group in
        group.addTask { try await fails(in: "discarding") }
        group.addTask { try await sleeps(in: "discarding") }
    }
} catch {
    print("discarding group threw: \(error)")
}
print("discarding group ended after: \(seconds(clock.now - began))")

began = clock.now
do {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await fails(in: "throwing") }
        group.addTask { try await sleeps(in: "throwing") }
        try await group.waitForAll()
    }
} catch {
    print("throwing group threw: \(error)")
}
print("throwing group ended after: \(seconds(clock.now - began))")
