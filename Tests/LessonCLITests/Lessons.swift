import Foundation
import Testing

@testable import LessonCLI
@testable import LessonKit
@testable import LessonRun

// Small lessons, read by the real parser, and the runs the engine would report for them,
// with fixed numbers: what the terminal view is given in the snapshot tests.

let fence = "```"

/// A lesson that passes: runs side by side and alone, spans, a compile-only and a
/// compile-fail example, and claims, one of them loose.
func passingLesson() throws -> Lesson {
  try parseLesson(
    """
    # Two stones

    Two threads throw a stone each.

    \(fence)swift example=two-threads
    import Foundation
    print("both stones are back")
    \(fence)

    \(fence)output example=two-threads
    both stones are back
    \(fence)

    Both stones are back in [about 2 s](claim:two-threads), [at least 1 s](claim:two-threads)
    after they were thrown, [roughly 2 s](claim:two-threads "±60%") by any clock; one thread
    takes [about twice as long](claim:one-thread/two-threads).

    \(fence)swift example=one-thread
    print("both stones are back")
    \(fence)

    \(fence)swift example=hello
    print("hello")
    \(fence)

    \(fence)output example=hello
    hello
    \(fence)

    \(fence)swift example=wave
    print("wave")
    \(fence)

    \(fence)swift example=check-types compile-only
    let n: Int = 1
    \(fence)

    \(fence)swift example=racy compile-fail
    var count = 0
    \(fence)

    \(fence)diagnostic example=racy
    error: …mutable state…
    \(fence)
    """, name: "02-two-stones.md")
}

func passingEvents() throws -> (events: [EngineEvent], report: LessonReport) {
  let lesson = try passingLesson()
  var script = Script(lesson)
  script.build(
    BuildSummary(
      examples: script.compiled(), succeeded: true, seconds: 0.02, failures: [], diagnostics: [],
      upToDate: true))
  try script.typecheck(
    "racy",
    stderr:
      "/book/\(Tangler.sourcePath(of: try script.example("racy"), in: lesson)):1:5: error: var 'count' is not concurrency-safe because it is nonisolated global shared mutable state\n"
  )
  try script.sideBySide([
    ("hello", record([out(0.004, "hello")], wall: 0.006)),
    ("wave", record([err(0.003, "waving"), out(0.005, "wave")], wall: 0.008)),
  ])
  try script.run(
    "two-threads",
    record(
      [
        err(0.010, "::span-begin stone 1"), err(0.011, "::span-begin stone 2"),
        err(2.001, "::span-end stone 1"), err(2.002, "::span-end stone 2"),
        out(2.003, "both stones are back"),
      ], wall: 2.004),
    quietAt: [0.5, 1.0, 1.5])
  try script.run(
    "one-thread",
    record([out(4.005, "both stones are back")], wall: 4.008))
  let report = script.finish()
  return (script.events, report)
}

/// A lesson with a wrong output and a claim that still fails on runs alone.
func failingEvents() throws -> (events: [EngineEvent], report: LessonReport) {
  let lesson = try parseLesson(
    """
    # Judged wrong

    \(fence)swift example=greet
    print("hello")
    \(fence)

    \(fence)output example=greet
    hello
    \(fence)

    \(fence)swift example=slow
    import Foundation
    Thread.sleep(forTimeInterval: 2)
    \(fence)

    The slow one takes [about 2 s](claim:slow).
    """, name: "05-judged-wrong.md")
  var script = Script(lesson)
  script.build(
    BuildSummary(
      examples: script.compiled(), succeeded: true, seconds: 1.74, failures: [], diagnostics: [],
      rebuilt: ["greet", "slow"]))
  try script.run(
    "greet",
    record([err(0.002, "greeting the wrong stone"), out(0.003, "bye")], wall: 0.005))
  try script.run("slow", record([], wall: 2.61))
  let again = script.judgeFirst(runs: 2)
  #expect(again == ["slow"])
  try script.run("slow", record([], wall: 2.70), run: 2, of: 3)
  try script.run("slow", record([], wall: 2.65), run: 3, of: 3)
  let report = script.finish()
  return (script.events, report)
}

/// A lesson one of whose examples does not compile; the claim on it cannot be measured.
func brokenEvents() throws -> (events: [EngineEvent], report: LessonReport) {
  let lesson = try parseLesson(
    """
    # Broken

    \(fence)swift example=broken
    let stone = 1
    print(ston)
    \(fence)

    \(fence)swift example=fine
    print("fine")
    \(fence)

    \(fence)output example=fine
    fine
    \(fence)

    It lands in [about 1 s](claim:broken).
    """, name: "03-broken.md")
  var script = Script(lesson)
  let broken = try script.example("broken")
  let tangled = Tangler.source(of: broken, in: lesson).split(
    separator: "\n", omittingEmptySubsequences: false)
  let line = try #require(tangled.firstIndex { $0 == "print(ston)" }) + 1
  let path = "/book/" + Tangler.sourcePath(of: broken, in: lesson)
  try script.failedBuild(
    [
      (
        "broken",
        """
        \(path):\(line):7: error: cannot find 'ston' in scope
        \(line) | print(ston)
          |       `- error: cannot find 'ston' in scope

        """
      )
    ], rebuilt: ["broken", "fine"], seconds: 1.2)
  try script.run("fine", record([out(0.004, "fine")], wall: 0.006))
  let report = script.finish()
  return (script.events, report)
}

/// A lesson rebuilt in part, with an example for another platform and a claim that needs
/// more cores than the machine has.
func elsewhereEvents() throws -> (events: [EngineEvent], report: LessonReport) {
  let lesson = try parseLesson(
    """
    # Here and elsewhere

    \(fence)swift example=stones
    print("two stones")
    \(fence)

    \(fence)output example=stones
    two stones
    \(fence)

    \(fence)swift example=count
    print("cores: 2")
    \(fence)

    \(fence)swift example=sysctl platforms=macos
    print("read with sysctl")
    \(fence)

    Two stones land in [about 1 s](claim:stones "needs 4 cores"), and it counts
    [about 2 cores](claim:count@cores).
    """, name: "04-elsewhere.md")
  var script = Script(lesson)
  try script.elsewhere("sysctl", on: .linux)
  script.build(
    BuildSummary(
      examples: script.compiled(except: ["sysctl"]), succeeded: true, seconds: 0.83,
      failures: [], diagnostics: [], rebuilt: ["stones"]))
  try script.run("stones", record([out(1.01, "two stones")], wall: 1.02))
  try script.run("count", record([out(0.002, "cores: 2")], wall: 0.004))
  let report = script.finish()
  return (script.events, report)
}
