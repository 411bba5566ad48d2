// Example 'where-am-i' under setting 'nonsending' of lessons/09-where-code-runs.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
actor Counter {
    var value = 0
    func here() -> String { describe(#isolation) }
    func callAsync() async -> String { await asyncHere() }
    func callLog() { log("log, called by a Counter method") }
}

/// Says which actor `isolation` is, in words.
func describe(_ isolation: (any Actor)?) -> String {
    guard let isolation else { return "no actor" }
    if isolation === MainActor.shared { return "the main actor" }
    return isolation is Counter ? "the Counter actor" : "another actor"
}

@MainActor func onMain() -> String { describe(#isolation) }
func syncHere() -> String { describe(#isolation) }
func asyncHere() async -> String { describe(#isolation) }

/// Runs on its caller's actor: `isolation` is that actor, passed in for it.
func log(_ message: String, isolation: isolated (any Actor)? = #isolation) {
    print("\(message): \(describe(isolation))")
}

let counter = Counter()
print("top-level code: \(describe(#isolation))")
print("@MainActor function: \(onMain())")
print("actor method: \(await counter.here())")
print("plain function: \(syncHere())")
print("plain async function, called from main: \(await asyncHere())")
print("plain async function, called from Counter: \(await counter.callAsync())")
log("log, called from top-level code")
await counter.callLog()
